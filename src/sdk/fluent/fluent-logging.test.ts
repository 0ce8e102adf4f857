import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RestClient } from "../../client/rest-client.js";
import { MlflowError } from "../../core/index.js";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { uniqueName } from "../../test-support/generators.js";
import { toRun, type Run } from "../entities/sdk-entities.js";
import {
  activeRun,
  createExperiment,
  deleteExperiment,
  deleteTag,
  endRun,
  getArtifactUri,
  getExperimentByName,
  getTrackingUri,
  logArtifact,
  logArtifacts,
  logDict,
  logInput,
  logMetric,
  logMetrics,
  logParams,
  logText,
  searchExperiments,
  searchRuns,
  setExperiment,
  setTag,
  setTags,
  setTrackingUri,
  startRun,
  withRun,
} from "../index.js";
import { session } from "./fluent-session.js";

describe("fluent logging, experiments and search over a local directory", () => {
  let dir: string;
  let trackingDir: string;
  let source: string;

  const client = (): ReturnType<typeof session.client> => session.client();
  const getRun = (id: string): Promise<Run> => client().getRun(id);

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tracklet-fluent-"));
    trackingDir = join(dir, "mlruns");
    source = join(dir, "source");
    await mkdir(join(source, "plots"), { recursive: true });
    await writeFile(join(source, "model.bin"), "weights");
    await writeFile(join(source, "plots/loss.svg"), "<svg/>");
    setTrackingUri(trackingDir);
  });

  afterEach(async () => {
    while (activeRun()) await endRun();
  });

  afterAll(async () => {
    await client().close();
    await rm(dir, { recursive: true, force: true });
  });

  it("keeps the tracking URI in MLFLOW_TRACKING_URI, absolute, for child processes", () => {
    expect(getTrackingUri()).toBe(trackingDir);
    expect(process.env.MLFLOW_TRACKING_URI).toBe(trackingDir);
  });

  it("logs params, metrics, tags and a dataset input, and deletes a tag", async () => {
    await setExperiment(uniqueName("logging"));
    const runId = await withRun(async (run) => {
      await logParams({ lr: 0.01, layers: [64, 32], name: "mlp" });
      await logMetrics({ acc: 0.9, loss: 0.1 }, { step: 3 });
      await setTags({ team: "ml", temp: "x" });
      await setTag("phase", "train");
      await deleteTag("temp");
      await logInput(
        { name: "iris", source: { uri: "/data/iris.csv" }, schema: { columns: ["a"] }, profile: { rows: 150 } },
        { context: "training", tags: { split: "train" } },
      );
      return run.runId;
    });
    const run = await getRun(runId);
    expect(run.data.params).toEqual({ lr: "0.01", layers: "[64,32]", name: "mlp" });
    expect(run.data.metrics).toEqual({ acc: 0.9, loss: 0.1 });
    expect(run.data.tags).toMatchObject({ team: "ml", phase: "train" });
    expect(run.data.tags.temp).toBeUndefined();
    const [input] = run.inputs.dataset_inputs;
    expect(input?.dataset).toMatchObject({ name: "iris", source_type: "code", source: '{"uri":"/data/iris.csv"}', schema: '{"columns":["a"]}', profile: '{"rows":150}' });
    expect(input?.dataset.digest).toMatch(/^[0-9a-f]{8}$/);
    expect(input?.tags).toEqual(expect.arrayContaining([{ key: "split", value: "train" }, { key: "mlflow.data.context", value: "training" }]));
  });

  it("refuses a bad metric at the call, before it can spoil a batch", async () => {
    await setExperiment(uniqueName("logging"));
    await startRun();
    await expect(logMetric("../escape", 1)).rejects.toMatchObject({ errorCode: "INVALID_PARAMETER_VALUE" });
    await expect(logMetric("ok", 1, { timestamp: -5 })).rejects.toThrow(/Timestamp must be a nonnegative/);
    await expect(logMetric("ok", 1, { step: 0.5 })).rejects.toThrow(/Step must be a valid long/);
    await expect(logMetric("ok", "1" as unknown as number)).rejects.toThrow(/value as a number/);
  });

  it("copies artifacts under the run's artifact URI, next to the local database", async () => {
    await setExperiment(uniqueName("artifacts"));
    const run = await startRun();
    const root = await getArtifactUri();
    expect(root).toBe(run.info.artifact_uri);
    expect(root.startsWith(join(trackingDir, "artifacts"))).toBe(true);
    expect(await getArtifactUri("plots/loss.svg")).toBe(`${root}/plots/loss.svg`);
    await logArtifact(join(source, "model.bin"));
    await logArtifact(join(source, "model.bin"), "checkpoints/best");
    await logArtifacts(source, "everything");
    await logText("hello", "notes/readme.txt");
    await logDict({ a: 1 }, "config.json");
    await endRun();
    expect(await readFile(join(root, "model.bin"), "utf8")).toBe("weights");
    expect(await readFile(join(root, "checkpoints/best/model.bin"), "utf8")).toBe("weights");
    expect(await readFile(join(root, "everything/plots/loss.svg"), "utf8")).toBe("<svg/>");
    expect(await readFile(join(root, "notes/readme.txt"), "utf8")).toBe("hello");
    expect(JSON.parse(await readFile(join(root, "config.json"), "utf8"))).toEqual({ a: 1 });
  });

  it("searchRuns returns flat records with every column, or Run entities", async () => {
    const name = uniqueName("search");
    await setExperiment(name);
    const a = await withRun({ runName: "a" }, async (r) => (await logParams({ p: 1 }), await logMetric("m", 2), r.runId));
    const b = await withRun({ runName: "b" }, async (r) => (await setTag("only_b", "yes"), r.runId));
    const records = await searchRuns({ experimentNames: [name, uniqueName("missing")] });
    expect(records).toHaveLength(2);
    const byId = new Map(records.map((r) => [r.run_id, r]));
    expect(byId.get(a)).toMatchObject({ status: "FINISHED", "params.p": "1", "metrics.m": 2, "tags.only_b": null, "tags.mlflow.runName": "a" });
    expect(byId.get(b)).toMatchObject({ "params.p": null, "metrics.m": null, "tags.only_b": "yes" });
    expect(Object.keys(byId.get(a) ?? {}).sort()).toEqual(Object.keys(byId.get(b) ?? {}).sort());
    for (const column of ["run_id", "experiment_id", "status", "artifact_uri", "start_time", "end_time"]) expect(byId.get(a)).toHaveProperty(column);
    // Without ids or names: the active experiment.
    const list = await searchRuns({ outputFormat: "list" });
    expect(list.map((r) => r.info.run_id).sort()).toEqual([a, b].sort());
    expect(list[0]?.data.params).toBeTypeOf("object");
    expect(await searchRuns({ experimentNames: [uniqueName("missing")] })).toEqual([]);
  });

  it("creates, finds, searches and refuses to activate deleted experiments", async () => {
    const name = uniqueName("experiments");
    const id = await createExperiment(name, { tags: { owner: "me" } });
    expect((await getExperimentByName(name))?.tags).toEqual({ owner: "me" });
    expect((await setExperiment({ experimentId: id })).name).toBe(name);
    expect(process.env.MLFLOW_EXPERIMENT_ID).toBe(id);
    expect((await searchExperiments({ filterString: `name = '${name}'` })).map((e) => e.experiment_id)).toEqual([id]);
    await deleteExperiment(id);
    await expect(setExperiment(name)).rejects.toThrow(/Cannot set a deleted experiment/);
    await expect(setExperiment({ experimentId: "987654" })).rejects.toThrow(/does not exist/);
    await expect(setExperiment({})).rejects.toBeInstanceOf(MlflowError);
  });
});

describe("fluent artifacts through a tracking server with mlflow-artifacts: roots", () => {
  let t: TestApp;
  let server: ReturnType<typeof createServer>;
  let trackingUri: string;
  const uploads = new Map<string, string>();
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tracklet-proxied-"));
    t = await createTestApp();
    const { baseUrl } = await t.listen();
    // Tracklet has no artifact endpoints yet: this front answers MLflow's upload API itself
    // and passes every other request on to the real server.
    server = createServer((req: IncomingMessage, res: ServerResponse) => {
      const chunks: Buffer[] = [];
      req.on("data", (c: Buffer) => chunks.push(c));
      req.on("end", () => {
        const body = Buffer.concat(chunks);
        if (req.method === "PUT" && req.url?.startsWith("/api/2.0/mlflow-artifacts/artifacts/")) {
          uploads.set(decodeURIComponent(req.url), body.toString("utf8"));
          return void res.writeHead(200, { "content-type": "application/json" }).end("{}");
        }
        void fetch(`${baseUrl}${req.url ?? "/"}`, { method: req.method ?? "GET", headers: { "content-type": "application/json" }, ...(body.length ? { body } : {}) })
          .then(async (answer) => res.writeHead(answer.status, { "content-type": "application/json" }).end(await answer.text()))
          .catch(() => res.writeHead(502).end());
      });
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    trackingUri = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    setTrackingUri(trackingUri);
  });

  afterAll(async () => {
    server.close();
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("uploads with PUT /api/2.0/mlflow-artifacts/artifacts/<experiment>/<run>/artifacts/<path>", async () => {
    const experiment = await setExperiment(uniqueName("proxied"));
    const file = join(dir, "summary.txt");
    await writeFile(file, "done");
    const runId = await withRun(async (run) => {
      expect(await getArtifactUri()).toBe(`mlflow-artifacts:/${experiment.experiment_id}/${run.runId}/artifacts`);
      await logArtifact(file, "reports");
      return run.runId;
    });
    expect(Object.fromEntries(uploads)).toEqual({ [`/api/2.0/mlflow-artifacts/artifacts/${experiment.experiment_id}/${runId}/artifacts/reports/summary.txt`]: "done" });
    const stored = toRun((await new RestClient({ baseUrl: trackingUri }).call("getRun", { run_id: runId })).run);
    expect(stored.info.status).toBe("FINISHED");
  });
});
