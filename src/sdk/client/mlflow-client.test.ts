import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Limits, MlflowError, type KeyValue, type Metric } from "../../core/index.js";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { uniqueName } from "../../test-support/generators.js";
import { unusedPort } from "../testing/unused-port.js";
import { MlflowClient, splitBatch } from "./mlflow-client.js";

describe("splitBatch", () => {
  const metrics = (n: number): Metric[] => Array.from({ length: n }, (_, i) => ({ key: "m", value: i, timestamp: 0, step: i }));
  const pairs = (n: number, p: string): KeyValue[] => Array.from({ length: n }, (_, i) => ({ key: `${p}${i}`, value: "v" }));

  it("keeps every request within MLflow's batch limits and loses nothing", () => {
    const batches = splitBatch(metrics(2500), pairs(250, "p"), pairs(130, "t"));
    for (const b of batches) {
      expect(b.params.length).toBeLessThanOrEqual(Limits.BATCH_PARAMS);
      expect(b.tags.length).toBeLessThanOrEqual(Limits.BATCH_TAGS);
      expect(b.metrics.length).toBeLessThanOrEqual(Limits.BATCH_METRICS);
      expect(b.metrics.length + b.params.length + b.tags.length).toBeLessThanOrEqual(Limits.BATCH_TOTAL);
    }
    expect(batches.flatMap((b) => b.metrics).map((m) => m.step)).toEqual(metrics(2500).map((m) => m.step));
    expect(batches.flatMap((b) => b.params)).toEqual(pairs(250, "p"));
    expect(batches.flatMap((b) => b.tags)).toEqual(pairs(130, "t"));
  });

  it("sends nothing for an empty batch", () => {
    expect(splitBatch([], [], [])).toEqual([]);
  });
});

describe.each(["http", "local"] as const)("MlflowClient over a %s tracking URI", (mode) => {
  let t: TestApp;
  let client: MlflowClient;

  beforeAll(async () => {
    t = await createTestApp();
    const { baseUrl } = await t.listen();
    client = new MlflowClient(mode === "http" ? baseUrl : t.dbFile, { maxRetries: 0 });
  });

  afterAll(async () => {
    await client.close();
    await t.close();
  });

  it("manages experiments: create, get, get by name, search, rename, tag, delete, restore", async () => {
    const name = uniqueName("client");
    const id = await client.createExperiment(name, { tags: { team: "ml" } });
    expect(await client.getExperiment(id)).toMatchObject({ experiment_id: id, name, lifecycle_stage: "active", tags: { team: "ml" } });
    expect((await client.getExperimentByName(name))?.experiment_id).toBe(id);
    expect(await client.getExperimentByName(uniqueName("missing"))).toBeUndefined();
    await client.setExperimentTag(id, "stage", "dev");
    await client.renameExperiment(id, `${name}-renamed`);
    expect(await client.getExperiment(id)).toMatchObject({ name: `${name}-renamed`, tags: { team: "ml", stage: "dev" } });
    await client.deleteExperiment(id);
    expect((await client.searchExperiments({ viewType: "DELETED_ONLY" })).map((e) => e.experiment_id)).toContain(id);
    await client.restoreExperiment(id);
    expect((await client.searchExperiments()).map((e) => e.experiment_id)).toContain(id);
    await expect(client.createExperiment(`${name}-renamed`)).rejects.toMatchObject({ errorCode: "RESOURCE_ALREADY_EXISTS" });
  });

  it("logs to a run by id and reads it back with MLflow's field names and plain key → value data", async () => {
    const experimentId = await client.createExperiment(uniqueName("client"));
    const run = await client.createRun(experimentId, { runName: "explicit", tags: { "mlflow.user": "alice", owner: "me" }, startTime: 1_700_000_000_000 });
    const runId = run.info.run_id;
    expect(run.info).toMatchObject({ run_name: "explicit", status: "RUNNING", experiment_id: experimentId, user_id: "alice", start_time: 1_700_000_000_000 });
    await client.logMetric(runId, "acc", 0.5, { step: 1, timestamp: 1_700_000_000_001 });
    await client.logMetric(runId, "acc", 0.75, { step: 2, timestamp: 1_700_000_000_002 });
    expect(await client.logParam(runId, "layers", 3)).toBe("3");
    await client.setTag(runId, "phase", "train");
    await client.logBatch(runId, {
      metrics: [{ key: "loss", value: NaN, timestamp: 1_700_000_000_003, step: 0 }],
      params: { optimizer: "adam", config: { lr: 0.1 } },
      tags: [{ key: "phase", value: "eval" }],
    });
    await client.setTag(runId, "temp", "x");
    await client.deleteTag(runId, "temp");
    await client.setTerminated(runId, "KILLED", 1_700_000_001_000);
    const stored = await client.getRun(runId);
    expect(stored.info).toMatchObject({ run_id: runId, status: "KILLED", end_time: 1_700_000_001_000 });
    expect(stored.data.params).toEqual({ layers: "3", optimizer: "adam", config: '{"lr":0.1}' });
    expect(stored.data.metrics).toEqual({ acc: 0.75, loss: NaN });
    expect(stored.data.tags).toMatchObject({ owner: "me", phase: "eval", "mlflow.runName": "explicit", "mlflow.user": "alice" });
    expect(stored.data.tags.temp).toBeUndefined();
    expect(await client.getMetricHistory(runId, "acc")).toEqual([
      { key: "acc", value: 0.5, timestamp: 1_700_000_000_001, step: 1 },
      { key: "acc", value: 0.75, timestamp: 1_700_000_000_002, step: 2 },
    ]);
    await expect(client.logParam(runId, "layers", 4)).rejects.toMatchObject({ errorCode: "INVALID_PARAMETER_VALUE" });
  });

  it("logBatch splits more entities than one request may carry", async () => {
    const run = await client.createRun("0");
    const params = Object.fromEntries(Array.from({ length: 150 }, (_, i) => [`p${i}`, i]));
    const metrics = Array.from({ length: 2100 }, (_, i) => ({ key: "m", value: i, timestamp: 1_700_000_000_000 + i, step: i }));
    await client.logBatch(run.info.run_id, { params, metrics });
    expect(Object.keys((await client.getRun(run.info.run_id)).data.params)).toHaveLength(150);
    expect(await client.getMetricHistory(run.info.run_id, "m")).toHaveLength(2100);
  });

  it("searches runs page by page, deletes, restores and finds the parent of a nested run", async () => {
    const experimentId = await client.createExperiment(uniqueName("client"));
    const parent = await client.createRun(experimentId, { runName: "parent" });
    const ids = [parent.info.run_id];
    for (let i = 0; i < 4; i++) ids.push((await client.createRun(experimentId, { tags: { "mlflow.parentRunId": parent.info.run_id } })).info.run_id);
    const first = await client.searchRuns([experimentId], { maxResults: 3 });
    expect(first).toHaveLength(3);
    expect(first.token).toBeTruthy();
    const second = await client.searchRuns([experimentId], { maxResults: 3, pageToken: first.token as string });
    expect([...first, ...second].map((r) => r.info.run_id).sort()).toEqual([...ids].sort());
    expect((await client.getParentRun(ids[1] as string))?.info.run_id).toBe(parent.info.run_id);
    expect(await client.getParentRun(parent.info.run_id)).toBeUndefined();
    await client.deleteRun(ids[1] as string);
    expect((await client.searchRuns([experimentId])).map((r) => r.info.run_id)).not.toContain(ids[1]);
    expect((await client.searchRuns([experimentId], { runViewType: "DELETED_ONLY" })).map((r) => r.info.run_id)).toEqual([ids[1]]);
    await client.restoreRun(ids[1] as string);
    expect(await client.searchRuns([experimentId])).toHaveLength(5);
  });

  it("throws MlflowError with the server's code for unknown ids", async () => {
    const error = await client.getRun("0123456789abcdef0123456789abcdef").catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MlflowError);
    expect(error).toMatchObject({ errorCode: "RESOURCE_DOES_NOT_EXIST" });
  });
});

describe("MlflowClient with an unreachable server", () => {
  it("fails with TEMPORARILY_UNAVAILABLE after its retries", async () => {
    const client = new MlflowClient(`http://127.0.0.1:${await unusedPort()}`, { maxRetries: 2, retryBaseDelayMs: 1 });
    await expect(client.getExperiment("0")).rejects.toMatchObject({ errorCode: "TEMPORARILY_UNAVAILABLE", message: expect.stringMatching(/Could not reach/) as unknown });
  });

  it("refuses tracking URIs it cannot serve", async () => {
    await expect(new MlflowClient("databricks://profile").getExperiment("0")).rejects.toThrow(/Unsupported tracking URI/);
  });
});
