import type {
  DatasetInput,
  Experiment,
  KeyValue,
  Metric,
  MetricWithRunId,
  Run,
  RunInfo,
  RunStatus,
  ViewType,
} from "../core/index.js";
import type { SampledHistoryInput, SampledMetricSeries } from "../core/charts/index.js";

export interface CreateExperimentInput {
  name: string;
  artifact_location?: string;
  tags?: readonly KeyValue[];
}

export interface SearchExperimentsInput {
  view_type?: ViewType;
  max_results?: number;
  page_token?: string;
  filter?: string;
  order_by?: readonly string[];
}

export interface CreateRunInput {
  experiment_id?: string;
  user_id?: string;
  run_name?: string;
  start_time?: number;
  tags?: readonly KeyValue[];
}

export interface UpdateRunInput {
  status?: RunStatus;
  end_time?: number;
  run_name?: string;
}

export interface SearchRunsInput {
  experiment_ids: readonly string[];
  filter?: string;
  run_view_type?: ViewType;
  max_results?: number;
  order_by?: readonly string[];
  page_token?: string;
}

export interface LogBatchInput {
  metrics?: readonly Metric[];
  params?: readonly KeyValue[];
  tags?: readonly KeyValue[];
}

export interface Page<T> {
  items: T[];
  next_page_token?: string;
}

export interface MetricHistoryInput {
  max_results?: number;
  page_token?: string;
}

export interface BulkIntervalInput {
  run_ids: readonly string[];
  metric_key: string;
  start_step?: number;
  end_step?: number;
  max_results?: number;
}

/**
 * Everything the tracking API does to stored data, with MLflow's rules (validation, lifecycle
 * checks, immutable params, latest-metric bookkeeping). The server, the SDK's local mode and the
 * CLI all go through it; SQLite and PostgreSQL are two dialects of one implementation.
 */
export interface TrackingStore {
  createExperiment(input: CreateExperimentInput): Promise<string>;
  getExperiment(experimentId: string): Promise<Experiment>;
  getExperimentByName(name: string): Promise<Experiment>;
  searchExperiments(input: SearchExperimentsInput): Promise<Page<Experiment>>;
  renameExperiment(experimentId: string, newName: string): Promise<void>;
  deleteExperiment(experimentId: string): Promise<void>;
  restoreExperiment(experimentId: string): Promise<void>;
  setExperimentTag(experimentId: string, tag: KeyValue): Promise<void>;
  deleteExperimentTag(experimentId: string, key: string): Promise<void>;

  createRun(input: CreateRunInput): Promise<Run>;
  getRun(runId: string): Promise<Run>;
  updateRun(runId: string, input: UpdateRunInput): Promise<RunInfo>;
  deleteRun(runId: string): Promise<void>;
  restoreRun(runId: string): Promise<void>;
  searchRuns(input: SearchRunsInput): Promise<Page<Run>>;
  /**
   * `searchRuns` with each run already rendered as MLflow's JSON text (the same value as
   * `encodeJson(run)` once parsed), which a store may produce far more cheaply than objects (the
   * SQL store on SQLite has the database write it). Optional: the server falls back to `searchRuns`.
   */
  searchRunsJson?(input: SearchRunsInput): Promise<Page<string>>;

  logBatch(runId: string, input: LogBatchInput): Promise<void>;
  logMetric(runId: string, metric: Metric): Promise<void>;
  logParam(runId: string, param: KeyValue): Promise<void>;
  setTag(runId: string, tag: KeyValue): Promise<void>;
  deleteTag(runId: string, key: string): Promise<void>;
  logInputs(runId: string, datasets: readonly DatasetInput[]): Promise<void>;
  logModel(runId: string, modelJson: string): Promise<void>;

  getMetricHistory(runId: string, key: string, input?: MetricHistoryInput): Promise<Page<Metric>>;
  /** The whole history of one metric in chunks (bounded memory); 404 before the first chunk for an unknown run. */
  openMetricHistoryStream(runId: string, key: string): Promise<AsyncIterable<Metric[]>>;
  getMetricHistoryBulkInterval(input: BulkIntervalInput): Promise<MetricWithRunId[]>;
  getMetricHistoryBulk(runIds: readonly string[], key: string, maxResults?: number): Promise<MetricWithRunId[]>;
  /**
   * Tracklet's extension: per run, at most `max_points` points that keep every spike, dip and NaN
   * (core/charts). Optional until every store implements it (the SQL store does).
   */
  getSampledMetricHistory(input: SampledHistoryInput): Promise<SampledMetricSeries[]>;
  /**
   * The same answer one series at a time (the server encodes each before the next is read, so a
   * request over 100 runs never holds every point at once); invalid input rejects before the first.
   */
  openSampledMetricHistoryStream(input: SampledHistoryInput): Promise<AsyncIterable<SampledMetricSeries>>;

  close(): Promise<void>;
}
