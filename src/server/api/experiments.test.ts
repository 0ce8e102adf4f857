import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Experiment } from "../../core/index.js";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { expectError, expectNoWrite, expectOk } from "../../test-support/expect-api.js";
import { newExperiment, newRun } from "../../test-support/fixtures.js";
import { BASE_TIME, uniqueName } from "../../test-support/generators.js";
import { execOnFile } from "../../test-support/sqlite-file.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe("experiments: create, get, get-by-name", () => {
  it("has the Default experiment 0 at start-up", async () => {
    const { experiment } = await t.api.ok("getExperiment", { experiment_id: "0" });
    expect(experiment).toMatchObject({ experiment_id: "0", name: "Default", artifact_location: "mlflow-artifacts:/0", lifecycle_stage: "active" });
    expect(typeof experiment.creation_time).toBe("number");
    expect(experiment.last_update_time).toBe(experiment.creation_time);
    expect(experiment).not.toHaveProperty("tags");
    expect((await t.api.ok("getExperimentByName", { experiment_name: "Default" })).experiment).toEqual(experiment);
  });

  it("creates an experiment with the default artifact location and returns only its id", async () => {
    const name = uniqueName();
    const res = await t.api.call("createExperiment", { name });
    expectOk(res);
    expect(Object.keys(res.json)).toEqual(["experiment_id"]);
    const id = res.json.experiment_id;
    expect(id).toMatch(/^[1-9]\d*$/);
    const { experiment } = await t.api.ok("getExperiment", { experiment_id: id });
    expect(experiment).toEqual({
      experiment_id: id,
      name,
      artifact_location: `mlflow-artifacts:/${id}`,
      lifecycle_stage: "active",
      creation_time: expect.any(Number) as number,
      last_update_time: experiment.creation_time,
    });
    expect(experiment.creation_time).toBeGreaterThan(BASE_TIME);
    // The same experiment under the web UI's prefix, by id and by name.
    const ajax = t.api.withPrefix("/ajax-api/2.0");
    expect((await ajax.ok("getExperiment", { experiment_id: id })).experiment).toEqual(experiment);
    expect((await ajax.ok("getExperimentByName", { experiment_name: name })).experiment).toEqual(experiment);
  });

  it("stores an explicit artifact location and tags, accepting an integer id in JSON elsewhere", async () => {
    const id = await newExperiment(t.api, { artifact_location: "s3://bucket/churn", tags: [{ key: "team", value: "ds" }, { key: "mlflow.note.content", value: "# Notes ✓" }] });
    const { experiment } = await t.api.ok("getExperiment", { experiment_id: id });
    expect(experiment.artifact_location).toBe("s3://bucket/churn");
    expect(experiment.tags).toEqual([
      { key: "mlflow.note.content", value: "# Notes ✓" },
      { key: "team", value: "ds" },
    ]);
    // Older clients send experiment ids as JSON numbers.
    expectOk(await t.api.post("/mlflow/experiments/set-experiment-tag", { experiment_id: Number(id), key: "n", value: "1" }));
  });

  it("refuses a duplicate name with RESOURCE_ALREADY_EXISTS (HTTP 400), even when the holder is deleted", async () => {
    const name = uniqueName();
    const id = await newExperiment(t.api, { name });
    const dup = await expectNoWrite(t, () => t.api.call("createExperiment", { name }));
    expectError(dup, 400, "RESOURCE_ALREADY_EXISTS", `Experiment(name=${name}) already exists.`);
    await t.api.ok("deleteExperiment", { experiment_id: id });
    expectError(await expectNoWrite(t, () => t.api.call("createExperiment", { name })), 400, "RESOURCE_ALREADY_EXISTS");
    // get-by-name finds deleted experiments too.
    expect((await t.api.ok("getExperimentByName", { experiment_name: name })).experiment).toMatchObject({ experiment_id: id, lifecycle_stage: "deleted" });
  });

  it("answers 404 for unknown and non-numeric ids and unknown names, 400 for missing ones", async () => {
    expectError(await t.api.call("getExperiment", { experiment_id: "987654" }), 404, "RESOURCE_DOES_NOT_EXIST", "No Experiment with id=987654 exists");
    expectError(await t.api.call("getExperiment", { experiment_id: "abc" }), 404, "RESOURCE_DOES_NOT_EXIST");
    expectError(await t.api.call("getExperiment", { experiment_id: "1.5" }), 404, "RESOURCE_DOES_NOT_EXIST");
    expectError(await t.api.call("getExperimentByName", { experiment_name: "no such experiment" }), 404, "RESOURCE_DOES_NOT_EXIST", "Could not find experiment with name 'no such experiment'");
    expectError(await t.api.call("getExperiment", {}), 400, "INVALID_PARAMETER_VALUE", "Missing value for required parameter 'experiment_id'.");
    expectError(await t.api.call("getExperimentByName", {}), 400, "INVALID_PARAMETER_VALUE", "Missing value for required parameter 'experiment_name'.");
    expectError(await t.api.call("createExperiment", { name: "" }), 400, "INVALID_PARAMETER_VALUE", "Missing value for required parameter 'name'.");
  });
});

describe("experiments: update, delete, restore", () => {
  it("renames an active experiment and bumps last_update_time", async () => {
    const id = await newExperiment(t.api);
    const before = (await t.api.ok("getExperiment", { experiment_id: id })).experiment;
    const newName = uniqueName("renamed");
    expect(await t.api.ok("updateExperiment", { experiment_id: id, new_name: newName })).toEqual({});
    const after = (await t.api.ok("getExperimentByName", { experiment_name: newName })).experiment;
    expect(after.experiment_id).toBe(id);
    expect(after.last_update_time).toBeGreaterThanOrEqual(before.last_update_time);
    expectError(await t.api.call("getExperimentByName", { experiment_name: before.name }), 404, "RESOURCE_DOES_NOT_EXIST");
  });

  it("refuses renames onto a taken name (400), of deleted experiments (INVALID_STATE 500) and of unknown ids (404)", async () => {
    const taken = uniqueName();
    await newExperiment(t.api, { name: taken });
    const id = await newExperiment(t.api);
    expectError(await expectNoWrite(t, () => t.api.call("updateExperiment", { experiment_id: id, new_name: taken })), 400, "BAD_REQUEST");
    await t.api.ok("deleteExperiment", { experiment_id: id });
    const res = await expectNoWrite(t, () => t.api.call("updateExperiment", { experiment_id: id, new_name: uniqueName() }));
    expectError(res, 500, "INVALID_STATE", "Cannot rename a non-active experiment.");
    expectError(await t.api.call("updateExperiment", { experiment_id: "987654", new_name: uniqueName() }), 404, "RESOURCE_DOES_NOT_EXIST");
    expectError(await t.api.call("updateExperiment", { experiment_id: id }), 400, "INVALID_PARAMETER_VALUE", "'new_name'");
  });

  it("deletes and restores an experiment together with all its runs", async () => {
    const id = await newExperiment(t.api);
    const kept = await newRun(t.api, { experiment_id: id });
    const deletedFirst = await newRun(t.api, { experiment_id: id });
    await t.api.ok("deleteRun", { run_id: deletedFirst.info.run_id });

    expect(await t.api.ok("deleteExperiment", { experiment_id: id })).toEqual({});
    const deleted = (await t.api.ok("getExperiment", { experiment_id: id })).experiment;
    expect(deleted.lifecycle_stage).toBe("deleted");
    expect((await t.api.ok("getRun", { run_id: kept.info.run_id })).run.info.lifecycle_stage).toBe("deleted");
    // Deleting again, or restoring an active experiment, names no experiment in the required stage.
    expectError(await t.api.call("deleteExperiment", { experiment_id: id }), 404, "RESOURCE_DOES_NOT_EXIST", `No Experiment with id=${id} exists`);
    // A deleted experiment takes no new runs.
    expectError(await expectNoWrite(t, () => t.api.call("createRun", { experiment_id: id })), 400, "INVALID_PARAMETER_VALUE", "must be in the 'active' state");

    expect(await t.api.ok("restoreExperiment", { experiment_id: id })).toEqual({});
    expect((await t.api.ok("getExperiment", { experiment_id: id })).experiment.lifecycle_stage).toBe("active");
    // MLflow restores every run of the experiment, including one deleted on its own before.
    for (const run of [kept, deletedFirst]) {
      expect((await t.api.ok("getRun", { run_id: run.info.run_id })).run.info.lifecycle_stage).toBe("active");
    }
    expectError(await t.api.call("restoreExperiment", { experiment_id: id }), 404, "RESOURCE_DOES_NOT_EXIST");
    expectError(await t.api.call("deleteExperiment", { experiment_id: "987654" }), 404, "RESOURCE_DOES_NOT_EXIST");
    expectError(await t.api.call("restoreExperiment", { experiment_id: "nope" }), 404, "RESOURCE_DOES_NOT_EXIST");
  });
});

describe("experiments: tags", () => {
  it("upserts and deletes experiment tags; a missing value is stored as an empty string", async () => {
    const id = await newExperiment(t.api);
    expect(await t.api.ok("setExperimentTag", { experiment_id: id, key: "stage", value: "dev" })).toEqual({});
    await t.api.ok("setExperimentTag", { experiment_id: id, key: "stage", value: "prod" });
    await t.api.ok("setExperimentTag", { experiment_id: id, key: "empty" });
    expect((await t.api.ok("getExperiment", { experiment_id: id })).experiment.tags).toEqual([
      { key: "empty", value: "" },
      { key: "stage", value: "prod" },
    ]);
    expect(await t.api.ok("deleteExperimentTag", { experiment_id: id, key: "stage" })).toEqual({});
    expect((await t.api.ok("getExperiment", { experiment_id: id })).experiment.tags).toEqual([{ key: "empty", value: "" }]);
    const missing = await expectNoWrite(t, () => t.api.call("deleteExperimentTag", { experiment_id: id, key: "stage" }));
    expectError(missing, 404, "RESOURCE_DOES_NOT_EXIST", "No tag with name: stage");
  });

  it("counts limits in code points, as Python does: 5000 astral characters fit the experiment tag limit", async () => {
    const id = await newExperiment(t.api);
    const wide = "😀".repeat(5000);
    await t.api.ok("setExperimentTag", { experiment_id: id, key: "𝒜".repeat(250), value: wide });
    expect((await t.api.ok("getExperiment", { experiment_id: id })).experiment.tags).toEqual([{ key: "𝒜".repeat(250), value: wide }]);
    expectError(await expectNoWrite(t, () => t.api.call("setExperimentTag", { experiment_id: id, key: "k", value: `${wide}😀` })), 400, "INVALID_PARAMETER_VALUE");
  });

  it("refuses tag writes on deleted (400) and unknown (404) experiments", async () => {
    const id = await newExperiment(t.api, { tags: [{ key: "k", value: "v" }] });
    await t.api.ok("deleteExperiment", { experiment_id: id });
    const set = await expectNoWrite(t, () => t.api.call("setExperimentTag", { experiment_id: id, key: "k", value: "other" }));
    expectError(set, 400, "INVALID_PARAMETER_VALUE", `The experiment ${id} must be in the 'active' state. Current state is deleted.`);
    expectError(await expectNoWrite(t, () => t.api.call("deleteExperimentTag", { experiment_id: id, key: "k" })), 400, "INVALID_PARAMETER_VALUE");
    expectError(await t.api.call("setExperimentTag", { experiment_id: "987654", key: "k", value: "v" }), 404, "RESOURCE_DOES_NOT_EXIST");
    expectError(await t.api.call("deleteExperimentTag", { experiment_id: "987654", key: "k" }), 404, "RESOURCE_DOES_NOT_EXIST");
  });
});

describe("experiments/search", () => {
  // A database of its own, so the expected order is exact.
  let s: TestApp;
  const ids: Record<"a" | "b" | "c" | "d" | "gone", string> = { a: "", b: "", c: "", d: "", gone: "" };
  beforeAll(async () => {
    s = await createTestApp();
    for (const k of ["a", "b", "c", "d", "gone"] as const) ids[k] = await newExperiment(s.api, { name: `search-${k}` });
    // Equal creation times for b and c exercise the experiment_id ASC tie-breaker.
    const times = { a: 3, b: 1, c: 1, d: 2, gone: 2 };
    for (const [k, dt] of Object.entries(times)) execOnFile(s.dbFile, "UPDATE experiments SET creation_time = ? WHERE experiment_id = ?", BASE_TIME + dt, Number(ids[k as keyof typeof ids]));
    await s.api.ok("deleteExperiment", { experiment_id: ids.gone });
  });
  afterAll(() => s.close());

  const idsOf = (experiments: Experiment[] | undefined): string[] => (experiments ?? []).map((e) => e.experiment_id);

  it("orders by creation_time DESC, then experiment_id ASC, active only by default, without max_results", async () => {
    // Default was created "now", after BASE_TIME, so it comes first.
    const res = await s.api.call("searchExperiments", {});
    expectOk(res);
    expect(idsOf(res.json.experiments)).toEqual(["0", ids.a, ids.d, ids.b, ids.c]);
    expect(res.json).not.toHaveProperty("next_page_token");
    const get = await s.api.get<{ experiments: Experiment[] }>("/mlflow/experiments/search");
    expect(idsOf(get.json.experiments)).toEqual(["0", ids.a, ids.d, ids.b, ids.c]);
  });

  it("pages with page_token over POST and GET; the last page carries no token", async () => {
    for (const via of ["POST", "GET"] as const) {
      const seen: string[][] = [];
      let token: string | undefined;
      do {
        const request = { max_results: 2, view_type: "ALL" as const, ...(token ? { page_token: token } : {}) };
        const res = via === "POST" ? await s.api.call("searchExperiments", request) : await s.api.get<{ experiments?: Experiment[]; next_page_token?: string }>("/mlflow/experiments/search", request);
        expectOk(res);
        seen.push(idsOf(res.json.experiments));
        token = res.json.next_page_token;
      } while (token);
      expect(seen).toEqual([["0", ids.a], [ids.d, ids.gone], [ids.b, ids.c]]);
    }
    const last = await s.api.call("searchExperiments", { max_results: 4 });
    expect(last.json.next_page_token).toBe("eyJvZmZzZXQiOiA0fQ==");
    const tail = await s.api.call("searchExperiments", { max_results: 4, page_token: last.json.next_page_token! });
    expect(idsOf(tail.json.experiments)).toEqual([ids.c]);
    expect(tail.json).not.toHaveProperty("next_page_token");
  });

  it("filters by view_type, by name or by proto number", async () => {
    expect(idsOf((await s.api.ok("searchExperiments", { view_type: "DELETED_ONLY" })).experiments)).toEqual([ids.gone]);
    expect(idsOf((await s.api.post<{ experiments: Experiment[] }>("/mlflow/experiments/search", { view_type: 3 })).json.experiments)).toHaveLength(6);
    expect(idsOf((await s.api.get<{ experiments: Experiment[] }>("/mlflow/experiments/search", { view_type: "ACTIVE_ONLY" })).json.experiments)).toHaveLength(5);
  });

  it("refuses out-of-range max_results and bad page tokens", async () => {
    expectError(await s.api.call("searchExperiments", { max_results: 0 }), 400, "INVALID_PARAMETER_VALUE", "max_results");
    expectError(await s.api.call("searchExperiments", { max_results: 50001 }), 400, "INVALID_PARAMETER_VALUE", "at most 50000");
    expectError(await s.api.call("searchExperiments", { page_token: "%%%" }), 400, "INVALID_PARAMETER_VALUE", "Invalid page token");
    expectError(await s.api.call("searchExperiments", { page_token: btoa('{"offset": 0}') }), 400, "INVALID_PARAMETER_VALUE", "Invalid page token");
  });

  // Search (filter / order_by) landed while this suite was written; its depth is tested with the search code.
  // This one test pins the wire contract: a simple filter and order_by apply, malformed ones are 400.
  it("filter and order_by: a simple one applies, a malformed one is INVALID_PARAMETER_VALUE", async () => {
    expect(idsOf((await s.api.ok("searchExperiments", { filter: "name = 'search-a'" })).experiments)).toEqual([ids.a]);
    const byName = await s.api.ok("searchExperiments", { order_by: ["name DESC"] });
    expect(idsOf(byName.experiments)).toEqual([ids.d, ids.c, ids.b, ids.a, "0"]);
    expectError(await s.api.call("searchExperiments", { filter: "name ==== 'search-a'" }), 400, "INVALID_PARAMETER_VALUE");
    expectError(await s.api.call("searchExperiments", { order_by: ["no_such_attribute ASC"] }), 400, "INVALID_PARAMETER_VALUE");
  });

  it("returns at most 1000 experiments per page when max_results is omitted", async () => {
    const big = await createTestApp();
    try {
      await Promise.all(Array.from({ length: 1001 }, (_, i) => big.store.createExperiment({ name: `bulk-${i}` })));
      const first = await big.api.ok("searchExperiments", {});
      expect(first.experiments).toHaveLength(1000);
      expect(first.next_page_token).toBe("eyJvZmZzZXQiOiAxMDAwfQ==");
      const rest = await big.api.ok("searchExperiments", { page_token: first.next_page_token! });
      expect(rest.experiments).toHaveLength(2); // 1001 created + Default
      expect(rest).not.toHaveProperty("next_page_token");
    } finally {
      await big.close();
    }
  });

  it("answers {} when nothing matches", async () => {
    const res = await s.api.call("searchExperiments", { view_type: "DELETED_ONLY", max_results: 1, page_token: btoa('{"offset": 5}') });
    expectOk(res);
    expect(res.text).toBe("{}");
  });
});
