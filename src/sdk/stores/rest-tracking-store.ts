import type { DatasetInput, Experiment, KeyValue, Metric, MetricWithRunId, Run, RunInfo } from "../../core/index.js";
import type { RestClient } from "../../client/rest-client.js";
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
} from "../../store/tracking-store.js";

function page<T>(items: T[] | undefined, token: string | undefined): Page<T> {
  return token ? { items: items ?? [], next_page_token: token } : { items: items ?? [] };
}

/**
 * The tracking store interface over HTTP, as MLflow's RestStore: the SDK speaks one interface
 * whether the tracking URI names a server or a local database.
 */
export class RestTrackingStore implements TrackingStore {
  constructor(readonly client: RestClient) {}

  async createExperiment(input: CreateExperimentInput): Promise<string> {
    return (await this.client.call("createExperiment", { ...input, tags: [...(input.tags ?? [])] })).experiment_id;
  }
  async getExperiment(experimentId: string): Promise<Experiment> {
    return (await this.client.call("getExperiment", { experiment_id: experimentId })).experiment;
  }
  async getExperimentByName(name: string): Promise<Experiment> {
    return (await this.client.call("getExperimentByName", { experiment_name: name })).experiment;
  }
  async searchExperiments(input: SearchExperimentsInput): Promise<Page<Experiment>> {
    const res = await this.client.call("searchExperiments", { ...input, order_by: [...(input.order_by ?? [])] });
    return page(res.experiments, res.next_page_token);
  }
  async renameExperiment(experimentId: string, newName: string): Promise<void> {
    await this.client.call("updateExperiment", { experiment_id: experimentId, new_name: newName });
  }
  async deleteExperiment(experimentId: string): Promise<void> {
    await this.client.call("deleteExperiment", { experiment_id: experimentId });
  }
  async restoreExperiment(experimentId: string): Promise<void> {
    await this.client.call("restoreExperiment", { experiment_id: experimentId });
  }
  async setExperimentTag(experimentId: string, tag: KeyValue): Promise<void> {
    await this.client.call("setExperimentTag", { experiment_id: experimentId, ...tag });
  }
  async deleteExperimentTag(experimentId: string, key: string): Promise<void> {
    await this.client.call("deleteExperimentTag", { experiment_id: experimentId, key });
  }

  async createRun(input: CreateRunInput): Promise<Run> {
    return (await this.client.call("createRun", { ...input, tags: [...(input.tags ?? [])] })).run;
  }
  async getRun(runId: string): Promise<Run> {
    return (await this.client.call("getRun", { run_id: runId })).run;
  }
  async updateRun(runId: string, input: UpdateRunInput): Promise<RunInfo> {
    return (await this.client.call("updateRun", { run_id: runId, ...input })).run_info;
  }
  async deleteRun(runId: string): Promise<void> {
    await this.client.call("deleteRun", { run_id: runId });
  }
  async restoreRun(runId: string): Promise<void> {
    await this.client.call("restoreRun", { run_id: runId });
  }
  async searchRuns(input: SearchRunsInput): Promise<Page<Run>> {
    const res = await this.client.call("searchRuns", {
      ...input,
      experiment_ids: [...input.experiment_ids],
      order_by: [...(input.order_by ?? [])],
    });
    return page(res.runs, res.next_page_token);
  }

  async logBatch(runId: string, input: LogBatchInput): Promise<void> {
    await this.client.call("logBatch", {
      run_id: runId,
      metrics: [...(input.metrics ?? [])],
      params: [...(input.params ?? [])],
      tags: [...(input.tags ?? [])],
    });
  }
  async logMetric(runId: string, metric: Metric): Promise<void> {
    await this.client.call("logMetric", { run_id: runId, ...metric });
  }
  async logParam(runId: string, param: KeyValue): Promise<void> {
    await this.client.call("logParam", { run_id: runId, ...param });
  }
  async setTag(runId: string, tag: KeyValue): Promise<void> {
    await this.client.call("setTag", { run_id: runId, ...tag });
  }
  async deleteTag(runId: string, key: string): Promise<void> {
    await this.client.call("deleteTag", { run_id: runId, key });
  }
  async logInputs(runId: string, datasets: readonly DatasetInput[]): Promise<void> {
    await this.client.call("logInputs", { run_id: runId, datasets: [...datasets] });
  }
  async logModel(runId: string, modelJson: string): Promise<void> {
    await this.client.call("logModel", { run_id: runId, model_json: modelJson });
  }

  async getMetricHistory(runId: string, key: string, input: MetricHistoryInput = {}): Promise<Page<Metric>> {
    const res = await this.client.call("getMetricHistory", { run_id: runId, metric_key: key, ...input });
    return page(res.metrics, res.next_page_token);
  }
  async getMetricHistoryBulkInterval(input: BulkIntervalInput): Promise<MetricWithRunId[]> {
    return (await this.client.call("getMetricHistoryBulkInterval", { ...input, run_ids: [...input.run_ids] })).metrics ?? [];
  }
  /** Over HTTP the server already streams; the client reads the whole answer as one chunk. */
  async openMetricHistoryStream(runId: string, key: string): Promise<AsyncIterable<Metric[]>> {
    await this.getRun(runId); // 404 before the stream starts, as the SQL store does
    const page = this.getMetricHistory(runId, key);
    return (async function* () {
      yield (await page).items;
    })();
  }

  async openSampledMetricHistoryStream(input: SampledHistoryInput): Promise<AsyncIterable<SampledMetricSeries>> {
    const answer = this.getSampledMetricHistory(input);
    await answer; // an invalid request rejects here, before the stream, as the SQL store does
    return (async function* () {
      yield* await answer;
    })();
  }

  async getSampledMetricHistory(input: SampledHistoryInput): Promise<SampledMetricSeries[]> {
    return (await this.client.call("getSampledMetricHistory", { ...input, run_ids: [...input.run_ids] })).series ?? [];
  }

  async getMetricHistoryBulk(runIds: readonly string[], key: string, maxResults?: number): Promise<MetricWithRunId[]> {
    const res = await this.client.call("getMetricHistoryBulk", { run_id: [...runIds], metric_key: key, ...(maxResults === undefined ? {} : { max_results: maxResults }) });
    return res.metrics ?? [];
  }

  /** Nothing to release: fetch keeps no connection that outlives the process. */
  async close(): Promise<void> {}
}
