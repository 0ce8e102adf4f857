import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { buildApp, MAX_HEADER_BYTES } from "../build-app.js";
import { CACHE_IMMUTABLE, CACHE_REVALIDATE } from "./web-ui.js";

let t: TestApp;
let app: FastifyInstance;
let webRoot: string;
const INDEX = '<!doctype html><script type="module" src="/assets/index-Ab12Cd34.js"></script>';

beforeAll(async () => {
  t = await createTestApp();
  webRoot = await mkdtemp(join(tmpdir(), "tracklet-webroot-"));
  await mkdir(join(webRoot, "assets"));
  await writeFile(join(webRoot, "index.html"), INDEX);
  await writeFile(join(webRoot, "assets/index-Ab12Cd34.js"), "console.log('ui')");
  await writeFile(join(webRoot, "favicon.svg"), "<svg xmlns='http://www.w3.org/2000/svg'/>");
  app = await buildApp({ store: t.store, webRoot });
});
afterAll(async () => {
  await app.close();
  await t.close();
  await rm(webRoot, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string> = {}) => app.inject({ method: "GET", url, headers });

describe("web UI caching", () => {
  it("lets the browser keep hashed assets for a year without revalidating", async () => {
    const r = await get("/assets/index-Ab12Cd34.js");
    expect(r.statusCode).toBe(200);
    expect(r.body).toBe("console.log('ui')");
    expect(r.headers["cache-control"]).toBe(CACHE_IMMUTABLE);
  });

  it("revalidates index.html (root, direct and deep link) and unhashed public files on every load", async () => {
    for (const url of ["/", "/index.html", "/experiments/1/runs?filter=tags.a%20%3D%20'b'", "/favicon.svg"]) {
      const r = await get(url);
      expect(r.statusCode, url).toBe(200);
      expect(r.headers["cache-control"], url).toBe(CACHE_REVALIDATE);
    }
    expect((await get("/experiments/1/runs")).body).toBe(INDEX);
  });

  it("answers a revalidation of index.html with 304 while it is unchanged", async () => {
    const first = await get("/index.html");
    const etag = String(first.headers.etag);
    expect(etag).not.toBe("undefined");
    expect((await get("/index.html", { "if-none-match": etag })).statusCode).toBe(304);
  });

  it("answers a missing asset with a 404, not index.html (a stale tab's old chunks)", async () => {
    const r = await get("/assets/index-Old00000.js");
    expect(r.statusCode).toBe(404);
    expect(r.headers["content-type"]).toMatch(/^text\/plain/);
    expect(r.body).not.toContain("<!doctype html>");
  });

  it("keeps API misses out of the fallback and its cache policy", async () => {
    const api = await get("/api/2.0/mlflow/nope");
    expect(api.statusCode).toBe(404);
    expect(api.json<{ error_code: string }>().error_code).toBe("ENDPOINT_NOT_FOUND");
    expect(api.headers["cache-control"]).toBeUndefined();
  });
});

describe("long view URLs", () => {
  it("serves a deep link of ~33 KB over a real socket (a compare link of 1,000 run ids), and refuses one past the header limit with 431", async () => {
    // Its own app: Node's HTTP parser enforces the limit, which inject() never reaches.
    const live = await buildApp({ store: t.store, webRoot });
    await live.listen({ port: 0, host: "127.0.0.1" });
    try {
      const address = live.server.address();
      if (address === null || typeof address === "string") throw new Error("no TCP address");
      const base = `http://127.0.0.1:${address.port}`;
      const ids = Array.from({ length: 1000 }, (_, i) => i.toString(16).padStart(32, "0")).join(",");
      const ok = await fetch(`${base}/compare-runs?runs=${ids}&experiments=1`);
      expect(ok.status).toBe(200);
      expect(await ok.text()).toBe(INDEX);
      const tooLong = await fetch(`${base}/compare-runs?runs=${"a".repeat(MAX_HEADER_BYTES)}`);
      expect(tooLong.status).toBe(431);
    } finally {
      await live.close();
    }
  });
});
