import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Run, SearchRunsResponse } from "../../core/index.js";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { expectError, expectOk } from "../../test-support/expect-api.js";
import { newExperiment, newRun } from "../../test-support/fixtures.js";
import { BASE_TIME } from "../../test-support/generators.js";

let t: TestApp;
let experimentId: string;
let otherExperimentId: string;
/** Run ids in MLflow's default order: start_time DESC, run_id ASC. */
let expectedOrder: string[];
let deletedRunId: string;

beforeAll(async () => {
  t = await createTestApp();
  experimentId = await newExperiment(t.api);
  otherExperimentId = await newExperiment(t.api);
  // Three start times, with ties, so the run_id tie-breaker decides within each.
  const starts = [BASE_TIME + 2, BASE_TIME, BASE_TIME + 1, BASE_TIME + 2, BASE_TIME, BASE_TIME + 1, BASE_TIME + 2];
  const runs = await Promise.all(starts.map((start_time) => newRun(t.api, { experiment_id: experimentId, start_time })));
  expectedOrder = runs
    .map((r) => r.info)
    .sort((a, b) => b.start_time - a.start_time || (a.run_id < b.run_id ? -1 : 1))
    .map((info) => info.run_id);
  await newRun(t.api, { experiment_id: otherExperimentId, start_time: BASE_TIME + 10 });
  deletedRunId = (await newRun(t.api, { experiment_id: experimentId, start_time: BASE_TIME + 1 })).info.run_id;
  await t.api.ok("deleteRun", { run_id: deletedRunId });
});
afterAll(() => t.close());

const idsOf = (runs: Run[] | undefined): string[] => (runs ?? []).map((r) => r.info.run_id);

describe("runs/search", () => {
  it("orders by start_time DESC then run_id ASC and returns active runs by default", async () => {
    const res = await t.api.call("searchRuns", { experiment_ids: [experimentId] });
    expectOk(res);
    expect(idsOf(res.json.runs)).toEqual(expectedOrder);
    expect(res.json).not.toHaveProperty("next_page_token");
    // The ajax prefix serves the same search.
    expect(idsOf((await t.api.withPrefix("/ajax-api/2.0").ok("searchRuns", { experiment_ids: [experimentId] })).runs)).toEqual(expectedOrder);
  });

  it("returns a token on every full page, so the last page may be empty", async () => {
    const pages: string[][] = [];
    const tokens: (string | undefined)[] = [];
    let token: string | undefined;
    do {
      const page = await t.api.ok("searchRuns", { experiment_ids: [experimentId], max_results: expectedOrder.length, ...(token ? { page_token: token } : {}) });
      pages.push(idsOf(page.runs));
      token = page.next_page_token;
      tokens.push(token);
    } while (token && pages.length < 10);
    expect(pages).toEqual([expectedOrder, []]);
    expect(tokens).toEqual(["eyJvZmZzZXQiOiA3fQ==", undefined]);

    const small: string[] = [];
    token = undefined;
    let calls = 0;
    do {
      const page: SearchRunsResponse = await t.api.ok("searchRuns", { experiment_ids: [experimentId], max_results: 3, ...(token ? { page_token: token } : {}) });
      calls += 1;
      const ids = idsOf(page.runs);
      small.push(...ids);
      // A full page always has a token; a short one never does.
      expect(page.next_page_token !== undefined).toBe(ids.length === 3);
      token = page.next_page_token;
    } while (token);
    expect(small).toEqual(expectedOrder);
    expect(calls).toBe(3);
  });

  it("selects lifecycle stages with run_view_type (names and proto numbers)", async () => {
    expect(idsOf((await t.api.ok("searchRuns", { experiment_ids: [experimentId], run_view_type: "DELETED_ONLY" })).runs)).toEqual([deletedRunId]);
    const all = await t.api.ok("searchRuns", { experiment_ids: [experimentId], run_view_type: "ALL" });
    expect(idsOf(all.runs).sort()).toEqual([...expectedOrder, deletedRunId].sort());
    const byNumber = await t.api.post<{ runs: Run[] }>("/mlflow/runs/search", { experiment_ids: [experimentId], run_view_type: 2 });
    expect(idsOf(byNumber.json.runs)).toEqual([deletedRunId]);
  });

  it("searches several experiments, accepts integer ids, and answers {} when nothing matches", async () => {
    const both = await t.api.post<{ runs: Run[] }>("/mlflow/runs/search", { experiment_ids: [Number(experimentId), otherExperimentId] });
    expectOk(both);
    expect(both.json.runs).toHaveLength(expectedOrder.length + 1);
    expect(both.json.runs[0]?.info.experiment_id).toBe(otherExperimentId);
    for (const experiment_ids of [[], ["987654"], ["not-a-number"]]) {
      const res = await t.api.call("searchRuns", { experiment_ids });
      expectOk(res);
      expect(res.text).toBe("{}");
    }
  });

  it("hydrates each run with latest metrics, params and tags", async () => {
    const runId = expectedOrder[0]!;
    await t.api.ok("logBatch", {
      run_id: runId,
      metrics: [{ key: "acc", value: 0.5, timestamp: BASE_TIME, step: 0 }, { key: "acc", value: 0.75, timestamp: BASE_TIME, step: 1 }],
      params: [{ key: "lr", value: "0.1" }],
    });
    const page = await t.api.ok("searchRuns", { experiment_ids: [experimentId], max_results: 1 });
    const run = page.runs?.[0];
    expect(run?.info.run_id).toBe(runId);
    expect(run?.data.metrics).toEqual([{ key: "acc", value: 0.75, timestamp: BASE_TIME, step: 1 }]);
    expect(run?.data.params).toEqual([{ key: "lr", value: "0.1" }]);
    expect(run?.data.tags.map((tag) => tag.key)).toContain("mlflow.runName");
  });

  it("refuses out-of-range max_results and bad tokens; runs/search is POST only", async () => {
    expectError(await t.api.call("searchRuns", { experiment_ids: [experimentId], max_results: 50001 }), 400, "INVALID_PARAMETER_VALUE", "at most 50000");
    expectError(await t.api.call("searchRuns", { experiment_ids: [experimentId], max_results: 0 }), 400, "INVALID_PARAMETER_VALUE");
    expectError(await t.api.call("searchRuns", { experiment_ids: [experimentId], page_token: "not base64!" }), 400, "INVALID_PARAMETER_VALUE", "Invalid page token");
    expectError(await t.api.get("/mlflow/runs/search", { experiment_ids: experimentId }), 405, "BAD_REQUEST");
  });

  // Search (filter / order_by) landed while this suite was written; its depth is tested with the search code.
  // This one test pins the wire contract: a simple filter and order_by apply, malformed ones are 400.
  it("filter and order_by: a simple one applies, a malformed one is INVALID_PARAMETER_VALUE", async () => {
    // Only the first run has metrics (logged by the hydration test above).
    const filtered = await t.api.ok("searchRuns", { experiment_ids: [experimentId], filter: "metrics.acc > 0.6" });
    expect(idsOf(filtered.runs)).toEqual([expectedOrder[0]]);
    // With start_time in order_by, only the run_id ASC tie-breaker is appended.
    const ascending = await t.api.ok("searchRuns", { experiment_ids: [experimentId], order_by: ["attributes.start_time ASC"] });
    const starts = new Map((ascending.runs ?? []).map((r) => [r.info.run_id, r.info.start_time]));
    expect(idsOf(ascending.runs)).toEqual([...expectedOrder].sort((a, b) => starts.get(a)! - starts.get(b)! || (a < b ? -1 : 1)));
    for (const filter of ["metrics.acc >", "metrics.acc > 'high'", "params.lr > 1 AND"]) {
      expectError(await t.api.call("searchRuns", { experiment_ids: [experimentId], filter }), 400, "INVALID_PARAMETER_VALUE");
    }
    expectError(await t.api.call("searchRuns", { experiment_ids: [experimentId], order_by: ["metrics.acc", "metrics.acc DESC"] }), 400, "INVALID_PARAMETER_VALUE");
  });
});
