import type { FastifyInstance } from "fastify";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { buildApp } from "../build-app.js";

let t: TestApp;
let strict: FastifyInstance;

beforeAll(async () => {
  t = await createTestApp();
  strict = await buildApp({ store: t.store, security: { allowedHosts: ["tracking.example.com"], corsAllowedOrigins: ["https://ui.example.com"] } });
});
afterAll(async () => {
  await strict.close();
  await t.close();
});

const body = JSON.stringify({ name: "x" });
const json = { "content-type": "application/json" };

describe("security middleware", () => {
  it("refuses a foreign Host (DNS rebinding) but not /health", async () => {
    const r = await strict.inject({ method: "GET", url: "/api/2.0/mlflow/experiments/get?experiment_id=0", headers: { host: "evil.example:5000" } });
    expect(r.statusCode).toBe(403);
    expect(r.json<{ error_code: string }>().error_code).toBe("PERMISSION_DENIED");
    expect((await strict.inject({ method: "GET", url: "/health", headers: { host: "evil.example" } })).statusCode).toBe(200);
  });

  it("accepts loopback, private and configured hosts in any case", async () => {
    for (const host of ["localhost:5000", "127.0.0.1", "LOCALHOST:5000", "[::1]:5000", "192.168.1.7:5000", "tracking.example.com"]) {
      const r = await strict.inject({ method: "GET", url: "/api/2.0/mlflow/experiments/get?experiment_id=0", headers: { host } });
      expect(r.statusCode, host).toBe(200);
    }
  });

  it("blocks state changes from foreign origins and leaves nothing behind", async () => {
    const before = t.snapshot();
    const r = await strict.inject({ method: "POST", url: "/api/2.0/mlflow/experiments/create", headers: { ...json, origin: "https://evil.example" }, payload: body });
    expect(r.statusCode).toBe(403);
    expect(r.json<{ message: string }>().message).toBe("Cross-origin request blocked");
    expect(t.snapshot()).toEqual(before);
  });

  it("allows local and configured origins, with CORS headers and a 204 preflight", async () => {
    let r = await strict.inject({ method: "OPTIONS", url: "/ajax-api/2.0/mlflow/runs/search", headers: { origin: "https://ui.example.com", "access-control-request-method": "POST" } });
    expect(r.statusCode).toBe(204);
    expect(r.headers["access-control-allow-origin"]).toBe("https://ui.example.com");
    r = await strict.inject({ method: "POST", url: "/api/2.0/mlflow/experiments/create", headers: { ...json, origin: "http://localhost:3000" }, payload: JSON.stringify({ name: "from-local-ui" }) });
    expect(r.statusCode).toBe(200);
    r = await strict.inject({ method: "GET", url: "/api/2.0/mlflow/experiments/get?experiment_id=0", headers: { origin: "https://evil.example" } });
    expect(r.statusCode).toBe(200);
    expect(r.headers["access-control-allow-origin"]).toBeUndefined();
  });

  it("sends nosniff and SAMEORIGIN on every response", async () => {
    const r = await t.app.inject({ method: "GET", url: "/api/2.0/mlflow/experiments/get?experiment_id=0" });
    expect(r.headers["x-content-type-options"]).toBe("nosniff");
    expect(r.headers["x-frame-options"]).toBe("SAMEORIGIN");
  });
});
