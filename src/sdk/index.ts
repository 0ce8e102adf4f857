/**
 * Tracklet's TypeScript tracking SDK: MLflow's fluent tracking API in camelCase, plus
 * MlflowClient. The package's main entry (`import { startRun } from "tracklet"`).
 */
export { getTrackingUri, setTrackingUri } from "./tracking-uri.js";
export { createExperiment, deleteExperiment, getExperiment, getExperimentByName, searchExperiments, setExperiment } from "./fluent/fluent-experiments.js";
export type { FluentSearchExperimentsOptions } from "./fluent/fluent-experiments.js";
export { activeRun, deleteRun, endRun, flushAsyncLogging, getParentRun, getRun, lastActiveRun, startRun, withRun } from "./fluent/fluent-runs.js";
export type { StartRunOptions } from "./fluent/fluent-session.js";
export { ActiveRun } from "./fluent/active-run.js";
export { deleteTag, logInput, logMetric, logMetrics, logParam, logParams, setTag, setTags } from "./fluent/fluent-logging.js";
export type { DatasetSpec, LogMetricOptions } from "./fluent/fluent-logging.js";
export { getArtifactUri, logArtifact, logArtifacts, logDict, logText } from "./fluent/fluent-artifacts.js";
export { searchRuns } from "./fluent/search-runs.js";
export type { FluentSearchRunsOptions, RunRecord } from "./fluent/search-runs.js";
export { MlflowClient } from "./client/mlflow-client.js";
export type { ClientOptions, CreateRunOptions, LogBatchOptions, SearchExperimentsOptions, SearchRunsOptions } from "./client/mlflow-client.js";
export type { Experiment, PagedList, Run, RunData, RunInfo, RunInputs, RunStatus } from "./entities/sdk-entities.js";
export { MlflowError } from "../core/index.js";
export type { Dataset, DatasetInput, ErrorCode, Metric, ViewType } from "../core/index.js";
