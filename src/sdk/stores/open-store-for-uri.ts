import { dirname, join } from "node:path";
import { RestClient } from "../../client/rest-client.js";
import { MlflowError } from "../../core/index.js";
import type { TrackingStore } from "../../store/tracking-store.js";
import { Env, isHttpUri, isPlainPath } from "../tracking-uri.js";
import { RestTrackingStore } from "./rest-tracking-store.js";

export interface HttpOptions {
  /** Retries on 429, 5xx and network errors; MLFLOW_HTTP_REQUEST_MAX_RETRIES, else 5. */
  maxRetries?: number;
  /** First backoff delay; MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR seconds, else 0.5 s, doubling per retry. */
  retryBaseDelayMs?: number;
  /** Per request; MLFLOW_HTTP_REQUEST_TIMEOUT seconds, else 120 s. */
  timeoutMs?: number;
  headers?: Record<string, string>;
  fetch?: typeof fetch;
}

function numberFromEnv(name: string): number | undefined {
  const raw = process.env[name];
  if (raw === undefined || raw.trim() === "") return undefined;
  const value = Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : undefined;
}

/** Authorization as MLflow's clients send it: a bearer token, or basic auth. */
export function authHeaders(): Record<string, string> {
  const token = process.env[Env.TRACKING_TOKEN];
  if (token) return { authorization: `Bearer ${token}` };
  const user = process.env[Env.TRACKING_USERNAME];
  const password = process.env[Env.TRACKING_PASSWORD];
  if (user && password) return { authorization: `Basic ${Buffer.from(`${user}:${password}`).toString("base64")}` };
  return {};
}

/** HTTP settings from the options, then MLflow's environment variables, then Tracklet's defaults. */
export function resolveHttpOptions(options: HttpOptions = {}): Required<Omit<HttpOptions, "fetch">> & Pick<HttpOptions, "fetch"> {
  const backoff = numberFromEnv(Env.BACKOFF_FACTOR);
  const timeout = numberFromEnv(Env.TIMEOUT);
  return {
    maxRetries: options.maxRetries ?? numberFromEnv(Env.MAX_RETRIES) ?? 5,
    retryBaseDelayMs: options.retryBaseDelayMs ?? (backoff === undefined ? 500 : backoff * 1000),
    timeoutMs: options.timeoutMs ?? (timeout === undefined ? 120_000 : timeout * 1000),
    headers: { ...authHeaders(), ...options.headers },
    ...(options.fetch ? { fetch: options.fetch } : {}),
  };
}

/** Local stores keep artifacts in `artifacts/` beside the database file. */
export function localArtifactRoot(dbFile: string): string {
  return dbFile === ":memory:" ? join(process.cwd(), "mlartifacts") : join(dirname(dbFile), "artifacts");
}

/** The store a tracking URI names: a REST store for `http(s)://`, the SQLite store in-process otherwise. */
export async function openStoreForUri(trackingUri: string, options: HttpOptions = {}): Promise<TrackingStore> {
  if (isHttpUri(trackingUri)) {
    const http = resolveHttpOptions(options);
    return new RestTrackingStore(new RestClient({ baseUrl: trackingUri, ...http }));
  }
  if (/^(sqlite|file):/i.test(trackingUri) || isPlainPath(trackingUri)) {
    // Loaded on demand: a process that tracks to a server never loads SQLite and the query builder.
    const { openTrackingStore, resolveSqlitePath } = await import("../../store/open-tracking-store.js");
    const { store } = await openTrackingStore({ backendStoreUri: trackingUri, defaultArtifactRoot: localArtifactRoot(resolveSqlitePath(trackingUri)) });
    return store;
  }
  throw new MlflowError("INVALID_PARAMETER_VALUE", `Unsupported tracking URI '${trackingUri}': use http(s)://, sqlite:, file: or a local path.`);
}
