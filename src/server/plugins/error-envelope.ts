import type { FastifyError, FastifyInstance } from "fastify";
import { isMlflowError, MlflowError, type ErrorCode } from "../../core/index.js";

interface SqliteError extends Error {
  code: string;
}

function isSqliteError(e: unknown): e is SqliteError {
  const code = (e as { code?: unknown } | null)?.code;
  return e instanceof Error && typeof code === "string" && code.startsWith("SQLITE_");
}

/** Turns anything thrown into MLflow's `{error_code, message}`; the one place the envelope is produced. */
export function toMlflowError(error: unknown, bodyLimit: number): MlflowError {
  if (isMlflowError(error)) return error;
  if (isSqliteError(error)) {
    if (error.code === "SQLITE_BUSY" || error.code === "SQLITE_LOCKED") {
      return new MlflowError("TEMPORARILY_UNAVAILABLE", "The database is busy; retry the request.");
    }
    if (error.code.startsWith("SQLITE_CONSTRAINT")) return new MlflowError("BAD_REQUEST", `The request conflicts with stored data: ${error.message}`);
    return new MlflowError("INTERNAL_ERROR", "A database error occurred.");
  }
  const fastifyError = error as Partial<FastifyError>;
  if (fastifyError.code === "FST_ERR_CTP_BODY_TOO_LARGE") {
    return MlflowError.invalidParameter(`The request body exceeds the limit of ${bodyLimit} bytes.`);
  }
  if (typeof fastifyError.statusCode === "number" && fastifyError.statusCode >= 400 && fastifyError.statusCode < 500) {
    const code: ErrorCode = fastifyError.statusCode === 404 ? "ENDPOINT_NOT_FOUND" : "INVALID_PARAMETER_VALUE";
    return new MlflowError(code, fastifyError.message ?? "Bad request");
  }
  return new MlflowError("INTERNAL_ERROR", "An internal error occurred.");
}

export function registerErrorEnvelope(app: FastifyInstance, bodyLimit: number): void {
  app.setErrorHandler((error, request, reply) => {
    const mlflowError = toMlflowError(error, bodyLimit);
    if (mlflowError.httpStatus >= 500) request.log.error({ err: error }, "request failed");
    const status = (error as { httpStatusOverride?: number }).httpStatusOverride ?? mlflowError.httpStatus;
    if (mlflowError.errorCode === "TEMPORARILY_UNAVAILABLE") void reply.header("retry-after", "1");
    void reply.status(status).type("application/json").send(JSON.stringify(mlflowError.toJSON()));
  });
}
