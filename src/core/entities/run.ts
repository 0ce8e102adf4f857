import type { DatasetInput } from "./dataset.js";
import type { LifecycleStage, RunStatus } from "./enums.js";
import type { Metric } from "./metric.js";
import type { Param, RunTag } from "./tag.js";

export interface RunInfo {
  run_id: string;
  /** Deprecated by MLflow, still always sent and always equal to run_id. */
  run_uuid: string;
  run_name: string;
  experiment_id: string;
  user_id: string;
  status: RunStatus;
  start_time: number;
  /** Absent while the run has no end time (MLflow omits null and 0). */
  end_time?: number;
  artifact_uri: string;
  lifecycle_stage: LifecycleStage;
}

export interface RunData {
  /** Latest value per key: largest step, then timestamp, then value. */
  metrics: Metric[];
  params: Param[];
  tags: RunTag[];
}

export interface RunInputs {
  dataset_inputs: DatasetInput[];
}

export interface Run {
  info: RunInfo;
  data: RunData;
  inputs: RunInputs;
}
