import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { RestClient } from "../../client/rest-client.js";
import { MlflowError, type Metric } from "../../core/index.js";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { uniqueName } from "../../test-support/generators.js";
import { startTestProxy, type ProxyAction, type TestProxy } from "../testing/start-test-proxy.js";
import { endRun, flushAsyncLogging, logMetric, logParam, setExperiment, setTrackingUri, startRun, withRun } from "../index.js";
import { session } from "./fluent-session.js";

/**
 * Batching of logMetric against a live server behind a counting, fault-injecting proxy: a new
 * proxy (so a new tracking URI, with its own client and queue) per scenario.
 */
describe("logMetric batching", () => {
  let t: TestApp;
  let api: RestClient;
  let serverUrl: string;
  const proxies: TestProxy[] = [];

  async function trackThrough(decide?: (path: string, nth: number) => ProxyAction): Promise<TestProxy> {
    const proxy = await startTestProxy(serverUrl, decide);
    proxies.push(proxy);
    setTrackingUri(proxy.url);
    await setExperiment(uniqueName("batching"));
    return proxy;
  }

  const history = async (runId: string, key: string): Promise<Metric[]> => (await api.call("getMetricHistory", { run_id: runId, metric_key: key })).metrics ?? [];

  beforeAll(async () => {
    // Retries back off for milliseconds, not the default half second.
    process.env.MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR = "0.01";
    t = await createTestApp();
    serverUrl = (await t.listen()).baseUrl;
    api = new RestClient({ baseUrl: serverUrl });
  });

  afterEach(async () => {
    await endRun().catch(() => undefined);
  });

  afterAll(async () => {
    delete process.env.MLFLOW_HTTP_REQUEST_BACKOFF_FACTOR;
    for (const proxy of proxies) await proxy.close();
    await t.close();
  });

  it("100,000 logMetric calls store every point with about a hundred log-batch requests", async () => {
    const proxy = await trackThrough();
    const N = 100_000;
    const runId = await withRun(async (run) => {
      for (let step = 0; step < N; step++) await logMetric("loss", 1 / (step + 1), { step, timestamp: 1_700_000_000_000 + step });
      return run.runId;
    });
    const batches = proxy.count("/runs/log-batch");
    expect(batches).toBeGreaterThanOrEqual(N / 1000);
    expect(batches).toBeLessThan(N / 500);
    expect(proxy.count("/runs/log-metric")).toBe(0);
    // Read from the store directly: a 100,000-point JSON answer would double the test's time.
    const points = (await t.store.getMetricHistory(runId, "loss")).items;
    expect(points).toHaveLength(N);
    expect(points.map((p) => p.step)).toEqual(Array.from({ length: N }, (_, i) => i));
    expect(points[N - 1]).toEqual({ key: "loss", value: 1 / N, timestamp: 1_700_000_000_000 + N - 1, step: N - 1 });
  });

  it("a batch the server refuses surfaces at the next awaited SDK call, once", async () => {
    await trackThrough();
    const run = await startRun();
    const deleted = (await api.call("createRun", { experiment_id: run.info.experiment_id })).run.info.run_id;
    await api.call("deleteRun", { run_id: deleted });
    // Queued without complaint; the server refuses the batch when it is sent.
    await logMetric("x", 1, { runId: deleted });
    await logMetric("ok", 1);
    await new Promise((resolve) => setTimeout(resolve, 300));
    const error = await logParam("next", "call").then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MlflowError);
    expect((error as MlflowError).message).toMatch(new RegExp(`run ${deleted} were not stored: .*active`));
    // The failure was reported; the next call goes through and other points were stored.
    await logParam("after", "ok");
    await run.end();
    expect((await history(run.runId, "ok")).map((p) => p.value)).toEqual([1]);
    expect(await history(deleted, "x")).toEqual([]);
  });

  it("retries 5xx answers, dropped connections and lost responses without storing a point twice", async () => {
    // 1st log-batch: 503 before the server sees it; 2nd: processed but the answer is lost;
    // 3rd: connection reset; then everything goes through.
    const faults: Record<number, ProxyAction> = { 1: "fail", 2: "forward-then-fail", 3: "reset" };
    const proxy = await trackThrough((path, nth) => (path.endsWith("/runs/log-batch") ? (faults[nth] ?? "forward") : "forward"));
    const runId = await withRun(async (run) => {
      for (let step = 0; step < 2500; step++) await logMetric("m", step, { step, timestamp: 1_700_000_000_000 });
      return run.runId;
    });
    await flushAsyncLogging();
    expect(proxy.count("/runs/log-batch")).toBeGreaterThanOrEqual(6);
    const points = await history(runId, "m");
    expect(points).toHaveLength(2500);
    expect(new Set(points.map((p) => p.step)).size).toBe(2500);
  });

  it("endRun flushes what is queued before the run is marked finished", async () => {
    await trackThrough();
    const run = await startRun();
    for (let step = 0; step < 10; step++) await logMetric("queued", step, { step });
    expect(session.backend().batcher.idle).toBe(false);
    await endRun();
    expect(session.backend().batcher.idle).toBe(true);
    expect(await history(run.runId, "queued")).toHaveLength(10);
    expect((await api.call("getRun", { run_id: run.runId })).run.info.status).toBe("FINISHED");
  });

  it("synchronous: true waits until the point is stored", async () => {
    await trackThrough();
    const run = await startRun();
    await logMetric("now", 3, { synchronous: true });
    expect((await history(run.runId, "now")).map((p) => p.value)).toEqual([3]);
  });
});
