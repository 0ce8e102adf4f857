import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Metric, MetricWithRunId } from "../../core/index.js";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { expectError, expectNoWrite, expectOk } from "../../test-support/expect-api.js";
import { newExperiment, newRun } from "../../test-support/fixtures.js";
import { AWKWARD_KEYS, BASE_TIME, DOUBLE_MAX, metricHistory } from "../../test-support/generators.js";
import { storedMetrics } from "../../test-support/sqlite-file.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const newRunId = async (): Promise<string> => (await newRun(t.api)).info.run_id;
const latest = async (runId: string): Promise<Metric[]> => (await t.api.ok("getRun", { run_id: runId })).run.data.metrics;
const history = async (runId: string, key: string): Promise<Metric[]> => (await t.api.ok("getMetricHistory", { run_id: runId, metric_key: key })).metrics ?? [];
const stepsOf = (metrics: readonly Metric[] | undefined): number[] => (metrics ?? []).map((m) => m.step);

describe("runs/log-metric and the latest value", () => {
  it("logs points with awkward keys; step defaults to 0; int64 values are JSON numbers", async () => {
    const runId = await newRunId();
    for (const key of AWKWARD_KEYS) expect(await t.api.ok("logMetric", { run_id: runId, key, value: 1.5, timestamp: BASE_TIME, step: 2 })).toEqual({});
    await t.api.ok("logMetric", { run_id: runId, key: "no-step", value: -3, timestamp: 1 });
    await t.api.post("/mlflow/runs/log-metric", { run_id: runId, key: "as-strings", value: "0.25", timestamp: String(BASE_TIME), step: "7" });
    const metrics = await latest(runId);
    expect(metrics).toHaveLength(AWKWARD_KEYS.length + 2);
    expect(metrics).toContainEqual({ key: "损失", value: 1.5, timestamp: BASE_TIME, step: 2 });
    expect(metrics).toContainEqual({ key: "no-step", value: -3, timestamp: 1, step: 0 });
    expect(metrics).toContainEqual({ key: "as-strings", value: 0.25, timestamp: BASE_TIME, step: 7 });
    const res = await t.api.call("getMetricHistory", { run_id: runId, metric_key: "as-strings" });
    expect(res.text).toBe(`{"metrics":[{"key":"as-strings","value":0.25,"timestamp":${BASE_TIME},"step":7}]}`);
  });

  it("renders NaN as \"NaN\" and stores ±Infinity as ±1.7976931348623157e308, on every read path", async () => {
    const runId = await newRunId();
    await t.api.ok("logBatch", {
      run_id: runId,
      metrics: [
        { key: "nan", value: "NaN" as unknown as number, timestamp: BASE_TIME, step: 0 },
        { key: "inf", value: "Infinity" as unknown as number, timestamp: BASE_TIME, step: 0 },
        { key: "ninf", value: "-Infinity" as unknown as number, timestamp: BASE_TIME, step: 0 },
      ],
    });
    const run = await t.api.call("getRun", { run_id: runId });
    expect(run.text).toContain('{"key":"nan","value":"NaN","timestamp":1700000000000,"step":0}');
    expect(run.json.run.data.metrics).toContainEqual({ key: "inf", value: DOUBLE_MAX, timestamp: BASE_TIME, step: 0 });
    expect(run.json.run.data.metrics).toContainEqual({ key: "ninf", value: -DOUBLE_MAX, timestamp: BASE_TIME, step: 0 });
    expect((await t.api.call("getMetricHistory", { run_id: runId, metric_key: "nan" })).text).toContain('"value":"NaN"');
    expect(await history(runId, "ninf")).toEqual([{ key: "ninf", value: -DOUBLE_MAX, timestamp: BASE_TIME, step: 0 }]);
    const bulk = await t.api.withPrefix("/ajax-api/2.0").call("getMetricHistoryBulk", { run_id: [runId], metric_key: "nan" });
    expect(bulk.text).toContain('"value":"NaN"');
    const interval = await t.api.call("getMetricHistoryBulkInterval", { run_ids: [runId], metric_key: "inf" });
    expect(interval.json.metrics).toEqual([{ key: "inf", value: DOUBLE_MAX, timestamp: BASE_TIME, step: 0, run_id: runId }]);
    expect(storedMetrics(t.dbFile, runId).map((m) => [m.key, m.value, m.is_nan])).toEqual([
      ["inf", DOUBLE_MAX, 0],
      ["nan", 0, 1],
      ["ninf", -DOUBLE_MAX, 0],
    ]);
  });

  it("takes the largest step as latest, then the latest timestamp, then the larger value, across calls and within a batch", async () => {
    const points: Metric[] = [
      { key: "m", value: 9, timestamp: BASE_TIME + 100, step: 3 },
      { key: "m", value: 1, timestamp: BASE_TIME + 1, step: 5 },
      { key: "m", value: 2, timestamp: BASE_TIME + 1, step: 5 },
      { key: "m", value: -1, timestamp: BASE_TIME + 2, step: 5 },
      { key: "m", value: 100, timestamp: BASE_TIME + 999, step: 4 },
    ];
    const oneByOne = await newRunId();
    for (const p of points) await t.api.ok("logMetric", { run_id: oneByOne, ...p });
    const batched = await newRunId();
    await t.api.ok("logBatch", { run_id: batched, metrics: points });
    const reversed = await newRunId();
    for (const p of [...points].reverse()) await t.api.ok("logMetric", { run_id: reversed, ...p });
    for (const runId of [oneByOne, batched, reversed]) {
      expect(await latest(runId)).toEqual([{ key: "m", value: -1, timestamp: BASE_TIME + 2, step: 5 }]);
      expect(await history(runId, "m")).toHaveLength(points.length);
    }
  });

  it("deduplicates an identical point but keeps points that differ in any field", async () => {
    const runId = await newRunId();
    const point = { run_id: runId, key: "dup", value: 0.5, timestamp: BASE_TIME, step: 1 };
    await t.api.ok("logMetric", point);
    await t.api.ok("logMetric", point);
    await t.api.ok("logMetric", { ...point, value: 0.6 });
    await t.api.ok("logMetric", { ...point, step: 2 });
    expect(await history(runId, "dup")).toHaveLength(3);
  });
});

describe("metrics/get-history", () => {
  it("returns the whole history ordered by step, and pages with max_results/page_token", async () => {
    const runId = await newRunId();
    const points = metricHistory("loss", 25);
    await t.api.ok("logBatch", { run_id: runId, metrics: [...points].reverse() });
    expect(await history(runId, "loss")).toEqual(points);
    const seen: number[] = [];
    let token: string | undefined;
    do {
      const page = await t.api.ok("getMetricHistory", { run_id: runId, metric_key: "loss", max_results: 10, ...(token ? { page_token: token } : {}) });
      seen.push(...stepsOf(page.metrics));
      token = page.next_page_token;
    } while (token);
    expect(seen).toEqual(points.map((p) => p.step));
    const ajax = await t.api.withPrefix("/ajax-api/2.0").ok("getMetricHistory", { run_id: runId, metric_key: "loss" });
    expect(ajax.metrics).toHaveLength(25);
  });

  it("answers {} for an unknown key, 404 for an unknown run, 400 for missing fields", async () => {
    const runId = await newRunId();
    const res = await t.api.call("getMetricHistory", { run_id: runId, metric_key: "never-logged" });
    expectOk(res);
    expect(res.text).toBe("{}");
    expectError(await t.api.call("getMetricHistory", { run_id: "e".repeat(32), metric_key: "loss" }), 404, "RESOURCE_DOES_NOT_EXIST");
    expectError(await t.api.call("getMetricHistory", { run_id: runId }), 400, "INVALID_PARAMETER_VALUE", "'metric_key'");
    expectError(await t.api.call("getMetricHistory", { metric_key: "loss" }), 400, "INVALID_PARAMETER_VALUE", "'run_id'");
    expectError(await t.api.call("getMetricHistory", { run_id: runId, metric_key: "loss", max_results: 0 }), 400, "INVALID_PARAMETER_VALUE");
  });
});

describe("metrics/get-history-bulk-interval", () => {
  let runA: string;
  let runB: string;
  beforeAll(async () => {
    const experimentId = await newExperiment(t.api);
    runA = (await newRun(t.api, { experiment_id: experimentId })).info.run_id;
    runB = (await newRun(t.api, { experiment_id: experimentId })).info.run_id;
    await t.api.ok("logBatch", { run_id: runA, metrics: metricHistory("loss", 100) });
    await t.api.ok("logBatch", { run_id: runB, metrics: metricHistory("loss", 3, { firstStep: 5 }) });
  });

  const interval = async (query: Record<string, unknown>): Promise<MetricWithRunId[]> => {
    const res = await t.api.get<{ metrics?: MetricWithRunId[] }>("/mlflow/metrics/get-history-bulk-interval", { metric_key: "loss", ...query });
    expectOk(res);
    return res.json.metrics ?? [];
  };
  const stepsFor = (rows: MetricWithRunId[], runId: string): number[] => rows.filter((r) => r.run_id === runId).map((r) => r.step);

  it("returns every point when there are no more steps than max_results (default 2500)", async () => {
    const rows = await interval({ run_ids: [runA, runB] });
    expect(stepsFor(rows, runA)).toEqual(Array.from({ length: 100 }, (_, i) => i));
    expect(stepsFor(rows, runB)).toEqual([5, 6, 7]);
    expect(rows[0]).toEqual({ key: "loss", value: 1, timestamp: BASE_TIME, step: 0, run_id: runA });
  });

  it("samples evenly spaced steps plus the last step and every run's first and last step", async () => {
    const rows = await interval({ run_ids: [runA, runB], max_results: 10 });
    // floor(i * 100 / 10) for i < 10, the last step 99, and run B's min 5 and max 7.
    expect(stepsFor(rows, runA)).toEqual([0, 5, 7, 10, 20, 30, 40, 50, 60, 70, 80, 90, 99]);
    expect(stepsFor(rows, runB)).toEqual([5, 7]);
    expect(stepsFor(await interval({ run_ids: [runA], max_results: 10 }), runA)).toEqual([0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 99]);
  });

  it("samples inside [start_step, end_step]", async () => {
    const rows = await interval({ run_ids: [runA], start_step: 20, end_step: 40, max_results: 5 });
    // 21 steps, 5 picks at floor(i * 21 / 5) plus the range's last step.
    expect(stepsFor(rows, runA)).toEqual([20, 24, 28, 32, 36, 40]);
    expect(stepsFor(await interval({ run_ids: [runA, runB], start_step: 6, end_step: 6 }), runB)).toEqual([6]);
    expect(await interval({ run_ids: [runA], start_step: 500, end_step: 600 })).toEqual([]);
  });

  it("serves both prefixes and answers {} for unknown runs or keys", async () => {
    const ajax = await t.api.withPrefix("/ajax-api/2.0").ok("getMetricHistoryBulkInterval", { run_ids: [runB], metric_key: "loss" });
    expect(stepsOf(ajax.metrics)).toEqual([5, 6, 7]);
    const none = await t.api.call("getMetricHistoryBulkInterval", { run_ids: ["f".repeat(32)], metric_key: "loss" });
    expect(none.text).toBe("{}");
    expect((await t.api.call("getMetricHistoryBulkInterval", { run_ids: [runA], metric_key: "nope" })).text).toBe("{}");
  });

  it("refuses MLflow's bad requests with 400", async () => {
    const ids101 = Array.from({ length: 101 }, (_, i) => `run${i}`);
    const cases: [Record<string, unknown>, string][] = [
      [{ run_ids: ids101 }, "GetMetricHistoryBulkInterval request must specify at most 100 run_ids. Received 101 run_ids."],
      [{ run_ids: [runA], max_results: 0 }, "max_results must be between 1 and 2500."],
      [{ run_ids: [runA], max_results: 2501 }, "max_results must be between 1 and 2500."],
      [{ run_ids: [runA], start_step: 1 }, "If either start step or end step are specified, both must be specified."],
      [{ run_ids: [runA], end_step: 1 }, "If either start step or end step are specified, both must be specified."],
      [{ run_ids: [runA], start_step: 5, end_step: 4 }, "end_step must be greater than start_step. Found start_step=5 and end_step=4."],
      [{}, "Missing value for required parameter 'run_ids'."],
    ];
    for (const [query, message] of cases) {
      expectError(await t.api.get("/mlflow/metrics/get-history-bulk-interval", { metric_key: "loss", ...query }), 400, "INVALID_PARAMETER_VALUE", message);
    }
    expectError(await t.api.get("/mlflow/metrics/get-history-bulk-interval", { run_ids: runA }), 400, "INVALID_PARAMETER_VALUE", "'metric_key'");
  });
});

describe("ajax metrics/get-history-bulk", () => {
  const ajax = (): ReturnType<TestApp["api"]["withPrefix"]> => t.api.withPrefix("/ajax-api/2.0");

  it("returns rows of several runs sorted by run_id, timestamp, step, value, capped in total", async () => {
    const experimentId = await newExperiment(t.api);
    const [r1, r2] = await Promise.all([newRun(t.api, { experiment_id: experimentId }), newRun(t.api, { experiment_id: experimentId })]);
    const ids = [r1.info.run_id, r2.info.run_id].sort();
    for (const runId of ids) await t.api.ok("logBatch", { run_id: runId, metrics: [...metricHistory("acc", 4)].reverse() });
    const res = await ajax().call("getMetricHistoryBulk", { run_id: [...ids].reverse(), metric_key: "acc" });
    expectOk(res);
    expect(res.json.metrics?.map((m) => [m.run_id, m.step])).toEqual(ids.flatMap((id) => [0, 1, 2, 3].map((s) => [id, s])));
    const capped = await ajax().ok("getMetricHistoryBulk", { run_id: ids, metric_key: "acc", max_results: 5 });
    expect(capped.metrics?.map((m) => [m.run_id, m.step])).toEqual([...[0, 1, 2, 3].map((s) => [ids[0], s]), [ids[1], 0]]);
  });

  it("is served under /ajax-api only and refuses bad requests with 400", async () => {
    expectError(await t.api.get("/mlflow/metrics/get-history-bulk", { run_id: "x", metric_key: "acc" }), 404, "ENDPOINT_NOT_FOUND");
    expectError(await ajax().call("getMetricHistoryBulk", { metric_key: "acc" }), 400, "INVALID_PARAMETER_VALUE", "GetMetricHistoryBulk request must specify at least one run_id.");
    expectError(await ajax().call("getMetricHistoryBulk", { run_id: ["x"] }), 400, "INVALID_PARAMETER_VALUE", "GetMetricHistoryBulk request must specify a metric_key.");
    const many = Array.from({ length: 101 }, (_, i) => `r${i}`);
    expectError(await ajax().call("getMetricHistoryBulk", { run_id: many, metric_key: "acc" }), 400, "INVALID_PARAMETER_VALUE", "cannot specify more than 100 run_ids. Received 101 run_ids.");
  });
});

describe("metric writes refused", () => {
  it("leaves the database unchanged for an unknown run", async () => {
    const res = await expectNoWrite(t, () => t.api.call("logMetric", { run_id: "a".repeat(32), key: "m", value: 1, timestamp: BASE_TIME }));
    expectError(res, 404, "RESOURCE_DOES_NOT_EXIST", `Run with id=${"a".repeat(32)} not found`);
  });
});
