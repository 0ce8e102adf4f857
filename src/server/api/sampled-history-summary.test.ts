import BetterSqlite3 from "better-sqlite3";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints, type Metric } from "../../core/index.js";
import { decodeSampledMetricHistory, type SampledMetricSeries } from "../../core/charts/index.js";
import { openTrackingStore } from "../../store/open-tracking-store.js";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { expectOk } from "../../test-support/expect-api.js";
import { newRun } from "../../test-support/fixtures.js";
import { BASE_TIME, metricHistory } from "../../test-support/generators.js";

/**
 * The summary cache behind the step-axis sampled read (store/sql/metric-summary-cache.ts,
 * migration 0005): built on the first read of a long series, reused while the series' point count
 * is unchanged, rebuilt after any write, also a write by another connection (MLflow on a shared
 * file), so an answer always reflects every stored point.
 */
let t: TestApp;
let reader: BetterSqlite3.Database;
beforeAll(async () => {
  t = await createTestApp();
  reader = new BetterSqlite3(t.dbFile, { readonly: true });
});
afterAll(async () => {
  reader.close();
  await t.close();
});

const PATH = endpoints.getSampledMetricHistory.path;
const N = 500;
const LENGTH = 20_000;
/** Distinct noisy values (a hash of the step) on a slow wave, within (−1, 1.5). */
const wave = (step: number): number => Math.sin(step / 700) + (((step * 2654435761) >>> 0) / 2 ** 32) * 0.5;

async function seed(key: string): Promise<string> {
  const runId = (await newRun(t.api)).info.run_id;
  const metrics = metricHistory(key, LENGTH, { value: wave });
  for (let i = 0; i < metrics.length; i += 1000) await t.store.logBatch(runId, { metrics: metrics.slice(i, i + 1000) });
  return runId;
}

async function sampled(runId: string, key: string, query: Record<string, number> = {}): Promise<SampledMetricSeries> {
  const res = await t.api.get(PATH, { run_ids: [runId], metric_key: key, max_points: N, ...query });
  expectOk(res);
  const [only] = decodeSampledMetricHistory(res.json as Record<string, unknown>).series ?? [];
  if (!only) throw new Error("no series in the answer");
  return only;
}

function summaryRow(runId: string, key: string): { point_count: number; builds: number } | undefined {
  return reader.prepare("SELECT point_count, builds FROM tracklet_metric_summaries WHERE run_uuid = ? AND key = ?").get(runId, key) as { point_count: number; builds: number } | undefined;
}

const pageCount = (runId: string, key: string): number =>
  (reader.prepare("SELECT count(*) AS n FROM tracklet_metric_summary_pages WHERE run_uuid = ? AND key = ?").get(runId, key) as { n: number }).n;

const at = (s: SampledMetricSeries, step: number): Metric[] => s.metrics.filter((m) => m.step === step);

describe("the summary cache of the step-axis sampled read", () => {
  it("is built by the first read of a long series and reused by the next ones", async () => {
    const runId = await seed("reuse");
    expect(summaryRow(runId, "reuse")).toBeUndefined();
    const first = await sampled(runId, "reuse");
    expect(first).toMatchObject({ total_points: LENGTH, sampled: true });
    expect(summaryRow(runId, "reuse")).toEqual({ point_count: LENGTH, builds: 1 });
    expect(pageCount(runId, "reuse")).toBeGreaterThan(0);
    expect(await sampled(runId, "reuse")).toEqual(first);
    expect(await sampled(runId, "reuse", { min_x: 3000, max_x: 15_000 })).toMatchObject({ total_points: 12_001 });
    expect(summaryRow(runId, "reuse")).toEqual({ point_count: LENGTH, builds: 1 });
  });

  it("is not built for a series short enough for the exact path", async () => {
    const runId = (await newRun(t.api)).info.run_id;
    await t.store.logBatch(runId, { metrics: metricHistory("short", 900, { value: wave }) });
    expect((await sampled(runId, "short")).sampled).toBe(true);
    expect(summaryRow(runId, "short")).toBeUndefined();
  });

  it("reflects points logged after it was built: a new end, a spike and a NaN inside, at an existing step", async () => {
    const runId = await seed("stale");
    const before = await sampled(runId, "stale");
    expect(before.metrics[before.metrics.length - 1]?.step).toBe(LENGTH - 1);
    await t.store.logBatch(runId, {
      metrics: [
        { key: "stale", value: 42, timestamp: BASE_TIME + 1, step: 7000 },
        { key: "stale", value: NaN, timestamp: BASE_TIME + 2, step: 12_000 },
        { key: "stale", value: 0.25, timestamp: BASE_TIME + LENGTH * 1000 + 5000, step: LENGTH + 5 },
      ],
    });
    const after = await sampled(runId, "stale");
    expect(after.total_points).toBe(LENGTH + 3);
    expect(at(after, 7000)).toContainEqual({ key: "stale", value: 42, timestamp: BASE_TIME + 1, step: 7000 });
    expect(at(after, 12_000).some((m) => Number.isNaN(m.value))).toBe(true);
    expect(after.metrics[after.metrics.length - 1]).toEqual({ key: "stale", value: 0.25, timestamp: BASE_TIME + LENGTH * 1000 + 5000, step: LENGTH + 5 });
    expect(summaryRow(runId, "stale")).toEqual({ point_count: LENGTH + 3, builds: 2 });
  });

  it("reflects rows another connection appended (MLflow writing to the same file)", async () => {
    const runId = await seed("shared");
    expect((await sampled(runId, "shared")).total_points).toBe(LENGTH);
    const mlflow = new BetterSqlite3(t.dbFile);
    try {
      mlflow.pragma("busy_timeout = 5000");
      const insert = mlflow.prepare("INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) VALUES (?, ?, ?, ?, ?, ?)");
      mlflow.transaction(() => {
        insert.run("shared", -77, BASE_TIME + 3, runId, 4321, 0);
        insert.run("shared", 0, BASE_TIME + 4, runId, 9876, 1); // NaN, as MLflow stores it
        for (let step = LENGTH; step < LENGTH + 2000; step++) insert.run("shared", wave(step), BASE_TIME + step * 1000, runId, step, 0);
      })();
    } finally {
      mlflow.close();
    }
    const after = await sampled(runId, "shared");
    expect(after.total_points).toBe(LENGTH + 2002);
    expect(at(after, 4321)).toContainEqual({ key: "shared", value: -77, timestamp: BASE_TIME + 3, step: 4321 });
    expect(at(after, 9876).some((m) => Number.isNaN(m.value))).toBe(true);
    expect(after.metrics[after.metrics.length - 1]?.step).toBe(LENGTH + 1999);
    expect(after.metrics.length).toBeLessThanOrEqual(N);
    expect(summaryRow(runId, "shared")).toEqual({ point_count: LENGTH + 2002, builds: 2 });
  });

  it("reflects points another Tracklet process logged after the series' count was remembered", async () => {
    const runId = await seed("other-process");
    const first = await sampled(runId, "other-process");
    expect(await sampled(runId, "other-process")).toEqual(first); // counted once, then remembered
    const { store: other } = await openTrackingStore({ backendStoreUri: t.dbFile, defaultArtifactRoot: "mlflow-artifacts:/" });
    try {
      await other.logBatch(runId, { metrics: [{ key: "other-process", value: 99, timestamp: BASE_TIME + 5, step: 5000 }] });
    } finally {
      await other.close();
    }
    const after = await sampled(runId, "other-process");
    expect(after.total_points).toBe(LENGTH + 1);
    expect(at(after, 5000)).toContainEqual({ key: "other-process", value: 99, timestamp: BASE_TIME + 5, step: 5000 });
    // And this process's own write, to the now remembered count, too.
    await t.store.logBatch(runId, { metrics: [{ key: "other-process", value: -99, timestamp: BASE_TIME + 6, step: 6000 }] });
    const own = await sampled(runId, "other-process");
    expect(own.total_points).toBe(LENGTH + 2);
    expect(at(own, 6000)).toContainEqual({ key: "other-process", value: -99, timestamp: BASE_TIME + 6, step: 6000 });
  });

  it("keeps the levels and markers it read in memory while the series is unchanged, and drops them on a write", async () => {
    const runId = await seed("memory");
    await t.store.logBatch(runId, { metrics: [{ key: "memory", value: NaN, timestamp: BASE_TIME + 7, step: 1234 }] });
    const first = await sampled(runId, "memory");
    expect(at(first, 1234).some((m) => Number.isNaN(m.value))).toBe(true);
    const other = new BetterSqlite3(t.dbFile);
    try {
      other.pragma("busy_timeout = 5000");
      // The pages deleted and a value changed behind the store's back, neither a real event (rows
      // are insert-only; the count is unchanged): a read from SQL would show the 999, the memory
      // answers as before.
      other.prepare("DELETE FROM tracklet_metric_summary_pages WHERE run_uuid = ?").run(runId);
      other.prepare("UPDATE metrics SET value = 999 WHERE run_uuid = ? AND key = ? AND step = 500").run(runId, "memory");
      expect(await sampled(runId, "memory")).toEqual(first);
      // A new row moves the count: the memory is not used, the summary is rebuilt and has the row.
      other.prepare("INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) VALUES (?, ?, ?, ?, ?, ?)").run("memory", 0, BASE_TIME + 8, runId, 4321, 1);
    } finally {
      other.close();
    }
    const after = await sampled(runId, "memory");
    expect(after.total_points).toBe(LENGTH + 2);
    expect(at(after, 1234).some((m) => Number.isNaN(m.value))).toBe(true);
    expect(at(after, 4321).some((m) => Number.isNaN(m.value))).toBe(true);
    expect(at(after, 500).map((m) => m.value)).toEqual([999]);
    expect(summaryRow(runId, "memory")).toEqual({ point_count: LENGTH + 2, builds: 2 });
    expect(pageCount(runId, "memory")).toBeGreaterThan(0);
  });

  it("an x-range reads whole blocks from the summary and the cut ones raw: only points inside, with the range's first and last", async () => {
    const runId = await seed("range");
    const full = (await t.store.getMetricHistory(runId, "range")).items;
    for (const [min, max] of [
      [1234, 17_891],
      [0, 10_001],
      [5555, 19_999],
    ] as const) {
      const s = await sampled(runId, "range", { min_x: min, max_x: max });
      const inside = full.filter((m) => m.step >= min && m.step <= max);
      expect(s.total_points).toBe(inside.length);
      expect(s.metrics.length).toBeLessThanOrEqual(N);
      expect(s.metrics.every((m) => m.step >= min && m.step <= max)).toBe(true);
      expect(s.metrics[0]).toEqual(inside[0]);
      expect(s.metrics[s.metrics.length - 1]).toEqual(inside[inside.length - 1]);
      const values = s.metrics.map((m) => m.value);
      expect(values).toContain(inside.reduce((a, m) => Math.min(a, m.value), Infinity));
      expect(values).toContain(inside.reduce((a, m) => Math.max(a, m.value), -Infinity));
    }
    expect(summaryRow(runId, "range")?.builds).toBe(1);
  });
});
