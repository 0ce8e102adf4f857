import type { Generated, Selectable } from "kysely";

/**
 * The tables Tracklet reads and writes, with MLflow's own table and column names
 * (alembic revision 1b5f0d9ad7c1). Other MLflow tables exist in the database but are not typed here.
 */
export interface ExperimentsTable {
  experiment_id: Generated<number>;
  name: string;
  artifact_location: string | null;
  lifecycle_stage: string | null;
  creation_time: number | null;
  last_update_time: number | null;
}

export interface ExperimentTagsTable {
  key: string;
  value: string | null;
  experiment_id: number;
}

export interface RunsTable {
  run_uuid: string;
  name: string | null;
  source_type: string | null;
  source_name: string | null;
  entry_point_name: string | null;
  user_id: string | null;
  status: string | null;
  start_time: number | null;
  end_time: number | null;
  source_version: string | null;
  lifecycle_stage: string | null;
  artifact_uri: string | null;
  experiment_id: number | null;
  deleted_time: number | null;
}

export interface MetricsTable {
  key: string;
  value: number;
  timestamp: number;
  run_uuid: string;
  step: number;
  is_nan: number;
}

export interface LatestMetricsTable {
  key: string;
  value: number;
  timestamp: number | null;
  step: number;
  is_nan: number;
  run_uuid: string;
}

export interface ParamsTable {
  key: string;
  value: string;
  run_uuid: string;
}

export interface TagsTable {
  key: string;
  value: string | null;
  run_uuid: string;
}

export interface DatasetsTable {
  dataset_uuid: string;
  experiment_id: number;
  name: string;
  digest: string;
  dataset_source_type: string;
  dataset_source: string;
  dataset_schema: string | null;
  dataset_profile: string | null;
}

export interface InputsTable {
  input_uuid: string;
  source_type: string;
  source_id: string;
  destination_type: string;
  destination_id: string;
  step: number;
}

export interface InputTagsTable {
  input_uuid: string;
  name: string;
  value: string;
}

export interface AlembicVersionTable {
  version_num: string;
}

export interface TrackletMigrationsTable {
  version: number;
  name: string;
  applied_at: number;
}

export interface Database {
  experiments: ExperimentsTable;
  experiment_tags: ExperimentTagsTable;
  runs: RunsTable;
  metrics: MetricsTable;
  latest_metrics: LatestMetricsTable;
  params: ParamsTable;
  tags: TagsTable;
  datasets: DatasetsTable;
  inputs: InputsTable;
  input_tags: InputTagsTable;
  alembic_version: AlembicVersionTable;
  tracklet_migrations: TrackletMigrationsTable;
}

export type ExperimentRow = Selectable<ExperimentsTable>;
export type RunRow = Selectable<RunsTable>;
