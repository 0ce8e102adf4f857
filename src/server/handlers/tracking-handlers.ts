import type { EndpointName, RequestOf, ResponseOf } from "../../core/index.js";
import type { ArtifactService } from "../../store/artifacts/artifact-service.js";
import type { TrackingStore } from "../../store/tracking-store.js";
import { encodeRunsPage, type EncodedJson } from "./encoded-json.js";
import { listRunArtifacts } from "./list-run-artifacts.js";
import { streamSampledBinary, type StreamedBinary } from "./streamed-binary.js";
import { streamMetrics, streamSampledSeries, type StreamedJson } from "./streamed-json.js";

export interface HandlerContext {
  store: TrackingStore;
  artifacts: ArtifactService;
}

export type Handler<N extends EndpointName> = (request: RequestOf<N>, ctx: HandlerContext) => Promise<ResponseOf<N> | StreamedJson | StreamedBinary | EncodedJson>;
export type HandlerTable = { [N in EndpointName]: Handler<N> };

const EMPTY = {} as Record<string, never>;

/** One line per endpoint: requests arrive parsed and typed; the store owns the rules. */
export const trackingHandlers: HandlerTable = {
  createExperiment: async (r, { store }) => ({ experiment_id: await store.createExperiment(r) }),
  getExperiment: async (r, { store }) => ({ experiment: await store.getExperiment(r.experiment_id) }),
  getExperimentByName: async (r, { store }) => ({ experiment: await store.getExperimentByName(r.experiment_name) }),
  searchExperiments: async (r, { store }) => {
    const page = await store.searchExperiments(r);
    return { experiments: page.items, next_page_token: page.next_page_token };
  },
  updateExperiment: async (r, { store }) => (await store.renameExperiment(r.experiment_id, r.new_name), EMPTY),
  deleteExperiment: async (r, { store }) => (await store.deleteExperiment(r.experiment_id), EMPTY),
  restoreExperiment: async (r, { store }) => (await store.restoreExperiment(r.experiment_id), EMPTY),
  setExperimentTag: async (r, { store }) => (await store.setExperimentTag(r.experiment_id, { key: r.key, value: r.value }), EMPTY),
  deleteExperimentTag: async (r, { store }) => (await store.deleteExperimentTag(r.experiment_id, r.key), EMPTY),

  createRun: async (r, { store }) => ({ run: await store.createRun(r) }),
  getRun: async (r, { store }) => ({ run: await store.getRun(r.run_id) }),
  updateRun: async (r, { store }) => ({ run_info: await store.updateRun(r.run_id, r) }),
  deleteRun: async (r, { store }) => (await store.deleteRun(r.run_id), EMPTY),
  restoreRun: async (r, { store }) => (await store.restoreRun(r.run_id), EMPTY),
  searchRuns: async (r, { store }) => {
    if (store.searchRunsJson) return encodeRunsPage(await store.searchRunsJson(r));
    const page = await store.searchRuns(r);
    return { runs: page.items, next_page_token: page.next_page_token };
  },
  logMetric: async (r, { store }) => (await store.logMetric(r.run_id, { key: r.key, value: r.value, timestamp: r.timestamp, step: r.step }), EMPTY),
  logParam: async (r, { store }) => (await store.logParam(r.run_id, { key: r.key, value: r.value }), EMPTY),
  setTag: async (r, { store }) => (await store.setTag(r.run_id, { key: r.key, value: r.value }), EMPTY),
  deleteTag: async (r, { store }) => (await store.deleteTag(r.run_id, r.key), EMPTY),
  logBatch: async (r, { store }) => (await store.logBatch(r.run_id, r), EMPTY),
  logInputs: async (r, { store }) => (await store.logInputs(r.run_id, r.datasets), EMPTY),
  logModel: async (r, { store }) => (await store.logModel(r.run_id, r.model_json), EMPTY),

  listArtifacts: (r, ctx) => listRunArtifacts(r.run_id, r.path, ctx),

  getMetricHistory: async (r, { store }) => {
    // Without paging the whole series is wanted: stream it instead of building it in memory.
    if (r.max_results === undefined && !r.page_token) return streamMetrics(await store.openMetricHistoryStream(r.run_id, r.metric_key));
    const page = await store.getMetricHistory(r.run_id, r.metric_key, r);
    return { metrics: page.items, next_page_token: page.next_page_token };
  },
  getMetricHistoryBulkInterval: async (r, { store }) => ({ metrics: await store.getMetricHistoryBulkInterval(r) }),
  getMetricHistoryBulk: async (r, { store }) => ({ metrics: await store.getMetricHistoryBulk(r.run_id, r.metric_key ?? "", r.max_results) }),
  getSampledMetricHistory: async (r, { store }) => {
    const series = await store.openSampledMetricHistoryStream(r);
    return r.binary === true ? streamSampledBinary(series, r.timestamps !== false) : streamSampledSeries(series, r.columns === true, r.timestamps !== false);
  },
};
