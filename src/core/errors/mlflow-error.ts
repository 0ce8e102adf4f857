import { httpStatusOf, type ErrorCode } from "./error-code.js";

/** The one error type every layer throws; the server renders it as MLflow's envelope. */
export class MlflowError extends Error {
  override readonly name = "MlflowError";

  constructor(
    readonly errorCode: ErrorCode,
    message: string,
  ) {
    super(message);
  }

  get httpStatus(): number {
    return httpStatusOf(this.errorCode);
  }

  toJSON(): { error_code: ErrorCode; message: string } {
    return { error_code: this.errorCode, message: this.message };
  }

  static invalidParameter(message: string): MlflowError {
    return new MlflowError("INVALID_PARAMETER_VALUE", message);
  }

  static notFound(message: string): MlflowError {
    return new MlflowError("RESOURCE_DOES_NOT_EXIST", message);
  }
}

export function isMlflowError(e: unknown): e is MlflowError {
  return e instanceof MlflowError;
}
