import { InvalidArgumentError, type Command } from "commander";
import { MlflowClient } from "../../sdk/index.js";

export interface TrackingOptions {
  trackingUri?: string;
  json?: boolean;
}

/** The options every experiments/runs command takes. */
export function addTrackingOptions(command: Command): Command {
  return command
    .option("--tracking-uri <uri>", "tracking server (http://…) or local store (path, sqlite:…); default $MLFLOW_TRACKING_URI, else ./mlruns")
    .option("--json", "print JSON instead of a table (for scripts)");
}

/**
 * A client for one command. A CLI should fail fast when the server is down, so it retries less
 * than the SDK does, unless MLFLOW_HTTP_REQUEST_MAX_RETRIES / _BACKOFF_FACTOR say otherwise.
 */
export async function withClient<T>(options: TrackingOptions, fn: (client: MlflowClient) => Promise<T>): Promise<T> {
  const client = new MlflowClient(options.trackingUri, {
    ...(process.env.MLFLOW_HTTP_REQUEST_MAX_RETRIES ? {} : { maxRetries: 1 }),
    ...(process.env.MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR ? {} : { retryBaseDelayMs: 200 }),
    ...(process.env.MLFLOW_HTTP_REQUEST_TIMEOUT ? {} : { timeoutMs: 30_000 }),
  });
  try {
    return await fn(client);
  } finally {
    await client.close();
  }
}

export function parsePositiveInt(value: string): number {
  const n = Number(value);
  if (!/^\d+$/.test(value.trim()) || !Number.isSafeInteger(n) || n < 1) throw new InvalidArgumentError("must be a positive integer.");
  return n;
}

const VIEWS = { active_only: "ACTIVE_ONLY", deleted_only: "DELETED_ONLY", all: "ALL" } as const;
export type ViewName = keyof typeof VIEWS;

export function parseView(value: string): (typeof VIEWS)[ViewName] {
  const view = VIEWS[value.toLowerCase() as ViewName] as (typeof VIEWS)[ViewName] | undefined;
  if (!view) throw new InvalidArgumentError("must be one of active_only, deleted_only, all.");
  return view;
}
