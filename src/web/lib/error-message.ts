import { isMlflowError } from "../../core/index.js";

/** What the user reads for a failed request: MLflow's own message, prefixed by its code. */
export function errorMessage(error: unknown): string {
  if (isMlflowError(error)) return `${error.errorCode}: ${error.message}`;
  if (error instanceof Error) return error.message;
  return String(error);
}
