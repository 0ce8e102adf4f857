import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { KeyValue, Metric } from "../../core/index.js";
import type { ApiClient, ApiResponse } from "../../test-support/api-client.js";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { newExperiment, newRun } from "../../test-support/fixtures.js";
import { BASE_TIME, uniqueName } from "../../test-support/generators.js";
import { metricRowsPerRun } from "../../test-support/sqlite-file.js";

/**
 * 20 clients over a real listening server (fetch to 127.0.0.1), writing batches into shared and
 * separate runs for a few seconds, with identical replays mixed in (security.md §4.3 R01, R03–R05, R14).
 */
const CLIENTS = 20;
const LOAD_MS = 3000;
/** Each client sends at least this many batches, however slow a loaded machine is. */
const MIN_BATCHES = 6;
const POINTS_PER_BATCH = 40;

let t: TestApp;
let http: ApiClient;
beforeAll(async () => {
  t = await createTestApp();
  http = (await t.listen()).api;
});
afterAll(() => t.close());

/** Every answer that was not a 200, kept for the failure message. */
const failures: string[] = [];
function check(res: ApiResponse, what: string): boolean {
  if (res.status === 200 && !/locked/i.test(res.text)) return true;
  failures.push(`${what}: ${res.status} ${res.text.slice(0, 200)}`);
  return false;
}

interface Batch {
  run_id: string;
  metrics: Metric[];
  params: KeyValue[];
  tags: KeyValue[];
}

function batchFor(runId: string, client: number, iteration: number): Batch {
  const metrics = Array.from({ length: POINTS_PER_BATCH }, (_, j) => ({
    // Shared keys across clients, so the latest-metric rows are contended too.
    key: j % 2 === 0 ? "loss" : `client ${client}/acc`,
    value: client + iteration / 1000 + j / 1e6,
    timestamp: BASE_TIME + iteration,
    step: (client * 100_000 + iteration) * POINTS_PER_BATCH + j,
  }));
  return {
    run_id: runId,
    metrics,
    params: [{ key: `c${client}.i${iteration}`, value: String(iteration) }],
    tags: [{ key: "last.writer", value: `client-${client}` }],
  };
}

const pointKey = (m: Metric): string => `${m.key}|${m.step}|${m.timestamp}|${m.value}`;

describe("concurrent clients over HTTP", () => {
  it("20 clients logging batches into shared and own runs: no 5xx, no lock errors, no lost or duplicated rows", async () => {
    const experimentId = await newExperiment(http);
    const shared = await Promise.all([newRun(http, { experiment_id: experimentId }), newRun(http, { experiment_id: experimentId })]);
    const own = await Promise.all(Array.from({ length: CLIENTS }, () => newRun(http, { experiment_id: experimentId })));
    const sent = new Map<string, Set<string>>();
    const params = new Map<string, number>();
    const runIds = [...shared, ...own].map((r) => r.info.run_id);
    for (const id of runIds) {
      sent.set(id, new Set());
      params.set(id, 0);
    }
    let requests = 0;
    let replays = 0;
    const deadline = Date.now() + LOAD_MS;

    const client = async (c: number): Promise<void> => {
      let previous: Batch | undefined;
      for (let i = 0; i < MIN_BATCHES || Date.now() < deadline; i++) {
        // Every fourth request replays the previous batch byte for byte: nothing may duplicate.
        const replay = previous !== undefined && i % 4 === 3;
        const target = i % 2 === 0 ? own[c]! : shared[(c + i) % 2]!;
        const batch: Batch = replay ? previous! : batchFor(target.info.run_id, c, i);
        const res = await http.post("/mlflow/runs/log-batch", batch);
        requests += 1;
        if (!check(res, `client ${c} batch ${i}`)) continue;
        if (replay) replays += 1;
        else {
          for (const m of batch.metrics) sent.get(batch.run_id)!.add(pointKey(m));
          params.set(batch.run_id, params.get(batch.run_id)! + batch.params.length);
        }
        previous = batch;
        if (i % 5 === 0) check(await http.get("/mlflow/metrics/get-history", { run_id: shared[0].info.run_id, metric_key: "loss", max_results: 50 }), `client ${c} read`);
      }
    };
    await Promise.all(Array.from({ length: CLIENTS }, (_, c) => client(c)));

    expect(failures).toEqual([]);
    expect(requests).toBeGreaterThanOrEqual(CLIENTS * MIN_BATCHES);
    expect(replays).toBeGreaterThanOrEqual(CLIENTS);
    const stored = metricRowsPerRun(t.dbFile);
    for (const id of runIds) expect(stored.get(id) ?? 0, `metric rows of run ${id}`).toBe(sent.get(id)!.size);

    // Latest values and params are consistent with what was acknowledged.
    for (const run of shared) {
      const fetched = (await http.ok("getRun", { run_id: run.info.run_id })).run;
      const lossSteps = [...sent.get(run.info.run_id)!].filter((k) => k.startsWith("loss|")).map((k) => Number(k.split("|")[1]));
      expect(fetched.data.metrics.find((m) => m.key === "loss")?.step).toBe(Math.max(...lossSteps));
      expect(fetched.data.params).toHaveLength(params.get(run.info.run_id)!);
      expect(fetched.data.tags.find((tag) => tag.key === "last.writer")?.value).toMatch(/^client-\d+$/);
    }
  });

  it("20 simultaneous creates of one experiment name: exactly one succeeds, the rest get RESOURCE_ALREADY_EXISTS", async () => {
    const name = uniqueName("race");
    const answers = await Promise.all(Array.from({ length: CLIENTS }, () => http.call("createExperiment", { name })));
    expect(answers.filter((r) => r.status === 200)).toHaveLength(1);
    const refused = answers.filter((r) => r.status !== 200);
    expect(refused.map((r) => [r.status, (r.json as unknown as { error_code: string }).error_code])).toEqual(Array.from({ length: CLIENTS - 1 }, () => [400, "RESOURCE_ALREADY_EXISTS"]));
    expect((await http.ok("getExperimentByName", { experiment_name: name })).experiment.name).toBe(name);
  });

  it("20 simultaneous log-parameter calls on one key: same value all succeed; different values store exactly one", async () => {
    const run = await newRun(http);
    const same = await Promise.all(Array.from({ length: CLIENTS }, () => http.call("logParam", { run_id: run.info.run_id, key: "same", value: "v" })));
    expect(same.map((r) => r.status)).toEqual(Array.from({ length: CLIENTS }, () => 200));
    const different = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => http.call("logParam", { run_id: run.info.run_id, key: "diff", value: `v${i}` })));
    const winners = different.flatMap((r, i) => (r.status === 200 ? [`v${i}`] : []));
    expect(winners).toHaveLength(1);
    expect(different.filter((r) => r.status !== 200).every((r) => r.status === 400)).toBe(true);
    const stored = (await http.ok("getRun", { run_id: run.info.run_id })).run.data.params;
    expect(stored).toEqual([
      { key: "diff", value: winners[0] },
      { key: "same", value: "v" },
    ]);
  });

  it("20 simultaneous set-tag calls on one key leave one row holding one of the values sent", async () => {
    const run = await newRun(http);
    const answers = await Promise.all(Array.from({ length: CLIENTS }, (_, i) => http.call("setTag", { run_id: run.info.run_id, key: "race", value: `v${i}` })));
    expect(answers.every((r) => r.status === 200)).toBe(true);
    const tags = (await http.ok("getRun", { run_id: run.info.run_id })).run.data.tags.filter((tag) => tag.key === "race");
    expect(tags).toHaveLength(1);
    expect(tags[0]?.value).toMatch(/^v\d+$/);
  });
});
