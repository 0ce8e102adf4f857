import { mkdir, mkdtemp, readdir, rm, symlink, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openTrackingStore } from "../../store/open-tracking-store.js";
import type { SqlTrackingStore } from "../../store/sql/sql-tracking-store.js";
import { buildApp } from "../build-app.js";
import { contentDisposition } from "./artifact-routes.js";

let dir: string;
let app: FastifyInstance;
let store: SqlTrackingStore;
let runId: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "tracklet-artifacts-"));
  ({ store } = await openTrackingStore({ backendStoreUri: join(dir, "mlflow.db"), defaultArtifactRoot: "mlflow-artifacts:/" }));
  app = await buildApp({ store, artifactsDestination: join(dir, "artifacts") });
  runId = (await store.createRun({ experiment_id: "0", start_time: 1 })).info.run_id;
});

afterEach(async () => {
  await app.close();
  await store.close();
  await rm(dir, { recursive: true, force: true });
});

const proxied = (path: string): string => `/api/2.0/mlflow-artifacts/artifacts/0/${runId}/artifacts/${path}`;

describe("proxied artifacts", () => {
  it("uploads, lists through the run, downloads and deletes", async () => {
    let r = await app.inject({ method: "PUT", url: proxied("model/MLmodel"), headers: { "content-type": "application/octet-stream" }, payload: "flavors: {}\n" });
    expect(r.statusCode).toBe(200);
    expect(r.json()).toEqual({});
    r = await app.inject({ method: "PUT", url: proxied("metrics.json"), headers: { "content-type": "text/plain" }, payload: '{"a":1}' });
    expect(r.statusCode).toBe(200);

    r = await app.inject({ method: "GET", url: `/api/2.0/mlflow/artifacts/list?run_id=${runId}` });
    expect(r.json()).toEqual({
      root_uri: `mlflow-artifacts:/0/${runId}/artifacts`,
      files: [
        { path: "metrics.json", is_dir: false, file_size: 7 },
        { path: "model", is_dir: true },
      ],
    });
    r = await app.inject({ method: "GET", url: `/api/2.0/mlflow/artifacts/list?run_id=${runId}&path=model` });
    expect(r.json()).toEqual({ root_uri: `mlflow-artifacts:/0/${runId}/artifacts`, files: [{ path: "model/MLmodel", is_dir: false, file_size: 12 }] });
    r = await app.inject({ method: "GET", url: `/api/2.0/mlflow-artifacts/artifacts?path=0/${runId}/artifacts/model` });
    expect(r.json()).toEqual({ files: [{ path: "MLmodel", is_dir: false, file_size: 12 }] });

    r = await app.inject({ method: "GET", url: proxied("model/MLmodel") });
    expect(r.statusCode).toBe(200);
    expect(r.body).toBe("flavors: {}\n");
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    r = await app.inject({ method: "GET", url: `/get-artifact?run_uuid=${runId}&path=metrics.json` });
    expect(r.body).toBe('{"a":1}');
    expect(r.headers["content-disposition"]).toContain('filename="metrics.json"');

    r = await app.inject({ method: "DELETE", url: proxied("model") });
    expect(r.statusCode).toBe(200);
    r = await app.inject({ method: "GET", url: `/api/2.0/mlflow/artifacts/list?run_id=${runId}` });
    expect(r.json<{ files: unknown }>().files).toEqual([{ path: "metrics.json", is_dir: false, file_size: 7 }]);
  });

  it("serves files named in any script, naming them exactly in filename* and in ASCII in filename", async () => {
    const name = "résultats 日本 🚀.txt";
    let r = await app.inject({ method: "PUT", url: proxied(encodeURIComponent(name)), payload: "ok", headers: { "content-type": "text/plain" } });
    expect(r.statusCode).toBe(200);
    r = await app.inject({ method: "GET", url: `/get-artifact?run_uuid=${runId}&path=${encodeURIComponent(name)}` });
    expect(r.statusCode).toBe(200);
    expect(r.body).toBe("ok");
    expect(r.headers["content-disposition"]).toBe(`attachment; filename="r_sultats __ _.txt"; filename*=UTF-8''${encodeURIComponent(name)}`);
    r = await app.inject({ method: "GET", url: proxied(encodeURIComponent(name)) });
    expect(r.statusCode).toBe(200);
  });

  it("serves a name with a bare % (not an escape), as MLflow does", async () => {
    let r = await app.inject({ method: "PUT", url: proxied("100%25.txt"), payload: "full", headers: { "content-type": "text/plain" } });
    expect(r.statusCode).toBe(200);
    r = await app.inject({ method: "GET", url: `/get-artifact?run_id=${runId}&path=100%25.txt` });
    expect(r.statusCode).toBe(200);
    expect(r.body).toBe("full");
    r = await app.inject({ method: "GET", url: `/api/2.0/mlflow/artifacts/list?run_id=${runId}` });
    expect(r.json<{ files: { path: string }[] }>().files.map((f) => f.path)).toEqual(["100%.txt"]);
  });

  it("quotes a name's quotes and backslashes out of the header, and percent-encodes what RFC 5987 reserves", () => {
    expect(contentDisposition('a"b\\c.txt')).toBe(`attachment; filename="a_b_c.txt"; filename*=UTF-8''a%22b%5Cc.txt`);
    expect(contentDisposition("it's (1)*.txt")).toBe(`attachment; filename="it's (1)*.txt"; filename*=UTF-8''it%27s%20%281%29%2A.txt`);
  });

  it("never serves HTML or SVG as a renderable type", async () => {
    await app.inject({ method: "PUT", url: proxied("x.html"), payload: "<script>alert(1)</script>", headers: { "content-type": "text/html" } });
    const r = await app.inject({ method: "GET", url: proxied("x.html") });
    expect(r.headers["content-type"]).toMatch(/^text\/plain/);
  });

  it("refuses traversal in every encoding, and leaves nothing outside the root", async () => {
    const attempts = [
      "../../../etc/passwd",
      "%2e%2e/%2e%2e/etc/passwd",
      "%252e%252e%252fetc%252fpasswd",
      "..%2f..%2fx",
      "a/..%5c..%5cx",
      "a%00b",
      "a%23b",
      "%2fetc%2fpasswd",
    ];
    for (const attempt of attempts) {
      for (const method of ["GET", "PUT", "DELETE"] as const) {
        const r = await app.inject({ method, url: `/api/2.0/mlflow-artifacts/artifacts/${attempt}`, payload: method === "PUT" ? "x" : undefined });
        expect([400, 404], `${method} ${attempt}`).toContain(r.statusCode);
        expect(r.json<{ error_code: string }>().error_code).toMatch(/INVALID_PARAMETER_VALUE|ENDPOINT_NOT_FOUND|RESOURCE_DOES_NOT_EXIST/);
      }
      const r = await app.inject({ method: "GET", url: `/get-artifact?run_id=${runId}&path=${attempt}` });
      expect(r.statusCode, attempt).toBe(400);
      const list = await app.inject({ method: "GET", url: `/api/2.0/mlflow/artifacts/list?run_id=${runId}&path=${attempt}` });
      expect(list.statusCode, attempt).toBe(400);
    }
    expect(await readdir(dir)).not.toContain("x");
  });

  it("refuses a symlink that leads out of the artifact root", async () => {
    const outside = join(dir, "outside");
    await mkdir(outside);
    await writeFile(join(outside, "secret.txt"), "secret");
    await mkdir(join(dir, "artifacts", "0"), { recursive: true });
    await symlink(outside, join(dir, "artifacts", "0", "link"));
    const r = await app.inject({ method: "GET", url: "/api/2.0/mlflow-artifacts/artifacts/0/link/secret.txt" });
    expect(r.statusCode).toBe(400);
    expect(r.body).not.toContain("secret");
  });

  it("answers a missing file with 404 and an unknown run with 404", async () => {
    expect((await app.inject({ method: "GET", url: proxied("nope.txt") })).statusCode).toBe(404);
    expect((await app.inject({ method: "GET", url: "/api/2.0/mlflow/artifacts/list?run_id=deadbeef" })).statusCode).toBe(404);
  });
});

describe("conditional and partial downloads, as Flask's send_file answers them", () => {
  const log = Array.from({ length: 500 }, (_, i) => `line ${i}\n`).join("");
  const url = (): string => `/get-artifact?run_id=${runId}&path=train.log`;

  beforeEach(async () => {
    await app.inject({ method: "PUT", url: proxied("train.log"), payload: log, headers: { "content-type": "text/plain" } });
  });

  it("serves the tail of a log with 206 and its place in the file", async () => {
    const r = await app.inject({ method: "GET", url: url(), headers: { range: "bytes=-20" } });
    expect(r.statusCode).toBe(206);
    expect(r.body).toBe(log.slice(-20));
    expect(r.headers["content-range"]).toBe(`bytes ${log.length - 20}-${log.length - 1}/${log.length}`);
    expect(r.headers["content-length"]).toBe("20");
    expect(r.headers["content-disposition"]).toContain("train.log");
    const head = await app.inject({ method: "GET", url: proxied("train.log"), headers: { range: "bytes=0-6" } });
    expect(head.statusCode).toBe(206);
    expect(head.body).toBe("line 0\n");
  });

  it("answers 416 to a range past the end and the whole file to a list of ranges", async () => {
    let r = await app.inject({ method: "GET", url: url(), headers: { range: `bytes=${log.length}-` } });
    expect(r.statusCode).toBe(416);
    expect(r.headers["content-range"]).toBe(`bytes */${log.length}`);
    r = await app.inject({ method: "GET", url: url(), headers: { range: "bytes=0-1,5-6" } });
    expect(r.statusCode).toBe(200);
    expect(r.body).toBe(log);
  });

  it("answers 304 to the same version and sends a grown file whole, with a new tag", async () => {
    const first = await app.inject({ method: "GET", url: url() });
    expect(first.headers["accept-ranges"]).toBe("bytes");
    expect(first.headers["cache-control"]).toBe("no-cache");
    const etag = String(first.headers.etag);
    const again = await app.inject({ method: "GET", url: url(), headers: { "if-none-match": etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe("");
    await app.inject({ method: "PUT", url: proxied("train.log"), payload: `${log}line 500\n`, headers: { "content-type": "text/plain" } });
    const grown = await app.inject({ method: "GET", url: url(), headers: { "if-none-match": etag, range: "bytes=-9", "if-range": etag } });
    expect(grown.statusCode).toBe(200);
    expect(grown.body).toBe(`${log}line 500\n`);
    expect(grown.headers.etag).not.toBe(etag);
  });

  it("still refuses a bad path or a missing file before looking at ranges", async () => {
    expect((await app.inject({ method: "GET", url: `/get-artifact?run_id=${runId}&path=../x`, headers: { range: "bytes=0-1" } })).statusCode).toBe(400);
    expect((await app.inject({ method: "GET", url: `/get-artifact?run_id=${runId}&path=nope.log`, headers: { range: "bytes=0-1" } })).statusCode).toBe(404);
  });
});
