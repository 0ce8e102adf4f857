import type { FastifyInstance, FastifyRequest } from "fastify";
import { decodeJson, MlflowError } from "../../core/index.js";

/**
 * Bodies are parsed here, not by Fastify's default parser: Python clients send bare NaN and
 * Infinity tokens, an empty body means `{}` as in MLflow, and any other content type is kept
 * unparsed so the route can refuse it with MLflow's own message.
 */
export function registerJsonBody(app: FastifyInstance): void {
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("application/json", { parseAs: "string" }, (_request, body, done) => {
    const text = typeof body === "string" ? body : body.toString("utf8");
    if (text.trim() === "") return done(null, {});
    try {
      done(null, decodeJson(text));
    } catch (error) {
      done(MlflowError.invalidParameter(`Malformed JSON request body: ${(error as Error).message}`), undefined);
    }
  });
  app.addContentTypeParser("*", { parseAs: "buffer" }, (_request, body, done) => done(null, body));
}

/** MLflow's `_validate_content_type`, but case-insensitive and tolerant of parameters. */
export function assertJsonContentType(request: FastifyRequest): void {
  const header = request.headers["content-type"];
  const mediaType = header?.split(";")[0]?.trim().toLowerCase();
  if (mediaType === "application/json") return;
  const got = header === undefined ? "" : /^[\w./+\-; =]*$/.test(header) ? ` Got '${header}'.` : "";
  throw MlflowError.invalidParameter(`Bad Request. Content-Type must be one of [application/json].${got}`);
}
