import { MlflowError } from "../errors/mlflow-error.js";

/**
 * MLflow's offset page token: base64 of `{"offset": N}` with Python's JSON spacing,
 * so tokens look exactly like a real MLflow server's.
 */
export function encodePageToken(offset: number): string {
  return btoa(`{"offset": ${offset}}`);
}

/** Offset 0 for an absent token; INVALID_PARAMETER_VALUE for anything MLflow would refuse. */
export function decodePageToken(token: string | undefined): number {
  if (token === undefined || token === "") return 0;
  let decoded: string;
  try {
    decoded = atob(token);
  } catch {
    throw MlflowError.invalidParameter("Invalid page token, could not base64-decode");
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(decoded);
  } catch {
    throw MlflowError.invalidParameter(`Invalid page token, decoded value=${decoded}`);
  }
  const offset = typeof parsed === "object" && parsed !== null ? (parsed as { offset?: unknown }).offset : undefined;
  if (offset === undefined || offset === 0) throw MlflowError.invalidParameter(`Invalid page token, parsed value=${decoded}`);
  if (typeof offset !== "number" || !Number.isSafeInteger(offset) || offset < 0) {
    throw MlflowError.invalidParameter(`Invalid page token, not stringable ${JSON.stringify(offset)}`);
  }
  return offset;
}
