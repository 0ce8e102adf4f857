import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endpoints, type Metric } from "../../core/index.js";
import { decodeSampledMetricHistory, downsampleMinMax, emaWarmUp, smoothEma, type SampledMetricSeries } from "../../core/charts/index.js";
import type { Query } from "../../test-support/api-client.js";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { expectError, expectOk } from "../../test-support/expect-api.js";
import { newRun } from "../../test-support/fixtures.js";
import { BASE_TIME, metricHistory } from "../../test-support/generators.js";

/**
 * The sampled history's `smoothing` (a debiased EMA over the raw series, then min/max
 * downsampling) and its `relative_time` axis. The answer must be what `smoothEma` then
 * `downsampleMinMax` give over the full stored history.
 */
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

const PATH = endpoints.getSampledMetricHistory.path;
const N = 300;
const LENGTH = 60_000;
const SPIKE = 31_337;
const NAN = 12_345;
/** Distinct noisy values (a hash of the step), one planted spike and one NaN. */
const value = (step: number): number => (step === SPIKE ? 500 : step === NAN ? NaN : Math.sin(step / 900) + (((step * 2654435761) >>> 0) / 2 ** 32) * 0.5);

let runId = "";
let full: Metric[] = [];
beforeAll(async () => {
  runId = (await newRun(t.api)).info.run_id;
  // Timestamps start late and are 250 ms apart, so relative time differs from both other axes.
  const metrics = metricHistory("loss", LENGTH, { value, baseTime: BASE_TIME + 5_000_000 }).map((m) => ({ ...m, timestamp: BASE_TIME + 5_000_000 + m.step * 250 }));
  for (let i = 0; i < metrics.length; i += 1000) await t.store.logBatch(runId, { metrics: metrics.slice(i, i + 1000) });
  full = (await t.store.getMetricHistory(runId, "loss")).items;
});

async function sampled(query: Query): Promise<SampledMetricSeries> {
  const res = await t.api.get(PATH, { run_ids: [runId], metric_key: "loss", max_points: N, ...query });
  expectOk(res);
  const [only] = decodeSampledMetricHistory(res.json as Record<string, unknown>).series ?? [];
  if (!only) throw new Error("no series");
  return only;
}

/** The smoothed full series (step order), min/max-picked over `inside` on the axis `x`. */
function expected(weight: number, x: (m: Metric) => number, inside: (m: Metric) => boolean = () => true): { step: number; value: number; raw: number }[] {
  const smoothed = smoothEma(
    full.map((m) => ({ x: x(m), y: m.value, m })),
    weight,
  ).filter((p) => inside(p.m));
  smoothed.sort((a, b) => a.x - b.x || a.m.step - b.m.step);
  return downsampleMinMax(smoothed, N).map((p) => ({ step: p.m.step, value: p.y, raw: p.m.value }));
}

const got = (s: SampledMetricSeries): { step: number; value: number; raw: number }[] => s.metrics.map((m, i) => ({ step: m.step, value: m.value, raw: s.raw_values?.[i] ?? Infinity }));

describe("smoothing", () => {
  it.each([0.6, 0.95, 0.99])("weight %f: the smoothed series' min/max picks, with each point's raw value", async (weight) => {
    const s = await sampled({ smoothing: weight });
    expect(s.total_points).toBe(LENGTH);
    expect(s.sampled).toBe(true);
    expect(got(s)).toEqual(expected(weight, (m) => m.step));
    // The NaN is kept as a marker and the smoothed line does not swallow it.
    expect(s.metrics.find((m) => m.step === NAN)?.value).toBeNaN();
    expect(s.raw_values?.[s.metrics.findIndex((m) => m.step === SPIKE)]).toBe(500);
  });

  it("changes the values: smoothing flattens the spike", async () => {
    const raw = await sampled({});
    const smooth = await sampled({ smoothing: 0.9 });
    expect(raw.raw_values).toBeUndefined();
    expect(Math.max(...raw.metrics.map((m) => m.value).filter(Number.isFinite))).toBe(500);
    expect(Math.max(...smooth.metrics.map((m) => m.value).filter(Number.isFinite))).toBeLessThan(60);
  });

  it("on the timestamp axis: the same EMA (in step order), picked by time", async () => {
    const s = await sampled({ smoothing: 0.8, x_axis: "timestamp" });
    expect(got(s)).toEqual(expected(0.8, (m) => m.timestamp));
  });

  it("a zoomed step range is smoothed as in the full view (a warm-up before the range, not a restart)", async () => {
    const min = 50_000;
    const max = 54_321;
    expect(min).toBeGreaterThan(emaWarmUp(0.99));
    const s = await sampled({ smoothing: 0.99, min_x: min, max_x: max });
    const want = expected(0.99, (m) => m.step, (m) => m.step >= min && m.step <= max);
    expect(s.total_points).toBe(max - min + 1);
    expect(s.metrics.map((m) => m.step)).toEqual(want.map((w) => w.step));
    s.metrics.forEach((m, i) => expect(m.value).toBeCloseTo(want[i]?.value ?? NaN, 7));
    // A range near the start needs no warm-up: it is exact.
    const early = await sampled({ smoothing: 0.99, max_x: 777 });
    expect(got(early)).toEqual(expected(0.99, (m) => m.step, (m) => m.step <= 777));
  });

  it.each([
    ["negative", -0.1],
    ["1", 1],
    ["above 0.99", 0.995],
    ["not a number", "strong"],
    ["NaN", "NaN"],
  ])("smoothing %s → 400 INVALID_PARAMETER_VALUE", async (_name, smoothing) => {
    const res = await t.api.get(PATH, { run_ids: [runId], metric_key: "loss", smoothing });
    expectError(res, 400, "INVALID_PARAMETER_VALUE", /smoothing/);
  });
});

describe("relative time", () => {
  const origin = BASE_TIME + 5_000_000;

  it("x is the time since the series' first timestamp: x_origin, and a range in relative milliseconds", async () => {
    const all = await sampled({ x_axis: "relative_time" });
    expect(all.x_origin).toBe(origin);
    const byTime = await sampled({ x_axis: "timestamp" });
    expect(all.metrics).toEqual(byTime.metrics);

    const zoomed = await sampled({ x_axis: "relative_time", min_x: 1_000_000, max_x: 2_000_000 });
    expect(zoomed.x_origin).toBe(origin);
    expect(zoomed.total_points).toBe(4001);
    for (const m of zoomed.metrics) expect(m.timestamp - origin).toBeGreaterThanOrEqual(1_000_000);
    expect(zoomed.metrics).toEqual((await sampled({ x_axis: "timestamp", min_x: origin + 1_000_000, max_x: origin + 2_000_000 })).metrics);
  });

  it("with smoothing too", async () => {
    const s = await sampled({ x_axis: "relative_time", smoothing: 0.7 });
    expect(got(s)).toEqual(expected(0.7, (m) => m.timestamp));
  });

  it("an unknown key has no origin and no points", async () => {
    expect(await sampled({ x_axis: "relative_time", metric_key: "nope" })).toEqual({ run_id: runId, metrics: [], total_points: 0, sampled: false });
  });
});
