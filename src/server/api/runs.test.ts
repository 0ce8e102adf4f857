import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Run } from "../../core/index.js";
import type { WireRequest } from "../../test-support/api-client.js";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { expectError, expectNoWrite, expectOk } from "../../test-support/expect-api.js";
import { newExperiment, newRun } from "../../test-support/fixtures.js";
import { BASE_TIME, datasetInput, modelJson, RUN_NAME_PATTERN } from "../../test-support/generators.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const tagValue = (run: Run, key: string): string | undefined => run.data.tags.find((tag) => tag.key === key)?.value;
const fetchRun = async (runId: string): Promise<Run> => (await t.api.ok("getRun", { run_id: runId })).run;

describe("runs/create and runs/get", () => {
  it("creates a RUNNING run with MLflow's info shape: run_uuid == run_id, no end_time, int64 numbers, a generated name", async () => {
    const experimentId = await newExperiment(t.api);
    const res = await t.api.call("createRun", { experiment_id: experimentId, start_time: BASE_TIME + 123, user_id: "alice" });
    expectOk(res);
    const { info, data, inputs } = res.json.run;
    expect(info.run_id).toMatch(/^[0-9a-f]{32}$/);
    expect(info).toEqual({
      run_uuid: info.run_id,
      experiment_id: experimentId,
      run_name: info.run_name,
      user_id: "alice",
      status: "RUNNING",
      start_time: BASE_TIME + 123,
      artifact_uri: `mlflow-artifacts:/${experimentId}/${info.run_id}/artifacts`,
      lifecycle_stage: "active",
      run_id: info.run_id,
    });
    expect(info.run_name).toMatch(RUN_NAME_PATTERN);
    expect(info.run_name.length).toBeLessThanOrEqual(20);
    // Empty lists are omitted: the new run has only its name tag, and `inputs` is an empty object.
    expect(data).toEqual({ tags: [{ key: "mlflow.runName", value: info.run_name }] });
    expect(inputs).toEqual({});
    expect(res.text).toContain(`"start_time":${BASE_TIME + 123}`);

    const fetched = await fetchRun(info.run_id);
    expect(fetched.info).toEqual(info);
    expect((await t.api.ok("getRun", { run_uuid: info.run_id } as WireRequest<"getRun">)).run.info).toEqual(info);
    const ajax = await t.api.withPrefix("/ajax-api/2.0").ok("getRun", { run_id: info.run_id });
    expect(ajax.run.info).toEqual(info);
  });

  it("generates distinct MLflow-shaped names", async () => {
    const experimentId = await newExperiment(t.api);
    const names = await Promise.all(Array.from({ length: 20 }, async () => (await newRun(t.api, { experiment_id: experimentId })).info.run_name));
    for (const name of names) {
      expect(name).toMatch(RUN_NAME_PATTERN);
      expect(name.length).toBeLessThanOrEqual(20);
    }
    expect(new Set(names).size).toBeGreaterThan(10);
  });

  it("falls back to the Default experiment 0, accepts a numeric experiment_id, defaults start_time to 0", async () => {
    const run = await t.api.ok("createRun", {});
    expect(run.run.info).toMatchObject({ experiment_id: "0", start_time: 0, user_id: "" });
    expect(run.run.info.artifact_uri).toBe(`mlflow-artifacts:/0/${run.run.info.run_id}/artifacts`);
    const experimentId = await newExperiment(t.api);
    const numeric = await t.api.post<{ run: Run }>("/mlflow/runs/create", { experiment_id: Number(experimentId) });
    expectOk(numeric);
    expect(numeric.json.run.info.experiment_id).toBe(experimentId);
  });

  it("keeps run_name and the mlflow.runName tag in sync at creation", async () => {
    const byName = (await newRun(t.api, { run_name: "baseline" })).info.run_id;
    expect(tagValue(await fetchRun(byName), "mlflow.runName")).toBe("baseline");
    const byTag = await fetchRun((await newRun(t.api, { tags: [{ key: "mlflow.runName", value: "from-tag" }] })).info.run_id);
    expect(byTag.info.run_name).toBe("from-tag");
    expect(byTag.data.tags.filter((tag) => tag.key === "mlflow.runName")).toHaveLength(1);
    const both = await newRun(t.api, { run_name: "same", tags: [{ key: "mlflow.runName", value: "same" }] });
    expect(both.info.run_name).toBe("same");
    const experimentId = await newExperiment(t.api);
    const mismatch = await expectNoWrite(t, () => t.api.call("createRun", { experiment_id: experimentId, run_name: "a", tags: [{ key: "mlflow.runName", value: "b" }] }));
    expectError(mismatch, 400, "INVALID_PARAMETER_VALUE", "Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values (run_name='a', mlflow.runName='b').");
  });

  it("answers 404 for unknown runs and experiments, 400 for a missing run_id", async () => {
    expectError(await t.api.call("getRun", { run_id: "0123abcd" }), 404, "RESOURCE_DOES_NOT_EXIST", "Run with id=0123abcd not found");
    expectError(await t.api.call("getRun", {}), 400, "INVALID_PARAMETER_VALUE", "Missing value for required parameter 'run_id'.");
    expectError(await expectNoWrite(t, () => t.api.call("createRun", { experiment_id: "987654" })), 404, "RESOURCE_DOES_NOT_EXIST");
    expectError(await expectNoWrite(t, () => t.api.call("createRun", { experiment_id: "not-a-number" })), 404, "RESOURCE_DOES_NOT_EXIST");
  });
});

describe("runs/update", () => {
  it("changes only what is sent, returns run_info, and renames through the mlflow.runName tag too", async () => {
    const run = await newRun(t.api, { run_name: "before" });
    const runId = run.info.run_id;
    const res = await t.api.call("updateRun", { run_id: runId, status: "FINISHED", end_time: BASE_TIME + 5000 });
    expectOk(res);
    expect(res.json.run_info).toEqual({ ...run.info, status: "FINISHED", end_time: BASE_TIME + 5000 });
    const renamed = await t.api.ok("updateRun", { run_id: runId, run_name: "after" });
    expect(renamed.run_info).toMatchObject({ run_name: "after", status: "FINISHED", end_time: BASE_TIME + 5000 });
    const fetched = await fetchRun(runId);
    expect(fetched.info.run_name).toBe("after");
    expect(tagValue(fetched, "mlflow.runName")).toBe("after");
    // An empty run_name is ignored; statuses go back and forth freely; proto numbers work too.
    expect((await t.api.ok("updateRun", { run_id: runId, run_name: "" })).run_info.run_name).toBe("after");
    const back = await t.api.post<{ run_info: Run["info"] }>("/mlflow/runs/update", { run_uuid: runId, status: 1 });
    expect(back.json.run_info.status).toBe("RUNNING");
  });

  it("renames the run when mlflow.runName is set through set-tag or a log-batch tag", async () => {
    const runId = (await newRun(t.api)).info.run_id;
    await t.api.ok("setTag", { run_id: runId, key: "mlflow.runName", value: "via-set-tag" });
    expect((await fetchRun(runId)).info.run_name).toBe("via-set-tag");
    await t.api.ok("logBatch", { run_id: runId, tags: [{ key: "mlflow.runName", value: "via-batch" }] });
    const run = await fetchRun(runId);
    expect(run.info.run_name).toBe("via-batch");
    expect(tagValue(run, "mlflow.runName")).toBe("via-batch");
    const search = await t.api.ok("searchRuns", { experiment_ids: [run.info.experiment_id] });
    expect(search.runs?.[0]?.info.run_name).toBe("via-batch");
  });

  it("refuses unknown runs (404) and bad values (400)", async () => {
    expectError(await t.api.call("updateRun", { run_id: "f".repeat(32), status: "FINISHED" }), 404, "RESOURCE_DOES_NOT_EXIST");
    const runId = (await newRun(t.api)).info.run_id;
    const bad = [{ status: "DONE" }, { end_time: -1 }, { end_time: 1.5 }, { status: true }];
    for (const body of bad) {
      expectError(await expectNoWrite(t, () => t.api.post("/mlflow/runs/update", { run_id: runId, ...body })), 400, "INVALID_PARAMETER_VALUE");
    }
  });
});

describe("runs/delete and runs/restore", () => {
  it("moves a run between lifecycle stages idempotently; get still answers for deleted runs", async () => {
    const runId = (await newRun(t.api)).info.run_id;
    expect(await t.api.ok("deleteRun", { run_id: runId })).toEqual({});
    expect(await t.api.ok("deleteRun", { run_id: runId })).toEqual({});
    expect((await fetchRun(runId)).info.lifecycle_stage).toBe("deleted");
    expect(await t.api.ok("restoreRun", { run_id: runId })).toEqual({});
    expect(await t.api.ok("restoreRun", { run_id: runId })).toEqual({});
    expect((await fetchRun(runId)).info.lifecycle_stage).toBe("active");
    expectError(await t.api.call("deleteRun", { run_id: "nope" }), 404, "RESOURCE_DOES_NOT_EXIST");
    expectError(await t.api.call("restoreRun", { run_id: "nope" }), 404, "RESOURCE_DOES_NOT_EXIST");
  });

  it("refuses every write to a deleted run with 400 and writes nothing", async () => {
    const runId = (await newRun(t.api)).info.run_id;
    await t.api.ok("setTag", { run_id: runId, key: "existing", value: "v" });
    await t.api.ok("deleteRun", { run_id: runId });
    const writes: [string, unknown][] = [
      ["/mlflow/runs/log-metric", { run_id: runId, key: "m", value: 1, timestamp: BASE_TIME }],
      ["/mlflow/runs/log-parameter", { run_id: runId, key: "p", value: "1" }],
      ["/mlflow/runs/set-tag", { run_id: runId, key: "t", value: "1" }],
      ["/mlflow/runs/delete-tag", { run_id: runId, key: "existing" }],
      ["/mlflow/runs/log-batch", { run_id: runId, metrics: [{ key: "m", value: 1, timestamp: BASE_TIME }] }],
      ["/mlflow/runs/log-inputs", { run_id: runId, datasets: [datasetInput()] }],
      ["/mlflow/runs/log-model", { run_id: runId, model_json: modelJson(runId) }],
      ["/mlflow/runs/update", { run_id: runId, status: "FINISHED" }],
    ];
    for (const [path, body] of writes) {
      const res = await expectNoWrite(t, () => t.api.post(path, body));
      expectError(res, 400, "INVALID_PARAMETER_VALUE", `The run ${runId} must be in the 'active' state. Current state is deleted.`);
    }
  });

  it("accepts writes to FINISHED, FAILED and KILLED runs: status is never checked", async () => {
    for (const status of ["FINISHED", "FAILED", "KILLED"] as const) {
      const runId = (await newRun(t.api)).info.run_id;
      await t.api.ok("updateRun", { run_id: runId, status, end_time: BASE_TIME + 1 });
      await t.api.ok("logMetric", { run_id: runId, key: "after", value: 2, timestamp: BASE_TIME + 2 });
      await t.api.ok("logParam", { run_id: runId, key: "p", value: "x" });
      await t.api.ok("setTag", { run_id: runId, key: "t", value: "y" });
      const run = await fetchRun(runId);
      expect(run.info.status).toBe(status);
      expect(run.data.metrics).toEqual([{ key: "after", value: 2, timestamp: BASE_TIME + 2, step: 0 }]);
      expect(run.data.params).toEqual([{ key: "p", value: "x" }]);
    }
  });
});
