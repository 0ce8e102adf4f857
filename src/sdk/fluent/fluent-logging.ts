import { createHash } from "node:crypto";
import { MlflowError, SystemTags, validateMetric, type DatasetInput, type Metric } from "../../core/index.js";
import { stringify, toKeyValues } from "../entities/sdk-entities.js";
import { session } from "./fluent-session.js";

export interface LogMetricOptions {
  /** Defaults to 0. Steps may be negative, out of order and with gaps. */
  step?: number;
  /** Milliseconds since the epoch; defaults to now. */
  timestamp?: number;
  /** Log to this run instead of the active one. */
  runId?: string;
  /** Wait until the point is stored (otherwise it is queued and sent in a batch). */
  synchronous?: boolean;
}

/** The metric as it will be sent; MLflow's checks run here so one bad point cannot sink a whole batch. */
function metricOf(key: string, value: number, options: LogMetricOptions): Metric {
  if (typeof value !== "number") throw MlflowError.invalidParameter(`Got invalid value ${String(value)} for metric '${key}'. Please specify value as a number.`);
  const metric: Metric = { key, value, timestamp: options.timestamp ?? Date.now(), step: options.step ?? 0 };
  validateMetric(metric);
  return metric;
}

/**
 * Logs a metric point to the active run (started implicitly when there is none). Points are
 * queued and sent in batches; the promise settles once queued, and a batch's failure is thrown
 * by the next awaited SDK call. NaN and ±Infinity are accepted.
 */
export async function logMetric(key: string, value: number, options: LogMetricOptions = {}): Promise<void> {
  session.throwPendingFailure();
  const metric = metricOf(key, value, options);
  const { batcher } = session.backend();
  await batcher.add(await session.runIdFor(options.runId), metric);
  session.installExitHook();
  if (options.synchronous) await batcher.flush();
}

/** Logs several metrics with the same step and timestamp. */
export async function logMetrics(metrics: Readonly<Record<string, number>>, options: LogMetricOptions = {}): Promise<void> {
  session.throwPendingFailure();
  const timestamp = options.timestamp ?? Date.now();
  const points = Object.entries(metrics).map(([key, value]) => metricOf(key, value, { ...options, timestamp }));
  const { batcher } = session.backend();
  const runId = await session.runIdFor(options.runId);
  for (const point of points) await batcher.add(runId, point);
  session.installExitHook();
  if (options.synchronous) await batcher.flush();
}

/** Logs a param (as text, like MLflow's `str(value)`); returns the logged value. Re-logging the same value is fine, a different one is refused. */
export async function logParam(key: string, value: unknown): Promise<string> {
  session.throwPendingFailure();
  return session.client().logParam(await session.runIdFor(), key, value);
}

export async function logParams(params: Readonly<Record<string, unknown>>): Promise<void> {
  session.throwPendingFailure();
  await session.client().logBatch(await session.runIdFor(), { params });
}

export async function setTag(key: string, value: unknown): Promise<void> {
  session.throwPendingFailure();
  await session.client().setTag(await session.runIdFor(), key, value);
}

export async function setTags(tags: Readonly<Record<string, unknown>>): Promise<void> {
  session.throwPendingFailure();
  await session.client().logBatch(await session.runIdFor(), { tags });
}

export async function deleteTag(key: string): Promise<void> {
  session.throwPendingFailure();
  await session.client().deleteTag(await session.runIdFor(), key);
}

/** A dataset as MLflow describes one; `source`, `schema` and `profile` may be objects (stored as JSON). */
export interface DatasetSpec {
  name: string;
  source: string | object;
  /** Defaults to a hash of the other fields. */
  digest?: string;
  /** Defaults to "code" (a dataset built in code). */
  source_type?: string;
  schema?: string | object;
  profile?: string | object;
}

export function toDatasetInput(dataset: DatasetSpec, options: { context?: string; tags?: Readonly<Record<string, unknown>> } = {}): DatasetInput {
  const source = stringify(dataset.source);
  const schema = dataset.schema === undefined ? undefined : stringify(dataset.schema);
  const profile = dataset.profile === undefined ? undefined : stringify(dataset.profile);
  const digest = dataset.digest ?? createHash("sha256").update(JSON.stringify([dataset.name, source, schema, profile])).digest("hex").slice(0, 8);
  return {
    dataset: {
      name: dataset.name,
      digest,
      source_type: dataset.source_type ?? "code",
      source,
      ...(schema === undefined ? {} : { schema }),
      ...(profile === undefined ? {} : { profile }),
    },
    tags: [
      ...toKeyValues(options.tags ?? {}),
      ...(options.context === undefined ? [] : [{ key: SystemTags.DATASET_CONTEXT, value: options.context }]),
    ],
  };
}

/** Records that the active run used a dataset, with its context ("training", "eval", …) and input tags. */
export async function logInput(dataset: DatasetSpec, options: { context?: string; tags?: Readonly<Record<string, unknown>> } = {}): Promise<void> {
  session.throwPendingFailure();
  await session.client().logInputs(await session.runIdFor(), [toDatasetInput(dataset, options)]);
}
