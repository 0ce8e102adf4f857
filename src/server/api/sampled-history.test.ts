import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints, type Metric } from "../../core/index.js";
import {
  decodeSampledBinary,
  decodeSampledColumns,
  decodeSampledMetricHistory,
  downsampleMinMax,
  minMaxBucketCount,
  minMaxBucketStart,
  SAMPLED_BINARY_CONTENT_TYPE,
  type SampledHistoryInput,
  type SampledMetricSeries,
} from "../../core/charts/index.js";
import { toQueryString, type Query } from "../../test-support/api-client.js";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { expectError, expectNoWrite, expectOk } from "../../test-support/expect-api.js";
import { newRun } from "../../test-support/fixtures.js";
import { BASE_TIME, DOUBLE_MAX } from "../../test-support/generators.js";

/**
 * Tracklet's sampled history (`GET /tracklet/metrics/get-history-sampled`): at most `max_points`
 * points per run, chosen in SQL by the rule of core/charts/downsample-min-max.ts. On the time axes,
 * and on the step axis when the exact path is taken, the answer is exactly what `downsampleMinMax`
 * picks from the full history. A long series on the step axis is read from the summary cache
 * (store/sql/summary-step-sampler.ts), which keeps every guarantee (`expectMinMaxKept`) but may
 * pick another local extreme where a block straddles a bucket edge.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const PATH = endpoints.getSampledMetricHistory.path;
const IPV = "INVALID_PARAMETER_VALUE";

/** A seeded LCG in [0, 1), so a failing case reproduces. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

/** `n` points of `key`: noisy values (all distinct), timestamps one second apart unless `timestamp` says otherwise. */
function series(key: string, n: number, options: { seed?: number; step?: (i: number) => number; timestamp?: (i: number) => number } = {}): Metric[] {
  const next = random(options.seed ?? 1);
  return Array.from({ length: n }, (_, i) => ({
    key,
    value: Math.sin(i / 500) + next() * 0.1 + i * 1e-9,
    timestamp: options.timestamp ? options.timestamp(i) : BASE_TIME + i * 1000,
    step: options.step ? options.step(i) : i,
  }));
}

/** Logs through the store in batches of 1,000 (the API's limit), which is the fast way to seed long series. */
async function seed(metrics: readonly Metric[]): Promise<string> {
  const runId = (await newRun(t.api)).info.run_id;
  for (let i = 0; i < metrics.length; i += 1000) await t.store.logBatch(runId, { metrics: metrics.slice(i, i + 1000) });
  return runId;
}

async function sampled(query: Query): Promise<SampledMetricSeries[]> {
  const res = await t.api.get(PATH, query);
  expectOk(res);
  return decodeSampledMetricHistory(res.json as Record<string, unknown>).series ?? [];
}

/** What `downsampleMinMax` keeps of the full stored history on the given axis and range. */
async function expected(runId: string, key: string, maxPoints: number, axis: "step" | "timestamp" = "step", range: { min?: number; max?: number } = {}): Promise<Metric[]> {
  const full = (await t.store.getMetricHistory(runId, key)).items;
  const x = (m: Metric): number => (axis === "step" ? m.step : m.timestamp);
  const inRange = full.filter((m) => (range.min === undefined || x(m) >= range.min) && (range.max === undefined || x(m) <= range.max));
  if (axis === "timestamp") inRange.sort((a, b) => a.timestamp - b.timestamp || a.step - b.step || a.value - b.value);
  return downsampleMinMax(
    inRange.map((m) => ({ x: x(m), y: m.value, m })),
    maxPoints,
  ).map((p) => p.m);
}

/**
 * The guarantees of a sampled answer that the summary path keeps: within budget, a subsequence of
 * the stored series inside the range, its first and last point, its finite minimum and maximum,
 * every NaN/±Infinity when they fit (`markersFit`), and close to `downsampleMinMax`'s picks.
 */
async function expectMinMaxKept(s: SampledMetricSeries | undefined, runId: string, key: string, maxPoints: number, range: { min?: number; max?: number } = {}, markersFit = true): Promise<void> {
  const inside = (await t.store.getMetricHistory(runId, key)).items.filter((m) => (range.min === undefined || m.step >= range.min) && (range.max === undefined || m.step <= range.max));
  const got = s?.metrics ?? [];
  expect(s?.total_points).toBe(inside.length);
  expect(got.length).toBeLessThanOrEqual(maxPoints);
  const id = (m: Metric): string => JSON.stringify([m.step, m.timestamp, String(m.value)]);
  const order = new Map(inside.map((m, i) => [id(m), i]));
  const positions = got.map((m) => order.get(id(m)) ?? -1);
  expect(positions.every((i) => i >= 0), "every point is a stored point inside the range").toBe(true);
  expect(positions, "in series order, no duplicates").toEqual([...new Set(positions)].sort((a, b) => a - b));
  if (inside.length <= maxPoints) return;
  expect(got[0]).toEqual(inside[0]);
  expect(got[got.length - 1]).toEqual(inside[inside.length - 1]);
  const finite = inside.filter((m) => Number.isFinite(m.value) && Math.abs(m.value) < DOUBLE_MAX);
  if (maxPoints >= 4 && finite.length > 0) {
    const values = got.map((m) => m.value);
    expect(values).toContain(finite.reduce((a, m) => Math.min(a, m.value), Infinity));
    expect(values).toContain(finite.reduce((a, m) => Math.max(a, m.value), -Infinity));
  }
  const markerIds = inside.filter((m) => !(Number.isFinite(m.value) && Math.abs(m.value) < DOUBLE_MAX)).map(id);
  if (markersFit) expect(got.map(id).filter((x) => markerIds.includes(x))).toEqual(markerIds);
  // Per group of buckets (selectMinMax merges buckets when markers take room): no point farther than
  // a block from the group's edges beats the group's picks. Blocks hold at most n / (2 × buckets)
  // points (the coarsest level a read uses), and here one point per step.
  const buckets = minMaxBucketCount(maxPoints);
  const taken = markersFit ? markerIds.length : Math.min(markerIds.length, buckets);
  const groups = Math.min(Math.floor((maxPoints - 2 - taken) / 2), buckets);
  const block = Math.floor(inside.length / (2 * buckets));
  const x0 = (inside[0] as Metric).step;
  const x1 = (inside[inside.length - 1] as Metric).step;
  for (let g = 0; g < groups; g++) {
    const from = minMaxBucketStart(Math.floor((g * buckets) / groups), x0, x1, buckets);
    const to = minMaxBucketStart(Math.floor(((g + 1) * buckets) / groups), x0, x1, buckets);
    const picks = got.filter((m) => m.step >= from && m.step < to && Number.isFinite(m.value) && Math.abs(m.value) < DOUBLE_MAX).map((m) => m.value);
    const core = finite.filter((m) => m.step >= from + block && m.step < to - block).map((m) => m.value);
    if (core.length === 0) continue;
    expect(Math.max(...picks), `group ${g}: max`).toBeGreaterThanOrEqual(Math.max(...core));
    expect(Math.min(...picks), `group ${g}: min`).toBeLessThanOrEqual(Math.min(...core));
  }
}

const withNaNAsString = (metrics: readonly Metric[]): unknown[] => metrics.map((m) => ({ ...m, value: Number.isNaN(m.value) ? "NaN" : m.value }));

describe("sampled history of a long series", () => {
  const N = 500;
  const at = random(Date.now());
  const spike = 1 + Math.floor(at() * 199_998);
  const dip = 1 + Math.floor(at() * 199_998);
  let nan = 1 + Math.floor(at() * 199_998);
  while (nan === spike || nan === dip) nan = 1 + Math.floor(at() * 199_998);
  let runId = "";

  beforeAll(async () => {
    const points = series("loss", 200_000).map((m) => (m.step === spike ? { ...m, value: 42 } : m.step === dip ? { ...m, value: -42 } : m.step === nan ? { ...m, value: NaN } : m));
    runId = await seed(points);
  });

  it(`returns at most max_points points of 200,000, with the spike, the dip and the NaN (steps ${spike}, ${dip}, ${nan})`, async () => {
    const res = await t.api.get(PATH, { run_ids: [runId], metric_key: "loss", max_points: N });
    expectOk(res);
    const [only, ...others] = decodeSampledMetricHistory(res.json as Record<string, unknown>).series ?? [];
    expect(others).toEqual([]);
    expect(only).toMatchObject({ run_id: runId, total_points: 200_000, sampled: true });
    const metrics = only?.metrics ?? [];
    expect(metrics.length).toBeLessThanOrEqual(N);
    expect(metrics.length).toBeGreaterThan(N - 10);
    expect(metrics).toContainEqual({ key: "loss", value: 42, timestamp: BASE_TIME + spike * 1000, step: spike });
    expect(metrics).toContainEqual({ key: "loss", value: -42, timestamp: BASE_TIME + dip * 1000, step: dip });
    expect(metrics.find((m) => m.step === nan)?.value).toBeNaN();
    expect(res.text).toContain(`{"key":"loss","value":"NaN","timestamp":${BASE_TIME + nan * 1000},"step":${nan}}`);
    expect(metrics[0]?.step).toBe(0);
    expect(metrics[metrics.length - 1]?.step).toBe(199_999);
    expect(metrics.map((m) => m.step)).toEqual([...metrics.map((m) => m.step)].sort((a, b) => a - b));
  });

  it("keeps every min/max guarantee by step, is exactly downsampleMinMax by time, and answers the same twice", async () => {
    const [byStep] = await sampled({ run_ids: [runId], metric_key: "loss", max_points: N });
    expect(byStep?.sampled).toBe(true);
    await expectMinMaxKept(byStep, runId, "loss", N);
    expect(await sampled({ run_ids: [runId], metric_key: "loss", max_points: N })).toEqual([byStep]);
    const [byTime] = await sampled({ run_ids: [runId], metric_key: "loss", max_points: N, x_axis: "timestamp" });
    expect(byTime?.metrics).toEqual(await expected(runId, "loss", N, "timestamp"));
  });

  it("columns=true: the same answer laid out by column (NaN as \"NaN\"), with the other runs' entries as they are", async () => {
    const query = { run_ids: [runId, "no-such-run"], metric_key: "loss", max_points: N };
    const points = await t.api.get(PATH, query);
    const columns = await t.api.get(PATH, { ...query, columns: true });
    expectOk(columns);
    const body = JSON.parse(columns.text) as { series: Record<string, unknown>[] };
    expect(Object.keys(body.series[0] ?? {})).toEqual(["run_id", "key", "steps", "timestamps", "values", "total_points", "sampled"]);
    expect(body.series[1]).toEqual({ run_id: "no-such-run", total_points: 0, sampled: false });
    expect(body.series[0]?.values).toContain("NaN");
    expect(columns.text.length).toBeLessThan(points.text.length * 0.6);
    expect(decodeSampledMetricHistory(body)).toEqual(decodeSampledMetricHistory(points.json as Record<string, unknown>));
  });

  it("columns=true with timestamps=false: the same columns without the timestamps; no effect without columns=true", async () => {
    const query = { run_ids: [runId, "no-such-run"], metric_key: "loss", max_points: N };
    const columns = JSON.parse((await t.api.get(PATH, { ...query, columns: true })).text) as { series: Record<string, unknown>[] };
    const res = await t.api.get(PATH, { ...query, columns: true, timestamps: false });
    expectOk(res);
    const body = JSON.parse(res.text) as { series: Record<string, unknown>[] };
    expect(Object.keys(body.series[0] ?? {})).toEqual(["run_id", "key", "steps", "values", "total_points", "sampled"]);
    expect(body.series.map(({ timestamps: _, ...rest }) => rest)).toEqual(columns.series.map(({ timestamps: _, ...rest }) => rest));
    expect((await t.api.get(PATH, { ...query, timestamps: false })).text).toBe((await t.api.get(PATH, query)).text);
  });

  it("binary=true: the columns as float64 frames (octet-stream) that decode to what the JSON columns decode to", async () => {
    const smooth = await seed(series("loss", 5_000).map((m, i) => (i === 77 ? { ...m, value: NaN } : i === 4_000 ? { ...m, value: DOUBLE_MAX } : m)));
    for (const extra of [{}, { timestamps: false }, { x_axis: "relative_time", smoothing: 0.9 }, { min_x: 1_000, max_x: 1_200 }]) {
      const query = { run_ids: [smooth, "no-such-run"], metric_key: "loss", max_points: N, ...extra };
      const res = await t.app.inject({ method: "GET", url: `/api/2.0${PATH}${toQueryString({ ...query, binary: true })}` });
      expect(res.statusCode).toBe(200);
      expect(res.headers["content-type"]).toBe(SAMPLED_BINARY_CONTENT_TYPE);
      const columns = await t.api.get(PATH, { ...query, columns: true });
      const binary = decodeSampledBinary(new Uint8Array(res.rawPayload).buffer);
      expect(binary).toEqual(decodeSampledColumns(columns.json as Record<string, unknown>));
      expect(binary.map((b) => b.run_id)).toEqual([smooth, "no-such-run"]);
      expect(res.rawPayload.length).toBeLessThan(columns.text.length);
    }
  });

  it("binary=true with bad input answers MLflow's JSON error envelope, not a binary body", async () => {
    const res = await t.app.inject({ method: "GET", url: `/api/2.0${PATH}${toQueryString({ run_ids: ["r"], metric_key: "loss", max_points: 0, binary: true })}` });
    expect(res.statusCode).toBe(400);
    expect(res.headers["content-type"]).toMatch(/^application\/json/);
    expect((JSON.parse(res.body) as { error_code: string }).error_code).toBe(IPV);
  });

  it("answers the same under /ajax-api/2.0", async () => {
    const api = await t.api.get(PATH, { run_ids: [runId], metric_key: "loss", max_points: 100 });
    const ajax = await t.api.withPrefix("/ajax-api/2.0").get(PATH, { run_ids: [runId], metric_key: "loss", max_points: 100 });
    expectOk(ajax);
    expect(ajax.text).toBe(api.text);
  });
});

describe("the server picks what downsampleMinMax picks", () => {
  const markers = (metrics: Metric[], every: number, offset: number, value: number): Metric[] => metrics.map((m, i) => (i % every === offset ? { ...m, value } : m));

  it.each([1, 2, 3, 4, 10, 101, 320, 1000])("with NaN, +Infinity and -Infinity points, max_points %i, both axes", async (maxPoints) => {
    // Timestamps out of step order, so the two axes order the points differently.
    const shuffle = random(maxPoints);
    let points = series("m", 12_000, { seed: maxPoints, timestamp: () => BASE_TIME + Math.floor(shuffle() * 1e9) });
    points = markers(markers(markers(points, 997, 13, NaN), 1499, 7, Infinity), 2003, 100, -Infinity);
    const runId = await seed(points);
    for (const axis of ["step", "timestamp"] as const) {
      const [s] = await sampled({ run_ids: [runId], metric_key: "m", max_points: maxPoints, x_axis: axis });
      // 12,000 points fill ≥ 2 blocks of 8 per bucket up to 749 buckets: there the step axis reads the summary.
      if (axis === "step" && maxPoints >= 101) await expectMinMaxKept(s, runId, "m", maxPoints);
      else expect(s?.metrics, `${axis} axis`).toEqual(await expected(runId, "m", maxPoints, axis));
      expect(s?.metrics.length).toBeLessThanOrEqual(maxPoints);
      // With room for every marker (28 here, at most ⌊(N − 2) / 2⌋), every NaN is there.
      if (maxPoints >= 101) expect(s?.metrics.filter((m) => Number.isNaN(m.value)).length, `${axis}: every NaN`).toBe(points.filter((m) => Number.isNaN(m.value)).length);
      expect(s?.total_points).toBe(12_000);
    }
  });

  it("when markers outnumber the budget: the first marker of each bucket", async () => {
    const runId = await seed(markers(series("dense", 5000, { seed: 5 }), 3, 1, NaN));
    for (const axis of ["step", "timestamp"] as const) {
      const [s] = await sampled({ run_ids: [runId], metric_key: "dense", max_points: 64, x_axis: axis });
      expect(s?.metrics).toEqual(await expected(runId, "dense", 64, axis));
    }
  });

  it("an all-NaN series, and a series logged at one step and one timestamp (MLflow #24169's case)", async () => {
    const allNaN = await seed(series("nan", 3000).map((m) => ({ ...m, value: NaN })));
    const [s] = await sampled({ run_ids: [allNaN], metric_key: "nan", max_points: 50 });
    expect(s?.metrics).toEqual(await expected(allNaN, "nan", 50));
    expect(s?.metrics.length).toBeLessThanOrEqual(50);
    const flat = await seed(series("flat", 4000, { step: () => 0, timestamp: () => BASE_TIME }));
    for (const axis of ["step", "timestamp"] as const) {
      const [f] = await sampled({ run_ids: [flat], metric_key: "flat", max_points: 50, x_axis: axis });
      expect(f?.metrics, axis).toEqual(await expected(flat, "flat", 50, axis));
      expect(f?.total_points).toBe(4000);
    }
  });

  it("returns a series that fits the budget whole, as get-history does", async () => {
    const runId = await seed(markers(series("short", 300), 50, 3, NaN));
    const [s] = await sampled({ run_ids: [runId], metric_key: "short", max_points: 300 });
    expect(s).toEqual({ run_id: runId, metrics: (await t.store.getMetricHistory(runId, "short")).items, total_points: 300, sampled: false });
  });
});

describe("x-range requests", () => {
  let runId = "";
  beforeAll(async () => {
    runId = await seed(series("r", 20_000, { seed: 11 }).map((m, i) => (i % 777 === 5 ? { ...m, value: NaN } : m)));
  });

  it.each([
    ["step", { min: 5000, max: 12_345 }],
    ["step", { min: 19_000 }],
    ["step", { max: 2500.5 }],
    ["timestamp", { min: BASE_TIME + 3_000_000, max: BASE_TIME + 9_000_000 }],
    ["timestamp", { min: BASE_TIME + 18_500_000 }],
  ] as const)("on the %s axis, %j: only points inside, sampled from the points inside", async (axis, range) => {
    const min = "min" in range ? range.min : undefined;
    const max = "max" in range ? range.max : undefined;
    const [s] = await sampled({ run_ids: [runId], metric_key: "r", max_points: 200, x_axis: axis, min_x: min, max_x: max });
    const x = (m: Metric): number => (axis === "step" ? m.step : m.timestamp);
    for (const m of s?.metrics ?? []) {
      if (min !== undefined) expect(x(m)).toBeGreaterThanOrEqual(min);
      if (max !== undefined) expect(x(m)).toBeLessThanOrEqual(max);
    }
    const inside = (await t.store.getMetricHistory(runId, "r")).items.filter((m) => (min === undefined || x(m) >= min) && (max === undefined || x(m) <= max));
    expect(s?.total_points).toBe(inside.length);
    const bounds = { ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }) };
    if (axis === "step") await expectMinMaxKept(s, runId, "r", 200, bounds);
    else expect(s?.metrics).toEqual(await expected(runId, "r", 200, axis, bounds));
  });

  it("a range with no points gives an empty series; min_x = max_x gives the points at that x", async () => {
    expect(await sampled({ run_ids: [runId], metric_key: "r", min_x: 50_000, max_x: 60_000 })).toEqual([{ run_id: runId, metrics: [], total_points: 0, sampled: false }]);
    const [s] = await sampled({ run_ids: [runId], metric_key: "r", min_x: 777 * 3 + 5, max_x: 777 * 3 + 5 });
    expect(s?.metrics).toHaveLength(1);
    expect(s?.metrics[0]?.value).toBeNaN();
  });
});

describe("several runs, unknown runs and keys", () => {
  it("answers one entry per distinct run id, in request order; unknown runs and keys have no points (as MLflow's history endpoints)", async () => {
    const a = await seed(series("k", 3000, { seed: 2 }));
    const b = await seed(series("k", 50, { seed: 3 }));
    const ghost = "0".repeat(32);
    const res = await t.api.get(PATH, { run_ids: [b, ghost, a, b], metric_key: "k", max_points: 100 });
    expectOk(res);
    expect(res.text).toContain(`{"run_id":"${ghost}","total_points":0,"sampled":false}`);
    const list = decodeSampledMetricHistory(res.json as Record<string, unknown>).series ?? [];
    expect(list.map((s) => [s.run_id, s.total_points, s.sampled, s.metrics.length <= 100])).toEqual([
      [b, 50, false, true],
      [ghost, 0, false, true],
      [a, 3000, true, true],
    ]);
    expect(await sampled({ run_ids: [a], metric_key: "no-such-key" })).toEqual([{ run_id: a, metrics: [], total_points: 0, sampled: false }]);
  });

  it("serves 100 runs in one GET", async () => {
    const runs = await Promise.all(Array.from({ length: 100 }, (_, i) => seed(series("many", 20, { seed: i }))));
    const list = await sampled({ run_ids: runs, metric_key: "many", max_points: 10 });
    expect(list.map((s) => s.run_id)).toEqual(runs);
    for (const s of list) expect(s.metrics.length).toBeLessThanOrEqual(10);
  });

  it("stores ±Infinity as ±DBL_MAX and returns it so, like MLflow", async () => {
    const runId = await seed(series("inf", 2000).map((m, i) => (i === 700 ? { ...m, value: Infinity } : i === 900 ? { ...m, value: -Infinity } : m)));
    const [s] = await sampled({ run_ids: [runId], metric_key: "inf", max_points: 20 });
    expect(s?.metrics.filter((m) => Math.abs(m.value) === DOUBLE_MAX).map((m) => [m.step, m.value])).toEqual([
      [700, DOUBLE_MAX],
      [900, -DOUBLE_MAX],
    ]);
  });
});

describe("bad input", () => {
  // Its own small database, so checking that nothing was written stays cheap.
  let small: TestApp;
  let runId = "";
  beforeAll(async () => {
    small = await createTestApp();
    runId = (await newRun(small.api)).info.run_id;
    await small.api.ok("logBatch", { run_id: runId, metrics: series("loss", 10) });
  });
  afterAll(() => small.close());

  it.each([
    ["more than 100 run ids", () => ({ run_ids: Array.from({ length: 101 }, (_, i) => `r${i}`), metric_key: "loss" }), /at most 100 run_ids\. Received 101/],
    ["no run ids", () => ({ metric_key: "loss" }), /run_ids/],
    ["no metric key", () => ({ run_ids: [runId] }), /metric_key/],
    ["max_points 0", () => ({ run_ids: [runId], metric_key: "loss", max_points: 0 }), /max_points must be between 1 and 10000/],
    ["max_points above the cap", () => ({ run_ids: [runId], metric_key: "loss", max_points: 10_001 }), /max_points must be between 1 and 10000/],
    ["max_points not an integer", () => ({ run_ids: [runId], metric_key: "loss", max_points: "many" }), /max_points/],
    ["min_x > max_x", () => ({ run_ids: [runId], metric_key: "loss", min_x: 10, max_x: 5 }), /min_x must not be greater than max_x\. Found min_x=10 and max_x=5/],
    ["min_x NaN", () => ({ run_ids: [runId], metric_key: "loss", min_x: "NaN" }), /NaN/],
    ["max_x not a number", () => ({ run_ids: [runId], metric_key: "loss", max_x: "soon" }), /max_x/],
    ["an unknown x_axis", () => ({ run_ids: [runId], metric_key: "loss", x_axis: "epoch" }), /x_axis/],
    ["a numeric x_axis", () => ({ run_ids: [runId], metric_key: "loss", x_axis: 1 }), /x_axis/],
  ] as const)("%s → 400 INVALID_PARAMETER_VALUE, nothing written", async (_name, query, message) => {
    const res = await expectNoWrite(small, () => small.api.get(PATH, query()));
    expectError(res, 400, IPV, message);
  });

  it("POST is not allowed", async () => {
    expectError(await small.api.post(PATH, { run_ids: [runId], metric_key: "loss" }), 405, "BAD_REQUEST");
  });

  it("the store refuses the same inputs (for in-process callers)", async () => {
    const call = (input: SampledHistoryInput): Promise<unknown> => small.store.getSampledMetricHistory(input);
    await expect(call({ run_ids: [], metric_key: "loss" })).rejects.toMatchObject({ errorCode: IPV });
    await expect(call({ run_ids: [runId], metric_key: "" })).rejects.toMatchObject({ errorCode: IPV });
    await expect(call({ run_ids: [runId], metric_key: "loss", max_points: 2.5 })).rejects.toMatchObject({ errorCode: IPV });
    await expect(call({ run_ids: [runId], metric_key: "loss", x_axis: "epoch" as "step" })).rejects.toMatchObject({ errorCode: IPV });
    await expect(call({ run_ids: [runId], metric_key: "loss", max_x: NaN })).rejects.toMatchObject({ errorCode: IPV });
  });
});

describe("wire format", () => {
  it("renders NaN as \"NaN\", omits an empty metrics list, keeps total_points and sampled", async () => {
    const runId = await seed(series("w", 3).map((m, i) => (i === 1 ? { ...m, value: NaN } : m)));
    const res = await t.api.get(PATH, { run_ids: [runId], metric_key: "w" });
    expect(JSON.parse(res.text)).toEqual({
      series: [{ run_id: runId, metrics: withNaNAsString((await t.store.getMetricHistory(runId, "w")).items), total_points: 3, sampled: false }],
    });
  });
});
