import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RestClient } from "../../client/rest-client.js";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { uniqueName } from "../../test-support/generators.js";
import { unusedPort } from "../../sdk/testing/unused-port.js";
import { buildUiProxyApp, parseBackendUri } from "./build-ui-proxy-app.js";

async function listen(app: FastifyInstance): Promise<string> {
  await app.listen({ port: 0, host: "127.0.0.1" });
  const address = app.server.address();
  if (address === null || typeof address === "string") throw new Error("no TCP address");
  return `http://127.0.0.1:${address.port}`;
}

describe("tracklet ui proxy in front of a live Tracklet server", () => {
  let t: TestApp;
  let backendUrl: string;
  let ui: FastifyInstance;
  let uiUrl: string;
  let webRoot: string;

  beforeAll(async () => {
    t = await createTestApp();
    backendUrl = (await t.listen()).baseUrl;
    webRoot = await mkdtemp(join(tmpdir(), "tracklet-webroot-"));
    await mkdir(join(webRoot, "assets"));
    await writeFile(join(webRoot, "index.html"), "<!doctype html><title>Tracklet</title>");
    await writeFile(join(webRoot, "assets/app.js"), "console.log('ui')");
    ui = await buildUiProxyApp({ backendUri: backendUrl, webRoot });
    uiUrl = await listen(ui);
  });

  afterAll(async () => {
    await ui.close();
    await t.close();
    await rm(webRoot, { recursive: true, force: true });
  });

  it("forwards POST bodies and GET queries under /api and /ajax-api, with the backend's status and body", async () => {
    const viaProxy = new RestClient({ baseUrl: uiUrl });
    const name = uniqueName("proxied");
    const { experiment_id } = await viaProxy.call("createExperiment", { name });
    const direct = new RestClient({ baseUrl: backendUrl });
    expect((await direct.call("getExperiment", { experiment_id })).experiment.name).toBe(name);
    expect((await viaProxy.call("getExperimentByName", { experiment_name: name })).experiment.experiment_id).toBe(experiment_id);
    const ajax = new RestClient({ baseUrl: uiUrl, prefix: "/ajax-api/2.0" });
    const run = (await ajax.call("createRun", { experiment_id })).run.info.run_id;
    await ajax.call("logBatch", { run_id: run, metrics: [0, 1, 2].map((step) => ({ key: "m", value: step, timestamp: 1, step })) });
    // Repeated query keys reach the server intact.
    const bulk = await ajax.call("getMetricHistoryBulk", { run_id: [run, run], metric_key: "m" });
    expect(bulk.metrics?.map((m) => m.step)).toEqual([0, 1, 2]);
  });

  it("passes error statuses and MLflow's envelope through unchanged", async () => {
    const res = await fetch(`${uiUrl}/api/2.0/mlflow/experiments/get?experiment_id=999999`);
    const direct = await fetch(`${backendUrl}/api/2.0/mlflow/experiments/get?experiment_id=999999`);
    expect(res.status).toBe(404);
    expect(res.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await res.text()).toBe(await direct.text());
    const bad = await fetch(`${uiUrl}/api/2.0/mlflow/experiments/create`, { method: "POST", headers: { "content-type": "text/plain" }, body: "x" });
    expect(bad.status).toBe(400);
    expect(((await bad.json()) as { error_code: string }).error_code).toBe("INVALID_PARAMETER_VALUE");
    const method = await fetch(`${uiUrl}/api/2.0/mlflow/runs/search`, { method: "PUT", headers: { "content-type": "application/json" }, body: "{}" });
    expect(method.status).toBe(405);
  });

  it("streams a large body through", async () => {
    const run = (await new RestClient({ baseUrl: uiUrl }).call("createRun", { experiment_id: "0" })).run.info.run_id;
    const metrics = Array.from({ length: 999 }, (_, i) => ({ key: `metric_with_a_long_name_${i % 7}`, value: i / 3, timestamp: 1_700_000_000_000 + i, step: i }));
    const body = JSON.stringify({ run_id: run, metrics, tags: [{ key: "padding", value: "x".repeat(7000) }] });
    const res = await fetch(`${uiUrl}/api/2.0/mlflow/runs/log-batch`, { method: "POST", headers: { "content-type": "application/json" }, body });
    expect(res.status).toBe(200);
    const stored = (await new RestClient({ baseUrl: backendUrl }).call("getRun", { run_id: run })).run;
    expect(stored.data.metrics).toHaveLength(7);
  });

  it("forwards GET /get-artifact with its query string intact, streaming the file with the backend's status and headers", async () => {
    const run = (await new RestClient({ baseUrl: backendUrl }).call("createRun", { experiment_id: "0" })).run.info;
    const root = run.artifact_uri.replace(/^mlflow-artifacts:\/+/, "");
    const upload = async (path: string, body: Uint8Array<ArrayBuffer> | string) => {
      const url = `${backendUrl}/api/2.0/mlflow-artifacts/artifacts/${root}/${path.split("/").map(encodeURIComponent).join("/")}`;
      expect((await fetch(url, { method: "PUT", headers: { "content-type": "application/octet-stream" }, body })).status).toBe(200);
    };
    // Bigger than any socket buffer, and a name whose `?`, `&`, `+`, spaces and non-ASCII must reach the backend as sent.
    const name = "eval results/größe ?a=1&b+c.bin";
    const bytes = Uint8Array.from({ length: 3 * 1024 * 1024 + 17 }, (_, i) => (i * 31) % 251);
    await upload(name, bytes);
    await upload("page.html", "<script>alert(1)</script>");

    const query = `path=${encodeURIComponent(name)}&run_uuid=${run.run_id}`;
    const [viaProxy, direct] = await Promise.all([fetch(`${uiUrl}/get-artifact?${query}`), fetch(`${backendUrl}/get-artifact?${query}`)]);
    expect(viaProxy.status).toBe(200);
    for (const header of ["content-type", "content-length", "content-disposition", "x-content-type-options"]) {
      expect(viaProxy.headers.get(header), header).toBe(direct.headers.get(header));
    }
    expect(Buffer.from(await viaProxy.arrayBuffer()).equals(Buffer.from(bytes))).toBe(true);
    await direct.body?.cancel();

    const html = await fetch(`${uiUrl}/get-artifact?path=page.html&run_uuid=${run.run_id}`);
    expect(html.headers.get("content-type")).toMatch(/^text\/plain/);
    expect(html.headers.get("x-content-type-options")).toBe("nosniff");
    expect(await html.text()).toBe("<script>alert(1)</script>");

    // A log viewer's tail read: the Range goes through and the 206 comes back as the backend sent it.
    const tail = await fetch(`${uiUrl}/get-artifact?${query}`, { headers: { range: "bytes=-17" } });
    expect(tail.status).toBe(206);
    expect(tail.headers.get("content-range")).toBe(`bytes ${bytes.length - 17}-${bytes.length - 1}/${bytes.length}`);
    expect(Buffer.from(await tail.arrayBuffer()).equals(Buffer.from(bytes.subarray(-17)))).toBe(true);
    const unchanged = await fetch(`${uiUrl}/get-artifact?${query}`, { headers: { "if-none-match": viaProxy.headers.get("etag") ?? "" } });
    expect(unchanged.status).toBe(304);

    // The backend's errors, not the UI's index.html from the single-page fallback.
    const missing = await fetch(`${uiUrl}/get-artifact?path=gone.txt&run_uuid=${run.run_id}`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error_code: string }).error_code).toBe("RESOURCE_DOES_NOT_EXIST");
    const noRun = await fetch(`${uiUrl}/get-artifact?path=a.txt`);
    expect(noRun.status).toBe(400);
    expect(((await noRun.json()) as { error_code: string }).error_code).toBe("INVALID_PARAMETER_VALUE");
  });

  it("serves the web UI, with the single-page fallback for deep links", async () => {
    const index = await fetch(`${uiUrl}/`);
    expect(index.status).toBe(200);
    expect(await index.text()).toContain("<title>Tracklet</title>");
    expect(await (await fetch(`${uiUrl}/assets/app.js`)).text()).toBe("console.log('ui')");
    const deep = await fetch(`${uiUrl}/experiments/1/runs?x=1`);
    expect(deep.status).toBe(200);
    expect(await deep.text()).toContain("<title>Tracklet</title>");
  });

  it("answers 502 with MLflow's envelope when the backend is down", async () => {
    const port = await unusedPort();
    const orphan = await buildUiProxyApp({ backendUri: `http://127.0.0.1:${port}`, webRoot });
    const url = await listen(orphan);
    try {
      const res = await fetch(`${url}/api/2.0/mlflow/experiments/search?max_results=1`);
      expect(res.status).toBe(502);
      const body = (await res.json()) as { error_code: string; message: string };
      expect(body.error_code).toBe("TEMPORARILY_UNAVAILABLE");
      expect(body.message).toBe(`The tracking server at http://127.0.0.1:${port} could not be reached (ECONNREFUSED).`);
    } finally {
      await orphan.close();
    }
  });

  it("keeps a path prefix of the backend URI and refuses non-http backends", () => {
    expect(parseBackendUri("http://host:5000/mlflow/").pathname).toBe("/mlflow/");
    expect(() => parseBackendUri("ftp://host")).toThrow(/http:\/\/ or https:\/\//);
    expect(() => parseBackendUri("not a url")).toThrow(/Invalid --backend-uri/);
  });
});
