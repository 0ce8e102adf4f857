import { execFile } from "node:child_process";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { Worker } from "node:worker_threads";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RestClient } from "../../client/rest-client.js";
import { SystemTags } from "../../core/index.js";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { uniqueName } from "../../test-support/generators.js";
import { toRun, type Run } from "../entities/sdk-entities.js";
import { DIST_SDK, ensureNodeBuild } from "../testing/ensure-node-build.js";
import { setExperiment, setTrackingUri } from "../index.js";
import { session } from "./fluent-session.js";

const run = promisify(execFile);

/**
 * Child processes and worker threads run the compiled SDK (the package's main entry) and get
 * the tracking URI and experiment only through the environment, as MLflow's do.
 */
const WORKER_SCRIPT = `
const sdk = await import(process.env.TRACKLET_SDK_URL);
const threads = await import("node:worker_threads");
const index = threads.isMainThread ? Number(process.argv[2]) : threads.workerData;
const log = async () => {
  await sdk.logParam("worker", index);
  for (let step = 0; step < 50; step++) await sdk.logMetric("value", index * 1000 + step, { step });
};
if (index === 3) {
  // No withRun and no endRun: the implicit run must still be flushed and ended FINISHED at exit.
  await log();
  await sdk.setTag("mlflow.runName", "worker-" + index);
} else {
  await sdk.withRun({ runName: "worker-" + index }, log);
}
`;

describe.each(["http", "local"] as const)("runs from other processes and threads over a %s tracking URI", (mode) => {
  let t: TestApp;
  let api: RestClient;
  let trackingUri: string;
  let dir: string;
  let script: string;

  const runsOf = async (experimentId: string): Promise<Run[]> => ((await api.call("searchRuns", { experiment_ids: [experimentId] })).runs ?? []).map(toRun);

  async function expectWorkerRuns(experimentId: string, count: number): Promise<void> {
    const runs = await runsOf(experimentId);
    expect(runs.map((r) => r.info.run_name).sort()).toEqual(Array.from({ length: count }, (_, i) => `worker-${i}`));
    for (const r of runs) {
      const index = Number(r.data.params.worker);
      expect(r.info.run_name).toBe(`worker-${index}`);
      expect(r.info.status).toBe("FINISHED");
      expect(r.data.tags[SystemTags.SOURCE_TYPE]).toBe("LOCAL");
      const history = (await api.call("getMetricHistory", { run_id: r.info.run_id, metric_key: "value" })).metrics ?? [];
      expect(history.map((m) => m.value)).toEqual(Array.from({ length: 50 }, (_, step) => index * 1000 + step));
    }
  }

  beforeAll(async () => {
    await ensureNodeBuild();
    t = await createTestApp();
    const { baseUrl } = await t.listen();
    api = new RestClient({ baseUrl });
    trackingUri = mode === "http" ? baseUrl : t.dbFile;
    dir = await mkdtemp(join(tmpdir(), "tracklet-workers-"));
    script = join(dir, "worker.mjs");
    await writeFile(script, WORKER_SCRIPT);
  });

  afterAll(async () => {
    await session.backend(trackingUri).client.close();
    await t.close();
    await rm(dir, { recursive: true, force: true });
  });

  it("4 child processes with MLFLOW_TRACKING_URI and MLFLOW_EXPERIMENT_NAME each log their own run", async () => {
    const name = uniqueName("processes");
    const env: NodeJS.ProcessEnv = { ...process.env, MLFLOW_TRACKING_URI: trackingUri, MLFLOW_EXPERIMENT_NAME: name, TRACKLET_SDK_URL: pathToFileURL(DIST_SDK).href };
    delete env.MLFLOW_EXPERIMENT_ID;
    // All four race to create the experiment: exactly one may, the others must find it.
    await Promise.all([0, 1, 2, 3].map((i) => run(process.execPath, [script, String(i)], { env, timeout: 30_000 })));
    const experiment = (await api.call("getExperimentByName", { experiment_name: name })).experiment;
    await expectWorkerRuns(experiment.experiment_id, 4);
  });

  it("child processes inherit the experiment chosen with setExperiment in the parent", async () => {
    setTrackingUri(trackingUri);
    const experiment = await setExperiment(uniqueName("inherited"));
    await Promise.all([0, 1].map((i) => run(process.execPath, [script, String(i)], { env: { ...process.env, TRACKLET_SDK_URL: pathToFileURL(DIST_SDK).href }, timeout: 30_000 })));
    await expectWorkerRuns(experiment.experiment_id, 2);
  });

  it("4 worker threads log to their own runs concurrently", async () => {
    setTrackingUri(trackingUri);
    const experiment = await setExperiment(uniqueName("threads"));
    process.env.TRACKLET_SDK_URL = pathToFileURL(DIST_SDK).href;
    await Promise.all(
      [0, 1, 2, 4].map(
        (i) =>
          new Promise<void>((resolve, reject) => {
            const worker = new Worker(script, { workerData: i });
            worker.on("error", reject);
            worker.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`worker ${i} exited with ${code}`))));
          }),
      ),
    );
    const runs = await runsOf(experiment.experiment_id);
    expect(runs.map((r) => r.data.params.worker).sort()).toEqual(["0", "1", "2", "4"]);
    for (const r of runs) expect(r.info.status).toBe("FINISHED");
  });
});
