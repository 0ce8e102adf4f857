import type { Experiment } from "../entities/experiment.js";
import type { FileInfo } from "../entities/file-info.js";
import { RUN_STATUS_NUMBERS, RUN_STATUSES, VIEW_TYPE_NUMBERS, VIEW_TYPES } from "../entities/enums.js";
import type { Metric, MetricWithRunId } from "../entities/metric.js";
import type { Run, RunInfo } from "../entities/run.js";
import { f, type Infer, type InferInput, type Shape } from "./message-spec.js";
import { SAMPLED_HISTORY_X_AXES, SampledHistoryLimits, type SampledMetricHistoryResponse } from "../charts/sampled-history.js";

/**
 * The endpoint table: one entry per REST call of MLflow's tracking API 2.0. The server registers
 * its routes from it and the REST client builds its calls from it, so the two cannot drift.
 */
export type HttpMethod = "GET" | "POST";

export interface Endpoint<S extends Shape = Shape, Res = unknown> {
  /** Path below the `/api/2.0` and `/ajax-api/2.0` prefixes. */
  readonly path: string;
  /** The first method is the one clients use. */
  readonly methods: readonly HttpMethod[];
  readonly request: S;
  /** MLflow serves a few UI helpers under `/ajax-api` only. */
  readonly ajaxOnly?: boolean;
  /** Phantom: the response type, for the client. Never set at run time. */
  readonly response?: Res;
}

/** Curried so the response type is named and the request shape inferred. */
function endpoint<Res>() {
  return <S extends Shape>(methods: readonly HttpMethod[], path: string, request: S, options: { ajaxOnly?: boolean } = {}): Endpoint<S, Res> => ({
    path,
    methods,
    request,
    ...options,
  });
}

const keyValue = f.message({ key: f.string().required(), value: f.string().default("") });
const runId = f.string().alias("run_uuid").required();
const experimentId = f.id().required();
const viewType = f.enumOf(VIEW_TYPES, VIEW_TYPE_NUMBERS).default("ACTIVE_ONLY");
const metric = f.message({
  key: f.string().required(),
  value: f.double().required(),
  timestamp: f.int64().required(),
  step: f.int64().default(0),
});
const dataset = f.message({
  name: f.string().required(),
  digest: f.string().required(),
  source_type: f.string().required(),
  source: f.string().required(),
  schema: f.string(),
  profile: f.string(),
});
const datasetInput = f.message({
  tags: f.list(f.message({ key: f.string().required(), value: f.string().required() })).default([]),
  dataset: dataset.required(),
});

export type EmptyResponse = Record<string, never>;
export interface SearchExperimentsResponse {
  experiments?: Experiment[];
  next_page_token?: string;
}
export interface SearchRunsResponse {
  runs?: Run[];
  next_page_token?: string;
}
export interface MetricHistoryResponse {
  metrics?: Metric[];
  next_page_token?: string;
}
export interface MetricsWithRunIdResponse {
  metrics?: MetricWithRunId[];
}

export interface ListArtifactsResponse {
  root_uri?: string;
  files?: FileInfo[];
  next_page_token?: string;
}

export const endpoints = {
  createExperiment: endpoint<{ experiment_id: string }>()(["POST"], "/mlflow/experiments/create", {
    name: f.string().required(),
    artifact_location: f.string(),
    tags: f.list(keyValue).default([]),
  }),
  getExperiment: endpoint<{ experiment: Experiment }>()(["GET"], "/mlflow/experiments/get", { experiment_id: experimentId }),
  getExperimentByName: endpoint<{ experiment: Experiment }>()(["GET"], "/mlflow/experiments/get-by-name", {
    experiment_name: f.string().required(),
  }),
  searchExperiments: endpoint<SearchExperimentsResponse>()(["POST", "GET"], "/mlflow/experiments/search", {
    max_results: f.int64(),
    page_token: f.string(),
    filter: f.string(),
    order_by: f.list(f.string()).default([]),
    view_type: viewType,
  }),
  updateExperiment: endpoint<EmptyResponse>()(["POST"], "/mlflow/experiments/update", {
    experiment_id: experimentId,
    new_name: f.string().required(),
  }),
  deleteExperiment: endpoint<EmptyResponse>()(["POST"], "/mlflow/experiments/delete", { experiment_id: experimentId }),
  restoreExperiment: endpoint<EmptyResponse>()(["POST"], "/mlflow/experiments/restore", { experiment_id: experimentId }),
  setExperimentTag: endpoint<EmptyResponse>()(["POST"], "/mlflow/experiments/set-experiment-tag", {
    experiment_id: experimentId,
    key: f.string().required(),
    value: f.string().default(""),
  }),
  deleteExperimentTag: endpoint<EmptyResponse>()(["POST"], "/mlflow/experiments/delete-experiment-tag", {
    experiment_id: experimentId,
    key: f.string().required(),
  }),

  createRun: endpoint<{ run: Run }>()(["POST"], "/mlflow/runs/create", {
    experiment_id: f.id(),
    user_id: f.string(),
    run_name: f.string(),
    start_time: f.int64(),
    tags: f.list(keyValue).default([]),
  }),
  getRun: endpoint<{ run: Run }>()(["GET"], "/mlflow/runs/get", { run_id: runId }),
  updateRun: endpoint<{ run_info: RunInfo }>()(["POST"], "/mlflow/runs/update", {
    run_id: runId,
    status: f.enumOf(RUN_STATUSES, RUN_STATUS_NUMBERS),
    end_time: f.int64(),
    run_name: f.string(),
  }),
  deleteRun: endpoint<EmptyResponse>()(["POST"], "/mlflow/runs/delete", { run_id: runId }),
  restoreRun: endpoint<EmptyResponse>()(["POST"], "/mlflow/runs/restore", { run_id: runId }),
  searchRuns: endpoint<SearchRunsResponse>()(["POST"], "/mlflow/runs/search", {
    experiment_ids: f.list(f.id()).default([]),
    filter: f.string(),
    run_view_type: viewType,
    max_results: f.int32().default(1000),
    order_by: f.list(f.string()).default([]),
    page_token: f.string(),
  }),
  logMetric: endpoint<EmptyResponse>()(["POST"], "/mlflow/runs/log-metric", {
    run_id: runId,
    key: f.string().required(),
    value: f.double().required(),
    timestamp: f.int64().required(),
    step: f.int64().default(0),
  }),
  logParam: endpoint<EmptyResponse>()(["POST"], "/mlflow/runs/log-parameter", {
    run_id: runId,
    key: f.string().required(),
    value: f.string().default(""),
  }),
  setTag: endpoint<EmptyResponse>()(["POST"], "/mlflow/runs/set-tag", {
    run_id: runId,
    key: f.string().required(),
    value: f.string().default(""),
  }),
  deleteTag: endpoint<EmptyResponse>()(["POST"], "/mlflow/runs/delete-tag", { run_id: runId, key: f.string().required() }),
  logBatch: endpoint<EmptyResponse>()(["POST"], "/mlflow/runs/log-batch", {
    run_id: runId,
    metrics: f.list(metric).default([]),
    params: f.list(keyValue).default([]),
    tags: f.list(keyValue).default([]),
  }),
  logInputs: endpoint<EmptyResponse>()(["POST"], "/mlflow/runs/log-inputs", {
    run_id: runId,
    datasets: f.list(datasetInput).default([]),
  }),
  logModel: endpoint<EmptyResponse>()(["POST"], "/mlflow/runs/log-model", {
    run_id: runId,
    model_json: f.string().required(),
  }),

  listArtifacts: endpoint<ListArtifactsResponse>()(["GET"], "/mlflow/artifacts/list", {
    run_id: runId,
    path: f.string(),
    page_token: f.string(),
  }),

  getMetricHistory: endpoint<MetricHistoryResponse>()(["GET"], "/mlflow/metrics/get-history", {
    run_id: runId,
    metric_key: f.string().required(),
    max_results: f.int32(),
    page_token: f.string(),
  }),
  getMetricHistoryBulkInterval: endpoint<MetricsWithRunIdResponse>()(["GET"], "/mlflow/metrics/get-history-bulk-interval", {
    run_ids: f.list(f.string()).required(),
    metric_key: f.string().required(),
    start_step: f.int64(),
    end_step: f.int64(),
    max_results: f.int32(),
  }),
  getMetricHistoryBulk: endpoint<MetricsWithRunIdResponse>()(
    ["GET"],
    "/mlflow/metrics/get-history-bulk",
    { run_id: f.list(f.string()).default([]), metric_key: f.string(), max_results: f.int32() },
    { ajaxOnly: true },
  ),

  /** Tracklet extension (not MLflow): min/max-sampled history of many runs; see core/charts/sampled-history.ts. */
  getSampledMetricHistory: endpoint<SampledMetricHistoryResponse>()(["GET"], "/tracklet/metrics/get-history-sampled", {
    run_ids: f.list(f.string()).required(),
    metric_key: f.string().required(),
    max_points: f.int32().default(SampledHistoryLimits.DEFAULT_MAX_POINTS),
    x_axis: f.enumOf(SAMPLED_HISTORY_X_AXES, {}).default("step"),
    min_x: f.double(),
    max_x: f.double(),
    smoothing: f.double(),
    columns: f.bool(),
    timestamps: f.bool(),
    binary: f.bool(),
  }),
} as const;

export type Endpoints = typeof endpoints;
export type EndpointName = keyof Endpoints;
export type RequestOf<N extends EndpointName> = Infer<Endpoints[N]["request"]>;
/** The request a client sends (defaulted fields optional). */
export type RequestInputOf<N extends EndpointName> = InferInput<Endpoints[N]["request"]>;
export type ResponseOf<N extends EndpointName> = NonNullable<Endpoints[N]["response"]>;

export const API_PREFIXES = ["/api/2.0", "/ajax-api/2.0"] as const;
