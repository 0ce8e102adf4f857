import { afterAll, beforeAll, expect, it } from "vitest";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

it("streams a whole history across chunk boundaries, in order, with NaN as \"NaN\" and nothing lost or repeated", async () => {
  const run = await t.store.createRun({ experiment_id: "0", start_time: 1 });
  const runId = run.info.run_id;
  const total = 25_000; // more than two 10,000-row chunks
  for (let start = 0; start < total; start += 1000) {
    const metrics = Array.from({ length: 1000 }, (_, i) => {
      const step = Math.floor((start + i) / 2); // two points per step: ties on step cross chunk edges
      return { key: "loss", value: (start + i) % 997 === 0 ? NaN : (start + i) % 7, timestamp: 1000 + ((start + i) % 2), step };
    });
    await t.store.logBatch(runId, { metrics });
  }
  const r = await t.app.inject({ method: "GET", url: `/api/2.0/mlflow/metrics/get-history?run_id=${runId}&metric_key=loss` });
  expect(r.statusCode).toBe(200);
  const streamed = r.json<{ metrics: { step: number; timestamp: number; value: number | string }[] }>().metrics;
  expect(streamed).toHaveLength(total);
  const paged: unknown[] = [];
  let token: string | undefined;
  do {
    const page = await t.store.getMetricHistory(runId, "loss", { max_results: 7000, ...(token ? { page_token: token } : {}) });
    paged.push(...page.items.map((m) => ({ ...m, value: Number.isNaN(m.value) ? "NaN" : m.value })));
    token = page.next_page_token;
  } while (token);
  expect(streamed.map((m) => ({ key: "loss", ...m }))).toEqual(paged);
  expect(streamed.filter((m) => m.value === "NaN").length).toBeGreaterThan(0);
});

it("answers an empty history with {} and an unknown run with 404 before anything is streamed", async () => {
  const run = await t.store.createRun({ experiment_id: "0", start_time: 1 });
  const empty = await t.app.inject({ method: "GET", url: `/api/2.0/mlflow/metrics/get-history?run_id=${run.info.run_id}&metric_key=none` });
  expect(empty.body).toBe("{}");
  const missing = await t.app.inject({ method: "GET", url: "/api/2.0/mlflow/metrics/get-history?run_id=deadbeef&metric_key=loss" });
  expect(missing.statusCode).toBe(404);
  expect(missing.json<{ error_code: string }>().error_code).toBe("RESOURCE_DOES_NOT_EXIST");
});
