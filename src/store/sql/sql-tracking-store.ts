import type { DatasetInput, Experiment, KeyValue, Metric, MetricWithRunId, Run, RunInfo } from "../../core/index.js";
import type { SampledHistoryInput, SampledMetricSeries } from "../../core/charts/index.js";
import type {
  BulkIntervalInput,
  CreateExperimentInput,
  CreateRunInput,
  LogBatchInput,
  MetricHistoryInput,
  Page,
  SearchExperimentsInput,
  SearchRunsInput,
  TrackingStore,
  UpdateRunInput,
} from "../tracking-store.js";
import { ExperimentRepository } from "./experiment-repository.js";
import { MetricHistoryReader } from "./metric-history-reader.js";
import { MetricSampler } from "./metric-sampler.js";
import { MetricWriteLog } from "./metric-write-log.js";
import { RunDataWriter } from "./run-data-writer.js";
import { RunRepository } from "./run-repository.js";
import type { SqlExecutor } from "./sql-executor.js";
import type { StoreContext } from "./store-context.js";

/** The tracking store over any SQL dialect: a facade over the query modules. */
export class SqlTrackingStore implements TrackingStore {
  private readonly experiments: ExperimentRepository;
  private readonly runs: RunRepository;
  private readonly writer: RunDataWriter;
  private readonly metrics: MetricHistoryReader;
  private readonly sampler: MetricSampler;

  constructor(
    readonly sql: SqlExecutor,
    options: { defaultArtifactRoot: string; now?: () => number; searchWindowFactors?: readonly number[] },
  ) {
    const ctx: StoreContext = {
      sql,
      defaultArtifactRoot: options.defaultArtifactRoot,
      now: options.now ?? Date.now,
      metricWrites: new MetricWriteLog(),
      searchWindowFactors: options.searchWindowFactors,
    };
    this.experiments = new ExperimentRepository(ctx);
    this.runs = new RunRepository(ctx, this.experiments);
    this.writer = new RunDataWriter(ctx);
    this.metrics = new MetricHistoryReader(ctx);
    this.sampler = new MetricSampler(ctx);
  }

  /** Creates the Default experiment when the database has none. */
  async initialize(): Promise<void> {
    await this.experiments.ensureDefault();
  }

  createExperiment(input: CreateExperimentInput): Promise<string> {
    return this.experiments.create(input);
  }
  getExperiment(experimentId: string): Promise<Experiment> {
    return this.experiments.get(experimentId);
  }
  getExperimentByName(name: string): Promise<Experiment> {
    return this.experiments.getByName(name);
  }
  async searchExperiments(input: SearchExperimentsInput): Promise<Page<Experiment>> {
    return this.experiments.search(input);
  }
  renameExperiment(experimentId: string, newName: string): Promise<void> {
    return this.experiments.rename(experimentId, newName);
  }
  deleteExperiment(experimentId: string): Promise<void> {
    return this.experiments.delete(experimentId);
  }
  restoreExperiment(experimentId: string): Promise<void> {
    return this.experiments.restore(experimentId);
  }
  setExperimentTag(experimentId: string, tag: KeyValue): Promise<void> {
    return this.experiments.setTag(experimentId, tag);
  }
  deleteExperimentTag(experimentId: string, key: string): Promise<void> {
    return this.experiments.deleteTag(experimentId, key);
  }

  createRun(input: CreateRunInput): Promise<Run> {
    return this.runs.create(input);
  }
  getRun(runId: string): Promise<Run> {
    return this.runs.get(runId);
  }
  updateRun(runId: string, input: UpdateRunInput): Promise<RunInfo> {
    return this.runs.update(runId, input);
  }
  deleteRun(runId: string): Promise<void> {
    return this.runs.setLifecycle(runId, "deleted");
  }
  restoreRun(runId: string): Promise<void> {
    return this.runs.setLifecycle(runId, "active");
  }
  searchRuns(input: SearchRunsInput): Promise<Page<Run>> {
    return this.runs.search(input);
  }
  searchRunsJson(input: SearchRunsInput): Promise<Page<string>> {
    return this.runs.searchJson(input);
  }

  logBatch(runId: string, input: LogBatchInput): Promise<void> {
    return this.writer.logBatch(runId, input);
  }
  logMetric(runId: string, metric: Metric): Promise<void> {
    return this.writer.logBatch(runId, { metrics: [metric] });
  }
  logParam(runId: string, param: KeyValue): Promise<void> {
    return this.writer.logParam(runId, param);
  }
  setTag(runId: string, tag: KeyValue): Promise<void> {
    return this.writer.setTag(runId, tag);
  }
  deleteTag(runId: string, key: string): Promise<void> {
    return this.writer.deleteTag(runId, key);
  }
  logInputs(runId: string, datasets: readonly DatasetInput[]): Promise<void> {
    return this.writer.logInputs(runId, datasets);
  }
  logModel(runId: string, modelJson: string): Promise<void> {
    return this.writer.logModel(runId, modelJson);
  }

  getMetricHistory(runId: string, key: string, input?: MetricHistoryInput): Promise<Page<Metric>> {
    return this.metrics.history(runId, key, input);
  }
  openMetricHistoryStream(runId: string, key: string): Promise<AsyncIterable<Metric[]>> {
    return this.metrics.openHistoryStream(runId, key);
  }
  getMetricHistoryBulkInterval(input: BulkIntervalInput): Promise<MetricWithRunId[]> {
    return this.metrics.bulkInterval(input);
  }
  getMetricHistoryBulk(runIds: readonly string[], key: string, maxResults?: number): Promise<MetricWithRunId[]> {
    return this.metrics.bulk(runIds, key, maxResults);
  }
  getSampledMetricHistory(input: SampledHistoryInput): Promise<SampledMetricSeries[]> {
    return this.sampler.sample(input);
  }
  openSampledMetricHistoryStream(input: SampledHistoryInput): Promise<AsyncIterable<SampledMetricSeries>> {
    return new Promise((resolve) => resolve(this.sampler.open(input))); // invalid input rejects
  }

  close(): Promise<void> {
    return this.sql.close();
  }
}
