import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_PREFIXES, endpoints, type EndpointName } from "../../core/index.js";
import type { ApiClient, WireRequest } from "../../test-support/api-client.js";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { expectError, expectNoWrite, expectOk } from "../../test-support/expect-api.js";
import { newExperiment, newRun } from "../../test-support/fixtures.js";
import { BASE_TIME, datasetInput, metricHistory, modelJson, uniqueName } from "../../test-support/generators.js";

/**
 * Every endpoint of the table, under every prefix it is served on: one happy call and one refused
 * call each. The tables are keyed by EndpointName, so a new endpoint does not compile without its cases.
 */
interface Fixture {
  experimentId: string;
  runId: string;
}
type Happy = { [N in EndpointName]: (f: Fixture, api: ApiClient) => WireRequest<N> | Promise<WireRequest<N>> };
type Refused = { [N in EndpointName]: { request: (f: Fixture) => WireRequest<N>; status: number; code: string } };

const happy: Happy = {
  createExperiment: () => ({ name: uniqueName("route"), tags: [{ key: "k", value: "v" }] }),
  getExperiment: (f) => ({ experiment_id: f.experimentId }),
  getExperimentByName: async (f, api) => ({ experiment_name: (await api.ok("getExperiment", { experiment_id: f.experimentId })).experiment.name }),
  searchExperiments: () => ({ max_results: 5, view_type: "ALL" }),
  updateExperiment: (f) => ({ experiment_id: f.experimentId, new_name: uniqueName("renamed") }),
  deleteExperiment: (f) => ({ experiment_id: f.experimentId }),
  restoreExperiment: async (f, api) => (await api.ok("deleteExperiment", { experiment_id: f.experimentId }), { experiment_id: f.experimentId }),
  setExperimentTag: (f) => ({ experiment_id: f.experimentId, key: "note", value: "hello" }),
  deleteExperimentTag: async (f, api) => (await api.ok("setExperimentTag", { experiment_id: f.experimentId, key: "gone", value: "x" }), { experiment_id: f.experimentId, key: "gone" }),
  createRun: (f) => ({ experiment_id: f.experimentId, run_name: "route-run", start_time: BASE_TIME }),
  getRun: (f) => ({ run_id: f.runId }),
  updateRun: (f) => ({ run_id: f.runId, status: "FINISHED", end_time: BASE_TIME + 1 }),
  deleteRun: (f) => ({ run_id: f.runId }),
  restoreRun: async (f, api) => (await api.ok("deleteRun", { run_id: f.runId }), { run_id: f.runId }),
  searchRuns: (f) => ({ experiment_ids: [f.experimentId], max_results: 10 }),
  logMetric: (f) => ({ run_id: f.runId, key: "m", value: 0.5, timestamp: BASE_TIME, step: 1 }),
  logParam: (f) => ({ run_id: f.runId, key: "p", value: "1" }),
  setTag: (f) => ({ run_id: f.runId, key: "t", value: "1" }),
  deleteTag: async (f, api) => (await api.ok("setTag", { run_id: f.runId, key: "gone", value: "x" }), { run_id: f.runId, key: "gone" }),
  logBatch: (f) => ({ run_id: f.runId, metrics: metricHistory("b", 2), params: [{ key: "bp", value: "1" }], tags: [{ key: "bt", value: "1" }] }),
  logInputs: (f) => ({ run_id: f.runId, datasets: [datasetInput()] }),
  logModel: (f) => ({ run_id: f.runId, model_json: modelJson(f.runId) }),
  listArtifacts: (f) => ({ run_id: f.runId }),
  getMetricHistory: (f) => ({ run_id: f.runId, metric_key: "loss" }),
  getMetricHistoryBulkInterval: (f) => ({ run_ids: [f.runId], metric_key: "loss", max_results: 2 }),
  getMetricHistoryBulk: (f) => ({ run_id: [f.runId], metric_key: "loss" }),
  getSampledMetricHistory: (f) => ({ run_ids: [f.runId], metric_key: "loss", max_points: 2 }),
};

const IPV = "INVALID_PARAMETER_VALUE";
const NOT_FOUND = "RESOURCE_DOES_NOT_EXIST";
const GHOST_RUN = "f".repeat(32);
const refused: Refused = {
  createExperiment: { request: () => ({}), status: 400, code: IPV },
  getExperiment: { request: () => ({ experiment_id: "999999" }), status: 404, code: NOT_FOUND },
  getExperimentByName: { request: () => ({ experiment_name: "no-such-experiment" }), status: 404, code: NOT_FOUND },
  searchExperiments: { request: () => ({ max_results: 0 }), status: 400, code: IPV },
  updateExperiment: { request: () => ({ experiment_id: "999999", new_name: "x" }), status: 404, code: NOT_FOUND },
  deleteExperiment: { request: () => ({ experiment_id: "999999" }), status: 404, code: NOT_FOUND },
  restoreExperiment: { request: (f) => ({ experiment_id: f.experimentId }), status: 404, code: NOT_FOUND },
  setExperimentTag: { request: (f) => ({ experiment_id: f.experimentId, key: "a//b", value: "v" }), status: 400, code: IPV },
  deleteExperimentTag: { request: (f) => ({ experiment_id: f.experimentId, key: "missing" }), status: 404, code: NOT_FOUND },
  createRun: { request: () => ({ experiment_id: "999999" }), status: 404, code: NOT_FOUND },
  getRun: { request: () => ({ run_id: GHOST_RUN }), status: 404, code: NOT_FOUND },
  updateRun: { request: () => ({ run_id: GHOST_RUN, status: "FINISHED" }), status: 404, code: NOT_FOUND },
  deleteRun: { request: () => ({ run_id: GHOST_RUN }), status: 404, code: NOT_FOUND },
  restoreRun: { request: () => ({ run_id: GHOST_RUN }), status: 404, code: NOT_FOUND },
  searchRuns: { request: (f) => ({ experiment_ids: [f.experimentId], max_results: 50001 }), status: 400, code: IPV },
  logMetric: { request: (f) => ({ run_id: f.runId, key: "m", timestamp: BASE_TIME }), status: 400, code: IPV },
  logParam: { request: (f) => ({ run_id: f.runId, key: "loss-param", value: "changed" }), status: 400, code: IPV },
  setTag: { request: (f) => ({ run_id: f.runId, key: "/abs", value: "v" }), status: 400, code: IPV },
  deleteTag: { request: (f) => ({ run_id: f.runId, key: "missing" }), status: 404, code: NOT_FOUND },
  logBatch: { request: (f) => ({ run_id: f.runId, params: [{ key: "loss-param", value: "changed" }] }), status: 400, code: IPV },
  logInputs: { request: () => ({ run_id: GHOST_RUN, datasets: [datasetInput()] }), status: 404, code: NOT_FOUND },
  logModel: { request: (f) => ({ run_id: f.runId, model_json: "{}" }), status: 400, code: IPV },
  listArtifacts: { request: (f) => ({ run_id: f.runId, path: "../outside" }), status: 400, code: IPV },
  getMetricHistory: { request: () => ({ run_id: GHOST_RUN, metric_key: "loss" }), status: 404, code: NOT_FOUND },
  getMetricHistoryBulkInterval: { request: (f) => ({ run_ids: [f.runId], metric_key: "loss", start_step: 1 }), status: 400, code: IPV },
  getMetricHistoryBulk: { request: (f) => ({ run_id: [f.runId] }), status: 400, code: IPV },
  getSampledMetricHistory: { request: (f) => ({ run_ids: [f.runId], metric_key: "loss", max_points: 0 }), status: 400, code: IPV },
};

const names = Object.keys(endpoints) as EndpointName[];
const served = names.flatMap((name) => API_PREFIXES.filter((prefix) => !endpoints[name].ajaxOnly || prefix === "/ajax-api/2.0").map((prefix) => [name, prefix] as const));

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

async function fixture(): Promise<Fixture> {
  const experimentId = await newExperiment(t.api);
  const runId = (await newRun(t.api, { experiment_id: experimentId })).info.run_id;
  await t.api.ok("logBatch", { run_id: runId, metrics: metricHistory("loss", 4), params: [{ key: "loss-param", value: "1" }] });
  return { experimentId, runId };
}

describe("every endpoint of the table", () => {
  it.each(served)("%s under %s: happy path answers 200 with JSON", async (name, prefix) => {
    const f = await fixture();
    const api = t.api.withPrefix(prefix);
    const request = await (happy[name])(f, t.api);
    for (const method of endpoints[name].methods) {
      const path = endpoints[name].path;
      const res = method === "GET" ? await api.get(path, request as never) : await api.post(path, request);
      expectOk(res);
      expect(res.json).toBeTypeOf("object");
    }
  });

  it.each(served)("%s under %s: a refused request gets the envelope and writes nothing", async (name, prefix) => {
    const f = await fixture();
    const { request, status, code } = refused[name];
    const res = await expectNoWrite(t, () => t.api.withPrefix(prefix).call(name, request(f) as never));
    expectError(res, status, code);
  });

  it("does not serve the ajax-only get-history-bulk under /api/2.0", async () => {
    const f = await fixture();
    expectError(await t.api.get(endpoints.getMetricHistoryBulk.path, { run_id: f.runId, metric_key: "loss" }), 404, "ENDPOINT_NOT_FOUND");
  });
});
