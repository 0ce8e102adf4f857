import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Run } from "../../core/index.js";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { expectError, expectNoWrite, expectOk } from "../../test-support/expect-api.js";
import { newRun } from "../../test-support/fixtures.js";
import { AWKWARD_KEYS, datasetInput, longString, modelJson } from "../../test-support/generators.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const fetchRun = async (runId: string): Promise<Run> => (await t.api.ok("getRun", { run_id: runId })).run;
const newRunId = async (): Promise<string> => (await newRun(t.api)).info.run_id;

describe("runs/log-parameter", () => {
  it("stores params with awkward keys; params come back sorted by key", async () => {
    const runId = await newRunId();
    for (const [i, key] of AWKWARD_KEYS.entries()) expect(await t.api.ok("logParam", { run_id: runId, key, value: `v${i}` })).toEqual({});
    await t.api.ok("logParam", { run_id: runId, key: "empty" });
    const params = (await fetchRun(runId)).data.params;
    expect(params).toHaveLength(AWKWARD_KEYS.length + 1);
    expect(params).toContainEqual({ key: "损失", value: `v${AWKWARD_KEYS.indexOf("损失")}` });
    expect(params).toContainEqual({ key: "empty", value: "" });
  });

  it("is immutable: the same value again is accepted, a different one is 400 and changes nothing", async () => {
    const runId = await newRunId();
    await t.api.ok("logParam", { run_id: runId, key: "lr", value: "0.1" });
    await t.api.ok("logParam", { run_id: runId, key: "lr", value: "0.1" });
    const res = await expectNoWrite(t, () => t.api.call("logParam", { run_id: runId, key: "lr", value: "0.2" }));
    expectError(
      res,
      400,
      "INVALID_PARAMETER_VALUE",
      `Changing param values is not allowed. Param with key='lr' was already logged with value='0.1' for run ID='${runId}'. Attempted logging new value '0.2'.`,
    );
    expect((await fetchRun(runId)).data.params).toEqual([{ key: "lr", value: "0.1" }]);
  });

  it("truncates values over 6000 characters, so re-logging the same long value stays idempotent", async () => {
    const runId = await newRunId();
    const long = longString(6000, "a") + longString(50, "b");
    await t.api.ok("logParam", { run_id: runId, key: "long", value: long });
    await t.api.ok("logParam", { run_id: runId, key: "long", value: long });
    expect((await fetchRun(runId)).data.params).toEqual([{ key: "long", value: longString(6000, "a") }]);
  });

  it("answers 404 for an unknown run and 400 for a missing key", async () => {
    expectError(await expectNoWrite(t, () => t.api.call("logParam", { run_id: "a".repeat(32), key: "k", value: "v" })), 404, "RESOURCE_DOES_NOT_EXIST");
    expectError(await t.api.call("logParam", { run_id: await newRunId(), value: "v" }), 400, "INVALID_PARAMETER_VALUE", "'key'");
  });
});

describe("runs/set-tag and runs/delete-tag", () => {
  it("upserts tags, truncates values over 8000 characters, and deletes them", async () => {
    const runId = await newRunId();
    await t.api.ok("setTag", { run_id: runId, key: "note", value: "first" });
    await t.api.ok("setTag", { run_id: runId, key: "note", value: "second ✓" });
    await t.api.ok("setTag", { run_id: runId, key: "long", value: longString(8001) });
    await t.api.withPrefix("/ajax-api/2.0").ok("setTag", { run_id: runId, key: "val.loss/best", value: "0.1" });
    let tags = (await fetchRun(runId)).data.tags;
    expect(tags).toContainEqual({ key: "note", value: "second ✓" });
    expect(tags).toContainEqual({ key: "long", value: longString(8000) });
    expect(tags).toContainEqual({ key: "val.loss/best", value: "0.1" });

    expect(await t.api.ok("deleteTag", { run_id: runId, key: "note" })).toEqual({});
    tags = (await fetchRun(runId)).data.tags;
    expect(tags.map((tag) => tag.key)).not.toContain("note");
    const missing = await expectNoWrite(t, () => t.api.call("deleteTag", { run_id: runId, key: "note" }));
    expectError(missing, 404, "RESOURCE_DOES_NOT_EXIST", `No tag with name: note in run with id ${runId}`);
    expectError(await t.api.call("setTag", { run_id: "b".repeat(32), key: "k", value: "v" }), 404, "RESOURCE_DOES_NOT_EXIST");
    expectError(await t.api.call("deleteTag", { run_id: "b".repeat(32), key: "k" }), 404, "RESOURCE_DOES_NOT_EXIST");
  });

  it("deleting mlflow.runName keeps the run's name", async () => {
    const run = await newRun(t.api, { run_name: "sticky" });
    await t.api.ok("deleteTag", { run_id: run.info.run_id, key: "mlflow.runName" });
    const fetched = await fetchRun(run.info.run_id);
    expect(fetched.info.run_name).toBe("sticky");
    // It was the only tag, and empty lists are omitted.
    expect(fetched.data).not.toHaveProperty("tags");
  });
});

describe("runs/log-inputs", () => {
  it("records dataset inputs with their tags, once per (name, digest)", async () => {
    const runId = await newRunId();
    const input = datasetInput("iris");
    expect(await t.api.ok("logInputs", { run_id: runId, datasets: [input, input] })).toEqual({});
    // Re-logging the same dataset with other tags does not change them (MLflow writes tags with a new edge only).
    await t.api.ok("logInputs", { run_id: runId, datasets: [datasetInput("iris", "eval")] });
    // Without tags (they default to none).
    expectOk(await t.api.post("/mlflow/runs/log-inputs", { run_id: runId, datasets: [{ dataset: { name: "bare", digest: "d1", source_type: "code", source: "{}" } }] }));
    const run = await fetchRun(runId);
    expect(run.inputs.dataset_inputs).toHaveLength(2);
    expect(run.inputs.dataset_inputs).toContainEqual(input);
    // Empty tag lists and unset schema/profile are omitted on the wire.
    expect(run.inputs.dataset_inputs).toContainEqual({ dataset: { name: "bare", digest: "d1", source_type: "code", source: "{}" } });
    const search = await t.api.ok("searchRuns", { experiment_ids: [run.info.experiment_id] });
    expect(search.runs?.[0]?.inputs).toEqual(run.inputs);
  });

  it("refuses incomplete datasets and over-long fields with 400 and writes nothing", async () => {
    const runId = await newRunId();
    const { dataset } = datasetInput();
    const bad = [
      [{ tags: [] }],
      [{ dataset: { ...dataset, digest: undefined } }],
      [{ dataset: { ...dataset, digest: longString(37) } }],
      [{ dataset: { ...dataset, name: longString(501) } }],
      [{ dataset, tags: [{ key: "k" }] }],
      [{ dataset, tags: [{ key: longString(256), value: "v" }] }],
      [{ dataset, tags: [{ key: "k", value: longString(501) }] }],
    ];
    for (const datasets of bad) {
      expectError(await expectNoWrite(t, () => t.api.post("/mlflow/runs/log-inputs", { run_id: runId, datasets })), 400, "INVALID_PARAMETER_VALUE");
    }
    expectError(await t.api.call("logInputs", { run_id: "c".repeat(32), datasets: [datasetInput()] }), 404, "RESOURCE_DOES_NOT_EXIST");
    expectError(await t.api.call("logInputs", { run_id: "../etc", datasets: [datasetInput()] }), 400, "INVALID_PARAMETER_VALUE", "Invalid run ID");
  });
});

describe("runs/log-model", () => {
  it("appends each model to the mlflow.log-model.history tag", async () => {
    const runId = await newRunId();
    expect(await t.api.ok("logModel", { run_id: runId, model_json: modelJson(runId, "model") })).toEqual({});
    await t.api.ok("logModel", { run_id: runId, model_json: modelJson(runId, "model2") });
    const history = (await fetchRun(runId)).data.tags.find((tag) => tag.key === "mlflow.log-model.history")?.value;
    expect((JSON.parse(history ?? "[]") as { artifact_path: string }[]).map((m) => m.artifact_path)).toEqual(["model", "model2"]);
  });

  it("refuses malformed or incomplete model JSON with 400 and writes nothing", async () => {
    const runId = await newRunId();
    const malformed = await expectNoWrite(t, () => t.api.call("logModel", { run_id: runId, model_json: "{not json" }));
    expectError(malformed, 400, "INVALID_PARAMETER_VALUE", "Malformed model info.");
    const incomplete = await expectNoWrite(t, () => t.api.call("logModel", { run_id: runId, model_json: JSON.stringify({ artifact_path: "m" }) }));
    expectError(incomplete, 400, "INVALID_PARAMETER_VALUE", /Model json is missing mandatory fields: \{'flavors', 'utc_time_created', 'run_id'\}/);
    expectError(await t.api.call("logModel", { run_id: runId }), 400, "INVALID_PARAMETER_VALUE", "'model_json'");
    expectError(await t.api.call("logModel", { run_id: "d".repeat(32), model_json: modelJson(runId) }), 404, "RESOURCE_DOES_NOT_EXIST");
  });
});
