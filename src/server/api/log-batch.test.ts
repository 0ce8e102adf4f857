import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Run } from "../../core/index.js";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { expectError, expectNoWrite } from "../../test-support/expect-api.js";
import { newRun } from "../../test-support/fixtures.js";
import { AWKWARD_KEYS, awkwardRunData, BASE_TIME, longString, metricHistory, metricsOf, paramsOf, tagsOf } from "../../test-support/generators.js";
import { metricRowsPerRun } from "../../test-support/sqlite-file.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const newRunId = async (): Promise<string> => (await newRun(t.api)).info.run_id;
const fetchRun = async (runId: string): Promise<Run> => (await t.api.ok("getRun", { run_id: runId })).run;

describe("runs/log-batch", () => {
  it("writes metrics, params and tags with awkward keys in one call and answers {}", async () => {
    const runId = await newRunId();
    const data = awkwardRunData(3);
    const res = await t.api.call("logBatch", { run_id: runId, ...data });
    expect(res.status, res.text).toBe(200);
    expect(res.text).toBe("{}");
    const run = await fetchRun(runId);
    expect(run.data.params).toHaveLength(AWKWARD_KEYS.length);
    expect(run.data.params).toContainEqual({ key: "métrique_été", value: data.params[AWKWARD_KEYS.indexOf("métrique_été")]!.value });
    expect(run.data.tags).toHaveLength(AWKWARD_KEYS.length + 1); // + mlflow.runName
    // Latest value per key: the last of three steps.
    expect(run.data.metrics).toHaveLength(AWKWARD_KEYS.length);
    expect(run.data.metrics).toContainEqual({ key: "x 1.2/y", value: 1 / 3, timestamp: BASE_TIME + 2000, step: 2 });
    const history = await t.api.ok("getMetricHistory", { run_id: runId, metric_key: "learning rate" });
    expect(history.metrics).toEqual(metricHistory("learning rate", 3));
  });

  it("accepts an empty batch and the exact limits: 1000 metrics, 100 params, 100 tags, 1000 in total", async () => {
    const runId = await newRunId();
    expect((await t.api.call("logBatch", { run_id: runId })).status).toBe(200);
    expect((await t.api.call("logBatch", { run_id: runId, metrics: metricsOf(1000) })).status).toBe(200);
    const mixed = await t.api.call("logBatch", { run_id: runId, metrics: metricsOf(800, "n"), params: paramsOf(100), tags: tagsOf(100) });
    expect(mixed.status, mixed.text).toBe(200);
    expect(metricRowsPerRun(t.dbFile).get(runId)).toBe(1800);
    const run = await fetchRun(runId);
    expect(run.data.params).toHaveLength(100);
    expect(run.data.metrics).toHaveLength(1800);
  });

  it("replaying an identical batch changes nothing: metrics deduplicate, same-value params pass, tags rewrite", async () => {
    const runId = await newRunId();
    const batch = { run_id: runId, metrics: metricHistory("loss", 50), params: paramsOf(5), tags: tagsOf(5) };
    await t.api.ok("logBatch", batch);
    const before = t.snapshot();
    for (let i = 0; i < 3; i++) expect((await t.api.call("logBatch", batch)).status).toBe(200);
    expect(t.snapshot()).toEqual(before);
    expect(metricRowsPerRun(t.dbFile).get(runId)).toBe(50);
  });

  it("deduplicates identical points inside one batch", async () => {
    const runId = await newRunId();
    const point = { key: "m", value: 1, timestamp: BASE_TIME, step: 0 };
    await t.api.ok("logBatch", { run_id: runId, metrics: [point, point, { ...point, value: 2 }] });
    expect(metricRowsPerRun(t.dbFile).get(runId)).toBe(2);
  });

  it("refuses a changed param value with 400 and writes none of the batch", async () => {
    const runId = await newRunId();
    await t.api.ok("logBatch", { run_id: runId, params: [{ key: "lr", value: "0.1" }] });
    const res = await expectNoWrite(t, () =>
      t.api.call("logBatch", {
        run_id: runId,
        params: [{ key: "new", value: "x" }, { key: "lr", value: "0.2" }],
        metrics: metricHistory("loss", 3),
        tags: [{ key: "mlflow.runName", value: "should-not-apply" }],
      }),
    );
    expectError(res, 400, "INVALID_PARAMETER_VALUE", `Changing param values is not allowed. Params were already logged='[{'key': 'lr', 'old_value': '0.1', 'new_value': '0.2'}]' for run ID='${runId}'.`);
    const run = await fetchRun(runId);
    expect(run.data.params).toEqual([{ key: "lr", value: "0.1" }]);
    expect(run.info.run_name).not.toBe("should-not-apply");
  });

  it("truncates long param (6000) and tag (8000) values; the last value of a repeated tag key wins", async () => {
    const runId = await newRunId();
    await t.api.ok("logBatch", {
      run_id: runId,
      params: [{ key: "long", value: longString(6001) }],
      tags: [
        { key: "long", value: longString(9000) },
        { key: "twice", value: "first" },
        { key: "twice", value: "second" },
      ],
    });
    const run = await fetchRun(runId);
    expect(run.data.params).toEqual([{ key: "long", value: longString(6000) }]);
    expect(run.data.tags).toContainEqual({ key: "long", value: longString(8000) });
    expect(run.data.tags).toContainEqual({ key: "twice", value: "second" });
  });

  it("answers 404 for an unknown run and 400 for a malformed run id, writing nothing", async () => {
    const unknown = await expectNoWrite(t, () => t.api.call("logBatch", { run_id: "0".repeat(32), metrics: metricsOf(2) }));
    expectError(unknown, 404, "RESOURCE_DOES_NOT_EXIST");
    const malformed = await expectNoWrite(t, () => t.api.call("logBatch", { run_id: "../../x", metrics: metricsOf(2) }));
    expectError(malformed, 400, "INVALID_PARAMETER_VALUE", "Invalid run ID: '../../x'");
    expectError(await t.api.call("logBatch", { metrics: metricsOf(1) }), 400, "INVALID_PARAMETER_VALUE", "Missing value for required parameter 'run_id'.");
  });

  it("names the failing field of a nested metric", async () => {
    const runId = await newRunId();
    const res = await expectNoWrite(t, () => t.api.post("/mlflow/runs/log-batch", { run_id: runId, metrics: [{ key: "ok", value: 1, timestamp: 1 }, { key: "bad", value: 1 }] }));
    expectError(res, 400, "INVALID_PARAMETER_VALUE", "Missing value for required parameter 'metrics[1].timestamp'.");
  });
});
