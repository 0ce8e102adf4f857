import { isMlflowError } from "../../../core/index.js";

/**
 * The server's own refusal, which asking again would only repeat: a 4xx MLflow error (a refused
 * path's 400 INVALID_PARAMETER_VALUE, a missing file's 404, a 403). Not 429, which says "later",
 * nor a network failure or a 5xx. Such an error is shown without a Retry button and never polled.
 */
export function isLastingError(error: unknown): boolean {
  if (!isMlflowError(error)) return false;
  const status = error.httpStatus;
  return status >= 400 && status < 499 && status !== 429;
}
