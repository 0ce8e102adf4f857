import type { LifecycleStage } from "./enums.js";
import type { ExperimentTag } from "./tag.js";

export interface Experiment {
  experiment_id: string;
  name: string;
  artifact_location: string;
  lifecycle_stage: LifecycleStage;
  last_update_time: number;
  creation_time: number;
  tags: ExperimentTag[];
}
