import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { expectError, expectNoWrite } from "../../test-support/expect-api.js";
import { newExperiment, newRun } from "../../test-support/fixtures.js";
import { BASE_TIME, INVALID_KEYS, longString, metricHistory, metricsOf, paramsOf, tagsOf } from "../../test-support/generators.js";
import { countRows } from "../../test-support/sqlite-file.js";

/**
 * Ill-typed, unknown, over-long and over-many input. Every case must get MLflow's error envelope
 * with the right status and leave every table of the database exactly as it was.
 */
interface Fixture {
  runId: string;
  experimentId: string;
}
interface BadCase {
  name: string;
  path: string;
  body: (f: Fixture) => unknown;
  status: number;
  code: string;
  message?: string | RegExp;
}

const IPV = "INVALID_PARAMETER_VALUE";
const NOT_FOUND = "RESOURCE_DOES_NOT_EXIST";
const metric = (f: Fixture, fields: Record<string, unknown>): Record<string, unknown> => ({ run_id: f.runId, key: "m", value: 1, timestamp: BASE_TIME, ...fields });
const LOG_METRIC = "/mlflow/runs/log-metric";
const LOG_BATCH = "/mlflow/runs/log-batch";

const wrongTypes: BadCase[] = [
  { name: "metric value true", path: LOG_METRIC, body: (f) => metric(f, { value: true }), status: 400, code: IPV, message: /Invalid value true for parameter 'value' supplied. Hint: Value was of type 'bool'/ },
  { name: 'metric value "abc"', path: LOG_METRIC, body: (f) => metric(f, { value: "abc" }), status: 400, code: IPV, message: "'value'" },
  { name: "metric value as an object", path: LOG_METRIC, body: (f) => metric(f, { value: { v: 1 } }), status: 400, code: IPV },
  { name: "fractional timestamp", path: LOG_METRIC, body: (f) => metric(f, { timestamp: 1.5 }), status: 400, code: IPV, message: "'timestamp'" },
  { name: "negative timestamp", path: LOG_METRIC, body: (f) => metric(f, { timestamp: -1 }), status: 400, code: IPV, message: "Got invalid timestamp -1 for metric 'm'" },
  { name: 'timestamp "soon"', path: LOG_METRIC, body: (f) => metric(f, { timestamp: "soon" }), status: 400, code: IPV },
  { name: "fractional step", path: LOG_METRIC, body: (f) => metric(f, { step: 0.5 }), status: 400, code: IPV, message: "'step'" },
  { name: "missing metric value", path: LOG_METRIC, body: (f) => metric(f, { value: null }), status: 400, code: IPV, message: "Missing value for required parameter 'value'." },
  { name: "missing timestamp", path: LOG_METRIC, body: (f) => metric(f, { timestamp: undefined }), status: 400, code: IPV, message: "'timestamp'" },
  { name: "metric key as a number", path: LOG_METRIC, body: (f) => metric(f, { key: 5 }), status: 400, code: IPV, message: "'key'" },
  { name: "batch metric value true", path: LOG_BATCH, body: (f) => ({ run_id: f.runId, metrics: [{ key: "m", value: true, timestamp: 1 }] }), status: 400, code: IPV, message: "'metrics[0].value'" },
  { name: "batch metrics as an object", path: LOG_BATCH, body: (f) => ({ run_id: f.runId, metrics: { key: "m", value: 1, timestamp: 1 } }), status: 400, code: IPV, message: "'metrics'" },
  { name: "batch tags as an object", path: LOG_BATCH, body: (f) => ({ run_id: f.runId, tags: { a: "b" } }), status: 400, code: IPV, message: "'tags'" },
  { name: "batch with a null metric", path: LOG_BATCH, body: (f) => ({ run_id: f.runId, metrics: [null] }), status: 400, code: IPV },
  { name: "param value as a number", path: "/mlflow/runs/log-parameter", body: (f) => ({ run_id: f.runId, key: "p", value: 5 }), status: 400, code: IPV, message: "'value'" },
  { name: "run tags as an object", path: "/mlflow/runs/create", body: (f) => ({ experiment_id: f.experimentId, tags: { a: "b" } }), status: 400, code: IPV, message: "'tags'" },
  { name: "experiment tags as an object", path: "/mlflow/experiments/create", body: () => ({ name: "typed-tags", tags: { a: "b" } }), status: 400, code: IPV },
  { name: "experiment name as a number", path: "/mlflow/experiments/create", body: () => ({ name: 42 }), status: 400, code: IPV, message: "'name'" },
  { name: "experiment_ids as a string", path: "/mlflow/runs/search", body: (f) => ({ experiment_ids: f.experimentId }), status: 400, code: IPV, message: "'experiment_ids'" },
  { name: "experiment_ids as a number", path: "/mlflow/runs/search", body: (f) => ({ experiment_ids: Number(f.experimentId) }), status: 400, code: IPV, message: "'experiment_ids'" },
  { name: "unknown run_view_type", path: "/mlflow/runs/search", body: (f) => ({ experiment_ids: [f.experimentId], run_view_type: "EVERYTHING" }), status: 400, code: IPV, message: "'run_view_type'" },
  { name: "unknown view_type", path: "/mlflow/experiments/search", body: () => ({ view_type: "SOME" }), status: 400, code: IPV, message: "'view_type'" },
  { name: "view_type number out of range", path: "/mlflow/experiments/search", body: () => ({ view_type: 9 }), status: 400, code: IPV },
  { name: "unknown run status", path: "/mlflow/runs/update", body: (f) => ({ run_id: f.runId, status: "DONE" }), status: 400, code: IPV, message: "'status'" },
  { name: 'max_results "ten"', path: "/mlflow/experiments/search", body: () => ({ max_results: "ten" }), status: 400, code: IPV, message: "'max_results'" },
  { name: "run_id as a number", path: "/mlflow/runs/set-tag", body: () => ({ run_id: 12, key: "k", value: "v" }), status: 400, code: IPV, message: "'run_id'" },
];

const unknownIds: BadCase[] = [
  { name: "log-metric to an unknown run", path: LOG_METRIC, body: () => ({ run_id: "a".repeat(32), key: "m", value: 1, timestamp: 1 }), status: 404, code: NOT_FOUND },
  { name: "log-batch to an unknown run", path: LOG_BATCH, body: () => ({ run_id: "a".repeat(32), params: paramsOf(1) }), status: 404, code: NOT_FOUND },
  { name: "set-tag on an unknown run", path: "/mlflow/runs/set-tag", body: () => ({ run_id: "a".repeat(32), key: "k", value: "v" }), status: 404, code: NOT_FOUND },
  { name: "create-run in an unknown experiment", path: "/mlflow/runs/create", body: () => ({ experiment_id: "424242" }), status: 404, code: NOT_FOUND },
  { name: "set-experiment-tag on an unknown experiment", path: "/mlflow/experiments/set-experiment-tag", body: () => ({ experiment_id: "424242", key: "k", value: "v" }), status: 404, code: NOT_FOUND },
  { name: "update of a non-numeric experiment id", path: "/mlflow/experiments/update", body: () => ({ experiment_id: "x1", new_name: "n" }), status: 404, code: NOT_FOUND },
];

const tooLong: BadCase[] = [
  { name: "metric key of 251", path: LOG_METRIC, body: (f) => metric(f, { key: longString(251) }), status: 400, code: IPV, message: "which exceeded length limit of 250" },
  { name: "param key of 251", path: "/mlflow/runs/log-parameter", body: (f) => ({ run_id: f.runId, key: longString(251), value: "v" }), status: 400, code: IPV, message: "Param key" },
  { name: "tag key of 251", path: "/mlflow/runs/set-tag", body: (f) => ({ run_id: f.runId, key: longString(251), value: "v" }), status: 400, code: IPV, message: "Tag key" },
  { name: "batch param key of 251", path: LOG_BATCH, body: (f) => ({ run_id: f.runId, params: [{ key: longString(251), value: "v" }] }), status: 400, code: IPV },
  { name: "experiment tag value of 5001", path: "/mlflow/experiments/set-experiment-tag", body: (f) => ({ experiment_id: f.experimentId, key: "k", value: longString(5001) }), status: 400, code: IPV, message: "had length 5001, which exceeded length limit of 5000" },
  { name: "experiment tag key of 251", path: "/mlflow/experiments/set-experiment-tag", body: (f) => ({ experiment_id: f.experimentId, key: longString(251), value: "v" }), status: 400, code: IPV },
  { name: "created experiment's tag value of 5001", path: "/mlflow/experiments/create", body: () => ({ name: "long-tag", tags: [{ key: "k", value: longString(5001) }] }), status: 400, code: IPV },
  { name: "experiment name of 501", path: "/mlflow/experiments/create", body: () => ({ name: longString(501) }), status: 400, code: IPV, message: "Experiment name exceeds the maximum length of 500 characters" },
  { name: "artifact_location runs:/", path: "/mlflow/experiments/create", body: () => ({ name: "art-1", artifact_location: "runs:/abc/model" }), status: 400, code: IPV, message: "Artifact location cannot be a runs:/ URI." },
  { name: "artifact_location with a fragment", path: "/mlflow/experiments/create", body: () => ({ name: "art-2", artifact_location: "http:///#/../../etc/" }), status: 400, code: IPV, message: "'artifact_location' URL can't include fragments or params." },
  { name: "artifact_location with ;params", path: "/mlflow/experiments/create", body: () => ({ name: "art-3", artifact_location: "s3://b/x;type=a" }), status: 400, code: IPV },
  { name: "artifact_location with ..", path: "/mlflow/experiments/create", body: () => ({ name: "art-4", artifact_location: "s3://b/%2e%2e/x" }), status: 400, code: IPV },
  { name: "run name of 251", path: "/mlflow/runs/create", body: (f) => ({ experiment_id: f.experimentId, run_name: longString(251) }), status: 400, code: IPV },
];

const tooMany: BadCase[] = [
  { name: "1001 metrics", path: LOG_BATCH, body: (f) => ({ run_id: f.runId, metrics: metricsOf(1001) }), status: 400, code: IPV, message: "A batch logging request can contain at most 1000 metrics. Got 1001 metrics." },
  { name: "101 params", path: LOG_BATCH, body: (f) => ({ run_id: f.runId, params: paramsOf(101) }), status: 400, code: IPV, message: "at most 100 params. Got 101 params." },
  { name: "101 tags", path: LOG_BATCH, body: (f) => ({ run_id: f.runId, tags: tagsOf(101) }), status: 400, code: IPV, message: "at most 100 tags. Got 101 tags." },
  { name: "1001 entities in total", path: LOG_BATCH, body: (f) => ({ run_id: f.runId, metrics: metricsOf(901), params: paramsOf(50), tags: tagsOf(50) }), status: 400, code: IPV, message: "at most 1000 total entities" },
  { name: "duplicate param keys", path: LOG_BATCH, body: (f) => ({ run_id: f.runId, params: [{ key: "a", value: "1" }, { key: "b", value: "2" }, { key: "a", value: "1" }] }), status: 400, code: IPV, message: "Duplicate parameter keys have been submitted: ['a']." },
  { name: "valid points followed by an invalid key", path: LOG_BATCH, body: (f) => ({ run_id: f.runId, metrics: [...metricHistory("fine", 5), { key: "a//b", value: 1, timestamp: 1 }] }), status: 400, code: IPV },
];

const invalidKeys: BadCase[] = INVALID_KEYS.flatMap((key): BadCase[] => [
  { name: `metric key ${JSON.stringify(key)}`, path: LOG_METRIC, body: (f) => metric(f, { key }), status: 400, code: IPV, message: /Invalid metric name/ },
  { name: `param key ${JSON.stringify(key)}`, path: "/mlflow/runs/log-parameter", body: (f) => ({ run_id: f.runId, key, value: "v" }), status: 400, code: IPV, message: /Invalid parameter name/ },
  { name: `tag key ${JSON.stringify(key)}`, path: "/mlflow/runs/set-tag", body: (f) => ({ run_id: f.runId, key, value: "v" }), status: 400, code: IPV, message: /Invalid tag name/ },
  { name: `batch tag key ${JSON.stringify(key)}`, path: LOG_BATCH, body: (f) => ({ run_id: f.runId, tags: [{ key, value: "v" }] }), status: 400, code: IPV },
  { name: `experiment tag key ${JSON.stringify(key)}`, path: "/mlflow/experiments/set-experiment-tag", body: (f) => ({ experiment_id: f.experimentId, key, value: "v" }), status: 400, code: IPV },
]);

let t: TestApp;
let fixture: Fixture;
beforeAll(async () => {
  t = await createTestApp();
  const experimentId = await newExperiment(t.api);
  const runId = (await newRun(t.api, { experiment_id: experimentId })).info.run_id;
  // Some data already stored, so "unchanged" covers updates as well as inserts.
  await t.api.ok("logBatch", { run_id: runId, metrics: metricHistory("m", 3), params: [{ key: "p", value: "0" }, { key: "a", value: "1" }], tags: tagsOf(2) });
  await t.api.ok("setExperimentTag", { experiment_id: experimentId, key: "k", value: "v" });
  fixture = { runId, experimentId };
});
afterAll(() => t.close());

describe.each([
  ["wrong types", wrongTypes],
  ["unknown ids", unknownIds],
  ["over-long keys and values", tooLong],
  ["too many items in a batch", tooMany],
  ["invalid key names", invalidKeys],
])("bad input: %s", (_title, cases) => {
  it.each(cases)("$name → $status $code, nothing written", async (c) => {
    const res = await expectNoWrite(t, () => t.api.post(c.path, c.body(fixture)));
    expectError(res, c.status, c.code, c.message);
  });
});

describe("bad input: the database keeps its shape", () => {
  it("still holds exactly the fixture rows", () => {
    expect(countRows(t.dbFile)).toEqual({ experiments: 2, runs: 1, metrics: 3, latest_metrics: 1, params: 2, tags: 3 });
  });
});
