import type {
  DatasetInput,
  Experiment as WireExperiment,
  KeyValue,
  LifecycleStage,
  Run as WireRun,
  RunInfo,
  RunStatus,
} from "../../core/index.js";

/**
 * Entities as MLflow's Python client exposes them: the wire field names (run.info.run_id,
 * run.info.status), but params, latest metrics and tags as plain key → value objects, which is
 * how users read them (`run.data.params.lr`).
 */
export interface RunData {
  params: Record<string, string>;
  /** The latest value per key (largest step, then timestamp). */
  metrics: Record<string, number>;
  tags: Record<string, string>;
}

export interface RunInputs {
  dataset_inputs: DatasetInput[];
}

export interface Run {
  info: RunInfo;
  data: RunData;
  inputs: RunInputs;
}

export interface Experiment {
  experiment_id: string;
  name: string;
  artifact_location: string;
  lifecycle_stage: LifecycleStage;
  creation_time: number;
  last_update_time: number;
  tags: Record<string, string>;
}

/** A page of results: an array that also carries the token of the next page, as MLflow's PagedList. */
export type PagedList<T> = T[] & { token?: string };

export function pagedList<T>(items: T[], token: string | undefined): PagedList<T> {
  return token ? Object.assign(items, { token }) : items;
}

export function toRecord(pairs: readonly KeyValue[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const { key, value } of pairs) out[key] = value;
  return out;
}

export function toKeyValues(record: Readonly<Record<string, unknown>>): KeyValue[] {
  return Object.entries(record).map(([key, value]) => ({ key, value: stringify(value) }));
}

/** MLflow logs `str(value)`; objects become JSON rather than "[object Object]". */
export function stringify(value: unknown): string {
  if (typeof value === "string") return value;
  if (value !== null && typeof value === "object") return JSON.stringify(value);
  return String(value);
}

export function toRun(run: WireRun): Run {
  const metrics: Record<string, number> = {};
  for (const m of run.data.metrics) metrics[m.key] = m.value;
  return {
    info: run.info,
    data: { params: toRecord(run.data.params), metrics, tags: toRecord(run.data.tags) },
    inputs: { dataset_inputs: run.inputs.dataset_inputs },
  };
}

export function toExperiment(experiment: WireExperiment): Experiment {
  return { ...experiment, tags: toRecord(experiment.tags) };
}

export type { RunInfo, RunStatus };
