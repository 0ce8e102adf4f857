import { isAbsolute, resolve } from "node:path";

/** MLflow's environment variables, read by the SDK and inherited by child processes. */
export const Env = {
  TRACKING_URI: "MLFLOW_TRACKING_URI",
  EXPERIMENT_NAME: "MLFLOW_EXPERIMENT_NAME",
  EXPERIMENT_ID: "MLFLOW_EXPERIMENT_ID",
  TRACKING_TOKEN: "MLFLOW_TRACKING_TOKEN",
  TRACKING_USERNAME: "MLFLOW_TRACKING_USERNAME",
  TRACKING_PASSWORD: "MLFLOW_TRACKING_PASSWORD",
  MAX_RETRIES: "MLFLOW_HTTP_REQUEST_MAX_RETRIES",
  BACKOFF_FACTOR: "MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR",
  TIMEOUT: "MLFLOW_HTTP_REQUEST_TIMEOUT",
} as const;

const DEFAULT_LOCAL_DIR = "mlruns";

export function isHttpUri(uri: string): boolean {
  return /^https?:\/\//i.test(uri);
}

/** A plain path (not a URI with a scheme; a Windows drive letter is a path). */
export function isPlainPath(uri: string): boolean {
  return !/^[a-z][a-z0-9+.-]*:/i.test(uri) || /^[a-z]:[\\/]/i.test(uri);
}

/**
 * Relative local paths are made absolute when set, as MLflow resolves local URIs, so that child
 * processes started from another directory still write to the same place.
 */
export function normalizeTrackingUri(uri: string): string {
  const trimmed = uri.trim();
  if (trimmed === "") throw new Error("The tracking URI must not be empty.");
  if (isPlainPath(trimmed) && !isAbsolute(trimmed)) return resolve(trimmed);
  return trimmed;
}

/**
 * Sets the tracking URI for this process: an `http(s)://` server, or a local path / `sqlite:` /
 * `file:` URI written in-process. Also exported as MLFLOW_TRACKING_URI so child processes inherit it.
 */
export function setTrackingUri(uri: string): void {
  process.env[Env.TRACKING_URI] = normalizeTrackingUri(uri);
}

/** MLFLOW_TRACKING_URI, else `./mlruns` in the working directory. */
export function getTrackingUri(): string {
  const fromEnv = process.env[Env.TRACKING_URI];
  return fromEnv ? normalizeTrackingUri(fromEnv) : resolve(DEFAULT_LOCAL_DIR);
}
