import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it("answers HEAD on a GET endpoint like GET, without a body (as Flask does)", async () => {
  const r = await t.app.inject({ method: "HEAD", url: "/api/2.0/mlflow/experiments/get?experiment_id=0" });
  expect(r.statusCode).toBe(200);
  expect(r.headers["content-type"]).toMatch(/application\/json/);
  expect(r.body).toBe("");
});

it("answers a method the endpoint does not take with 405 in MLflow's envelope", async () => {
  const r = await t.app.inject({ method: "DELETE", url: "/api/2.0/mlflow/runs/search" });
  expect(r.statusCode).toBe(405);
  expect(r.json()).toEqual({ error_code: "BAD_REQUEST", message: expect.stringContaining("use POST") as unknown });
});
