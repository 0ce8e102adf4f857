import type { Experiment, KeyValue, LifecycleStage, Metric, RunInfo, RunStatus } from "../../core/index.js";
import type { ExperimentRow, RunRow } from "./database-schema.js";

/** MLflow stores ±Infinity as ±DBL_MAX and NaN as 0 with is_nan set. */
export const DOUBLE_MAX = 1.7976931348623157e308;

export function metricValueForStorage(value: number): { value: number; is_nan: number } {
  if (Number.isNaN(value)) return { value: 0, is_nan: 1 };
  if (value === Infinity) return { value: DOUBLE_MAX, is_nan: 0 };
  if (value === -Infinity) return { value: -DOUBLE_MAX, is_nan: 0 };
  return { value, is_nan: 0 };
}

export function metricFromRow(row: { key: string; value: number; timestamp: number | null; step: number; is_nan: number | boolean }): Metric {
  return { key: row.key, value: row.is_nan ? NaN : Number(row.value), timestamp: Number(row.timestamp ?? 0), step: Number(row.step) };
}

export function experimentFromRow(row: ExperimentRow, tags: KeyValue[]): Experiment {
  return {
    experiment_id: String(row.experiment_id),
    name: row.name,
    artifact_location: row.artifact_location ?? "",
    lifecycle_stage: (row.lifecycle_stage ?? "active") as LifecycleStage,
    last_update_time: Number(row.last_update_time ?? 0),
    creation_time: Number(row.creation_time ?? 0),
    tags,
  };
}

/** `runNameTag` fills in the name of runs written by MLflow 1.29 and earlier, whose name column is empty. */
export function runInfoFromRow(row: RunRow, runNameTag?: string): RunInfo {
  const info: RunInfo = {
    run_uuid: row.run_uuid,
    experiment_id: String(row.experiment_id),
    run_name: row.name || runNameTag || "",
    user_id: row.user_id ?? "",
    status: (row.status ?? "RUNNING") as RunStatus,
    start_time: Number(row.start_time ?? 0),
    artifact_uri: row.artifact_uri ?? "",
    lifecycle_stage: (row.lifecycle_stage ?? "active") as LifecycleStage,
    run_id: row.run_uuid,
  };
  if (row.end_time) info.end_time = Number(row.end_time);
  return info;
}
