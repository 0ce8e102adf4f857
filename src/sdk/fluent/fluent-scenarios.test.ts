import { execFileSync } from "node:child_process";
import { dirname } from "node:path";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { RestClient } from "../../client/rest-client.js";
import { SystemTags, type Metric } from "../../core/index.js";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { uniqueName } from "../../test-support/generators.js";
import { toRun, type Run } from "../entities/sdk-entities.js";
import {
  activeRun,
  endRun,
  getParentRun,
  lastActiveRun,
  logMetric,
  logParam,
  searchRuns,
  setExperiment,
  setTrackingUri,
  startRun,
  withRun,
  type ActiveRun,
} from "../index.js";
import { session } from "./fluent-session.js";

/**
 * MLflow's tracking examples in TypeScript, run against a live Tracklet server ("http") and
 * against a local database written in-process ("local"). Either way, results are read back
 * through the REST API of a server over the same database.
 */
const DOUBLE_MAX = 1.7976931348623157e308;
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(["http", "local"] as const)("fluent tracking API over a %s tracking URI", (mode) => {
  let t: TestApp;
  let api: RestClient;
  let trackingUri: string;
  let experimentId: string;

  const getRun = async (runId: string): Promise<Run> => toRun((await api.call("getRun", { run_id: runId })).run);
  const runsOf = async (id = experimentId): Promise<Run[]> => ((await api.call("searchRuns", { experiment_ids: [id] })).runs ?? []).map(toRun);
  const history = async (runId: string, key: string): Promise<Metric[]> => (await api.call("getMetricHistory", { run_id: runId, metric_key: key })).metrics ?? [];

  beforeAll(async () => {
    t = await createTestApp();
    const { baseUrl } = await t.listen();
    api = new RestClient({ baseUrl });
    trackingUri = mode === "http" ? baseUrl : t.dbFile;
    setTrackingUri(trackingUri);
  });

  afterAll(async () => {
    await session.backend(trackingUri).client.close();
    await t.close();
  });

  beforeEach(async () => {
    experimentId = (await setExperiment(uniqueName("fluent"))).experiment_id;
  });

  afterEach(async () => {
    // A failed test must not leave its run active for the next one.
    while (activeRun()) await endRun("KILLED");
  });

  it("sequential runs: each logs its params and metrics and ends FINISHED", async () => {
    const ids: string[] = [];
    for (const alpha of [0.1, 0.5, 1]) {
      await using run = await startRun({ runName: `alpha-${alpha}` });
      ids.push(run.runId);
      await logParam("alpha", alpha);
      for (let epoch = 0; epoch < 5; epoch++) await logMetric("rmse", alpha / (epoch + 1), { step: epoch });
    }
    expect(activeRun()).toBeUndefined();
    const runs = await runsOf();
    expect(runs.map((r) => r.info.run_id).sort()).toEqual([...ids].sort());
    for (const [i, alpha] of [0.1, 0.5, 1].entries()) {
      const run = await getRun(ids[i] as string);
      expect(run.info).toMatchObject({ run_name: `alpha-${alpha}`, status: "FINISHED", experiment_id: experimentId });
      expect(run.info.end_time).toBeGreaterThanOrEqual(run.info.start_time);
      expect(run.data.params).toEqual({ alpha: String(alpha) });
      expect(run.data.metrics).toEqual({ rmse: alpha / 5 });
      expect((await history(run.info.run_id, "rmse")).map((m) => m.step)).toEqual([0, 1, 2, 3, 4]);
    }
  });

  it("a parameter sweep as nested child runs: every child names its parent", async () => {
    const rates = [0.001, 0.01, 0.1, 1];
    const { parentId, childIds } = await withRun({ runName: "sweep" }, async (parent) => {
      const children: string[] = [];
      for (const lr of rates) {
        await withRun({ nested: true, runName: `lr-${lr}` }, async (child) => {
          children.push(child.runId);
          await logParam("lr", lr);
          await logMetric("loss", 1 - lr);
        });
        expect(activeRun()?.runId).toBe(parent.runId);
      }
      await logMetric("best_loss", 0);
      return { parentId: parent.runId, childIds: children };
    });
    for (const [i, childId] of childIds.entries()) {
      const child = await getRun(childId);
      expect(child.data.tags[SystemTags.PARENT_RUN_ID]).toBe(parentId);
      expect(child.data.params).toEqual({ lr: String(rates[i]) });
      expect(child.info.status).toBe("FINISHED");
      expect((await getParentRun(childId))?.info.run_id).toBe(parentId);
    }
    const parent = await getRun(parentId);
    expect(parent.data.tags[SystemTags.PARENT_RUN_ID]).toBeUndefined();
    expect(parent.data.metrics).toEqual({ best_loss: 0 });
  });

  it("searchRuns finds a sweep's children by tags.mlflow.parentRunId (needs server-side filters)", async () => {
    const parentId = await withRun({ runName: "sweep" }, async (parent) => {
      for (const lr of [0.01, 0.1, 1]) await withRun({ nested: true }, async () => void (await logParam("lr", lr)));
      return parent.runId;
    });
    const records = await searchRuns({ filterString: `tags.mlflow.parentRunId = '${parentId}'` });
    expect(records.map((r) => r["params.lr"]).sort()).toEqual(["0.01", "0.1", "1"]);
    for (const record of records) expect(record["tags.mlflow.parentRunId"]).toBe(parentId);
  });

  it("concurrent async tasks with nested runs log to their own run, without cross-talk", async () => {
    const TASKS = 8;
    const STEPS = 5;
    const parentId = await withRun({ runName: "concurrent-parent" }, async (parent) => {
      // Half the tasks use withRun, half `await using`: both must isolate concurrent siblings.
      const results = await Promise.all(
        Array.from({ length: TASKS }, async (_, task) => {
          const body = async (run: ActiveRun): Promise<string> => {
            await logParam("task", task);
            for (let step = 0; step < STEPS; step++) {
              await sleep(Math.random() * 4);
              await logMetric("task_id", task, { step });
              expect(activeRun()?.runId).toBe(run.runId);
            }
            return run.runId;
          };
          if (task % 2 === 0) return withRun({ nested: true, runName: `task-${task}` }, body);
          await using run = await startRun({ nested: true, runName: `task-${task}` });
          // `return await`: the run must stay open until the body is done.
          return await body(run);
        }),
      );
      expect(activeRun()?.runId).toBe(parent.runId);
      await logMetric("children", results.length);
      return parent.runId;
    });
    const children = (await runsOf()).filter((r) => r.data.tags[SystemTags.PARENT_RUN_ID] === parentId);
    expect(children).toHaveLength(TASKS);
    for (const child of children) {
      const task = Number(child.data.params.task);
      expect(child.info.run_name).toBe(`task-${task}`);
      expect(child.info.status).toBe("FINISHED");
      const points = await history(child.info.run_id, "task_id");
      expect(points.map((p) => p.value)).toEqual(Array<number>(STEPS).fill(task));
      expect(points.map((p) => p.step)).toEqual([0, 1, 2, 3, 4]);
    }
    expect((await getRun(parentId)).data).toMatchObject({ params: {}, metrics: { children: TASKS } });
  });

  it("steps and timestamps out of order, negative and with gaps are read back exactly", async () => {
    const base = 1_700_000_000_000;
    const logged = [
      { step: 5, timestamp: base + 50, value: 0.5 },
      { step: -3, timestamp: base + 10, value: -1.25 },
      { step: 0, timestamp: base, value: NaN },
      { step: 2 ** 40, timestamp: base + 5, value: 42 },
      { step: 2, timestamp: base + 7, value: Infinity },
      { step: -1000, timestamp: base + 99, value: -Infinity },
      { step: 2, timestamp: base + 3, value: 7 },
      { step: 3, timestamp: 0, value: 1e-300 },
    ];
    const runId = await withRun(async (run) => {
      for (const p of logged) await logMetric("m", p.value, { step: p.step, timestamp: p.timestamp });
      return run.runId;
    });
    const order = (a: { step: number; timestamp: number }, b: { step: number; timestamp: number }): number => a.step - b.step || a.timestamp - b.timestamp;
    // ±Infinity comes back as ±DBL_MAX, as MLflow stores it.
    const expected = logged.map((p) => ({ key: "m", ...p, value: p.value === Infinity ? DOUBLE_MAX : p.value === -Infinity ? -DOUBLE_MAX : p.value })).sort(order);
    expect((await history(runId, "m")).sort(order)).toEqual(expected);
    expect((await getRun(runId)).data.metrics).toEqual({ m: 42 });
  });

  it("lastActiveRun returns the run that just ended", async () => {
    let endedId: string;
    {
      await using run = await startRun({ runName: "to-be-last" });
      endedId = run.runId;
      expect((await lastActiveRun())?.info.run_id).toBe(endedId);
    }
    const last = await lastActiveRun();
    expect(last?.info).toMatchObject({ run_id: endedId, status: "FINISHED", run_name: "to-be-last" });
  });

  it("an error thrown inside withRun ends the run FAILED and reaches the caller; queued metrics are kept", async () => {
    let runId = "";
    await expect(
      withRun(async (run) => {
        runId = run.runId;
        await logMetric("progress", 0.5);
        throw new Error("training diverged");
      }),
    ).rejects.toThrow("training diverged");
    const run = await getRun(runId);
    expect(run.info.status).toBe("FAILED");
    expect(run.data.metrics).toEqual({ progress: 0.5 });
    expect(activeRun()).toBeUndefined();
  });

  it("logging with no active run starts one implicitly, as MLflow does", async () => {
    expect(activeRun()).toBeUndefined();
    await logParam("implicit", true);
    await logMetric("x", 1);
    const run = activeRun();
    expect(run).toBeDefined();
    await endRun();
    expect((await getRun(run?.runId as string)).data).toMatchObject({ params: { implicit: "true" }, metrics: { x: 1 } });
    expect((await getRun(run?.runId as string)).info.status).toBe("FINISHED");
  });

  it("starting a second run without nested is refused; endRun pops back to the parent", async () => {
    const outer = await startRun();
    await expect(startRun()).rejects.toThrow(/already active/);
    const inner = await startRun({ nested: true });
    expect(activeRun()?.runId).toBe(inner.runId);
    await endRun("KILLED");
    expect(activeRun()?.runId).toBe(outer.runId);
    await endRun();
    expect(activeRun()).toBeUndefined();
    expect((await getRun(inner.runId)).info.status).toBe("KILLED");
    expect((await getRun(outer.runId)).info.status).toBe("FINISHED");
  });

  it("sets MLflow's system tags on run start", async () => {
    const run = await withRun({ runName: "tagged", description: "**why** this run exists", tags: { team: "vision", epochs: 3 } }, (r) => r);
    const child = await withRun(async (parent) => withRun({ nested: true }, (c) => ({ c, parent })));
    const tags = (await getRun(run.runId)).data.tags;
    const entry = process.argv[1] as string;
    expect(tags).toMatchObject({
      [SystemTags.RUN_NAME]: "tagged",
      [SystemTags.SOURCE_TYPE]: "LOCAL",
      [SystemTags.NOTE]: "**why** this run exists",
      team: "vision",
      epochs: "3",
    });
    expect(tags[SystemTags.USER]).toBeTruthy();
    expect(tags[SystemTags.SOURCE_NAME]).toMatch(/\S/);
    const commit = execFileSync("git", ["rev-parse", "HEAD"], { cwd: dirname(entry), encoding: "utf8" }).trim();
    expect(tags[SystemTags.GIT_COMMIT]).toBe(commit);
    expect((await getRun(child.c.runId)).data.tags[SystemTags.PARENT_RUN_ID]).toBe(child.parent.runId);
    expect((await getRun(child.c.runId)).info.run_name).toMatch(/^[a-z]+-[a-z]+-\d{1,4}$/);
  });

  it("resumes a run by id and records a parent given by parentRunId", async () => {
    const first = await withRun(async (r) => (await logParam("a", 1), r.runId));
    await withRun({ runId: first }, async (run) => {
      expect(run.runId).toBe(first);
      await logParam("b", 2);
    });
    expect((await getRun(first)).data.params).toEqual({ a: "1", b: "2" });
    const orphan = await withRun({ parentRunId: first }, (r) => r.runId);
    expect((await getRun(orphan)).data.tags[SystemTags.PARENT_RUN_ID]).toBe(first);
  });
});
