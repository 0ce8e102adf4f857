import { describe, expect, it } from "vitest";
import { columnsOfSeries, type SampledMetricSeries } from "../../../core/charts/index.js";
import { DEFAULT_CHART_SETTINGS, type ChartSettings } from "./chart-settings.js";
import { formatTick, formatX, pointAt, pointNear, toPlotSeries, xAxisTicks, xDomain, xTickBudget, yAxisTicks, yDomain, type PlotPoint, type PlotSeries } from "./chart-series.js";

const T0 = 1_700_000_000_000;
const DBL_MAX = 1.7976931348623157e308;

function sampled(values: readonly number[], extra: Partial<SampledMetricSeries> = {}): SampledMetricSeries {
  return {
    run_id: "r1",
    metrics: values.map((value, i) => ({ key: "loss", value, timestamp: T0 + 5000 + i * 1000, step: i * 10 })),
    total_points: values.length * 3,
    sampled: true,
    ...extra,
  };
}

const plot = (s: SampledMetricSeries, settings: Partial<ChartSettings> = {}) => toPlotSeries(columnsOfSeries(s), { runName: "run", color: "#000" }, { ...DEFAULT_CHART_SETTINGS, ...settings });
/** A series' points as objects. */
const pointsOf = (s: PlotSeries): PlotPoint[] => Array.from({ length: s.points.length }, (_, i) => pointAt(s.points, i));

describe("toPlotSeries", () => {
  it("puts x on the chosen axis; relative time counts from the series' origin", () => {
    const s = sampled([1, 2, 3], { x_origin: T0 });
    expect(pointsOf(plot(s)).map((p) => p.x)).toEqual([0, 10, 20]);
    expect(pointsOf(plot(s, { xAxis: "time" })).map((p) => p.x)).toEqual([T0 + 5000, T0 + 6000, T0 + 7000]);
    expect(pointsOf(plot(s, { xAxis: "relative" })).map((p) => p.x)).toEqual([5000, 6000, 7000]);
    // Without an origin from the server (MLflow fallback), the first point is the origin.
    expect(pointsOf(plot(sampled([1, 2]), { xAxis: "relative" })).map((p) => p.x)).toEqual([0, 1000]);
  });

  it("draws NaN and ±Infinity (±DBL_MAX) as markers, breaks the line there, and counts points", () => {
    const p = plot(sampled([1, NaN, 2, DBL_MAX, -DBL_MAX, 3]));
    expect(pointsOf(p).map((q) => q.y)).toEqual([1, null, 2, null, null, 3]);
    expect(p.markers.map((m) => m.edge)).toEqual(["top", "top", "bottom"]);
    expect([p.shown, p.total]).toEqual([6, 18]);
  });

  it("keeps raw and smoothed values when the server smoothed", () => {
    const p = plot(sampled([1.5, 2.5], { raw_values: [1, 4] }));
    expect(pointsOf(p).map((q) => [q.y, q.raw, q.smoothed])).toEqual([
      [1.5, 1, 1.5],
      [2.5, 4, 2.5],
    ]);
  });

  it("leaves values ≤ 0 off a log scale", () => {
    expect(pointsOf(plot(sampled([0, -1, 5]), { yScale: "log" })).map((q) => q.y)).toEqual([null, null, 5]);
  });
});

describe("yDomain", () => {
  const curve = [...Array.from({ length: 200 }, (_, i) => 1 + Math.sin(i / 10)), 1000];

  it("covers every value by default", () => {
    const [lo, hi] = yDomain([plot(sampled(curve))], DEFAULT_CHART_SETTINGS) ?? [NaN, NaN];
    expect(hi).toBe(1000);
    expect(lo).toBeLessThan(0.01);
  });

  it("ignores outliers: the 1st–99th percentile, so one spike no longer sets the scale", () => {
    const [lo, hi] = yDomain([plot(sampled(curve))], { ignoreOutliers: true, yScale: "linear" }) ?? [NaN, NaN];
    expect(hi).toBeLessThan(2);
    expect(lo).toBeGreaterThan(0);
  });

  it("makes room for the logged values drawn behind a smoothed line, except markers and, on a log scale, values ≤ 0", () => {
    const smoothed = plot(sampled([2, 2.5, 3, NaN], { raw_values: [1, 4, DBL_MAX, NaN] }));
    expect(yDomain([smoothed], DEFAULT_CHART_SETTINGS)).toEqual([1, 4]);
    const log = plot(sampled([2, 2.5, 3], { raw_values: [-1, 4, 2] }), { yScale: "log" });
    expect(yDomain([log], { ignoreOutliers: false, yScale: "log" })).toEqual([2, 4]);
    const [lo, hi] = yDomain([smoothed], { ignoreOutliers: true, yScale: "linear" }) ?? [NaN, NaN];
    expect(lo).toBeLessThan(2);
    expect(hi).toBeGreaterThan(3);
  });

  it("pads a flat line, stays positive on a log scale, and is undefined with nothing to draw", () => {
    expect(yDomain([plot(sampled([3, 3]))], DEFAULT_CHART_SETTINGS)).toEqual([2.7, 3.3]);
    const [lo] = yDomain([plot(sampled([0.001, 10, 100]), { yScale: "log" })], { ignoreOutliers: false, yScale: "log" }) ?? [NaN];
    expect(lo).toBeGreaterThan(0);
    expect(yDomain([plot(sampled([NaN]))], DEFAULT_CHART_SETTINGS)).toBeUndefined();
  });
});

describe("xDomain, pointNear and formatX", () => {
  it("spans the runs' points, or the zoom", () => {
    expect(xDomain([plot(sampled([1, 2, 3])), plot(sampled([1]))], undefined)).toEqual([0, 20]);
    expect(xDomain([plot(sampled([1, 2]))], { min: 3, max: 4 })).toEqual([3, 4]);
    expect(xDomain([], undefined)).toBeUndefined();
    // A run logged at one step: that step is the axis's only tick, with no "-1" beside step 0.
    const single = xDomain([plot(sampled([0.5]))], undefined);
    expect(single).toEqual([-0.5, 0.5]);
    expect(xAxisTicks(single ?? [0, 0], "step")).toEqual([0]);
  });

  const ALL = [-Infinity, Infinity] as const;

  it("finds the nearest point by x inside the run's range", () => {
    const points = plot(sampled([1, 2, 3, 4])).points;
    expect([0, 4, 6, 14, 16, 30].map((x) => pointNear(points, x, 0, ALL)?.x)).toEqual([0, 0, 10, 10, 20, 30]);
    expect(pointNear(plot(sampled([])).points, 3, 100, ALL)).toBeUndefined();
  });

  it("shows nothing of a run far past its first or last point, only within reach", () => {
    const points = plot(sampled([1, 2, 3, 4])).points;
    expect(pointNear(points, 1600, 5, ALL)).toBeUndefined();
    expect(pointNear(points, -6, 5, ALL)).toBeUndefined();
    expect(pointNear(points, 34, 5, ALL)?.x).toBe(30);
    // A run logged once, at step 0: shown only near step 0.
    const once = plot(sampled([2.5])).points;
    expect(pointNear(once, 3, 5, ALL)?.raw).toBe(2.5);
    expect(pointNear(once, 1600, 5, ALL)).toBeUndefined();
  });

  it("never shows a point outside the zoomed domain: the nearest one inside it instead", () => {
    const points = plot(sampled([1, 2, 3, 4, 5])).points;
    expect(pointNear(points, 19, 0, [0, 18])?.x).toBe(10);
    expect(pointNear(points, 21, 0, [22, 40])?.x).toBe(30);
    expect(pointNear(points, 15, 0, [12, 18])).toBeUndefined();
  });

  it("formats steps, wall time and relative time differently", () => {
    expect(formatX(12000, "step")).toMatch(/^12.?000$/);
    expect(formatX(T0, "time")).toMatch(/^2023-11-1\d \d\d:\d\d:\d\d$/);
    expect(formatX(3_723_000, "relative")).toBe("1h 02m");
  });
});

describe("yAxisTicks", () => {
  it("rounds a linear domain out to a nice step when that is close, and ticks every step", () => {
    expect(yAxisTicks([0.018, 1000], "linear")).toEqual({ domain: [0, 1000], ticks: [0, 200, 400, 600, 800, 1000] });
    expect(yAxisTicks([-0.16, 0.78], "linear")).toEqual({ domain: [-0.2, 0.8], ticks: [-0.2, 0, 0.2, 0.4, 0.6, 0.8] });
  });

  it("pads instead where the next round value would waste the plot, and does not cross zero for it", () => {
    // A loss dipping to −0.04 with a spike at 85: not −20…100.
    const { domain, ticks } = yAxisTicks([-0.04, 85], "linear");
    expect(domain[0]).toBeCloseTo(-0.04 - 85.04 * 0.03);
    expect(domain[1]).toBeCloseTo(85 + 85.04 * 0.03);
    expect(ticks).toEqual([0, 20, 40, 60, 80]);
    // Positive data keeps a floor of 0, negative data a ceiling of 0.
    expect(yAxisTicks([0.5, 85], "linear").domain[0]).toBe(0);
    expect(yAxisTicks([-85, -0.5], "linear").domain[1]).toBe(0);
  });

  it("ticks a log scale at powers of ten, subdivided over a short range, with a tick at each end (log-ticks.ts)", () => {
    expect(yAxisTicks([0.03, 1.2], "log")).toEqual({ domain: [0.02, 2], ticks: [0.02, 0.05, 0.1, 0.2, 0.5, 1, 2] });
    expect(yAxisTicks([0.15, 0.9], "log")).toEqual({ domain: [0.1, 1], ticks: [0.1, 0.2, 0.3, 0.5, 1] });
    expect(yAxisTicks([1e-6, 10], "log").ticks).toEqual([1e-6, 1e-5, 1e-4, 0.001, 0.01, 0.1, 1, 10]);
    expect(yAxisTicks([0.3, 0.4], "log").ticks.length).toBeGreaterThanOrEqual(2);
  });
});

describe("xAxisTicks", () => {
  it("ticks steps at round numbers inside the domain", () => {
    expect(xAxisTicks([60_000, 60_401], "step")).toEqual([60_000, 60_100, 60_200, 60_300, 60_400]);
    expect(xAxisTicks([0, 99_999], "step")).toEqual([0, 20_000, 40_000, 60_000, 80_000]);
  });

  it("ticks no more steps than a narrow plot has room for", () => {
    // A 240 px plot with 3-digit labels: 0, 50, 100, 150; a wide one every 25.
    expect(xAxisTicks([0, 195], "step", xTickBudget(240, 3))).toEqual([0, 50, 100, 150]);
    expect(xAxisTicks([0, 195], "step", xTickBudget(1200, 3))).toEqual([0, 25, 50, 75, 100, 125, 150, 175]);
    expect(xAxisTicks([0, 3_600_000], "relative", xTickBudget(150, 5)).length).toBeLessThanOrEqual(3);
    // A 26-minute wall-time span in a 355 px plot: every 5 minutes, as on a wide chart.
    const lo = new Date(2026, 10, 28, 0, 31).getTime();
    expect(xAxisTicks([lo, lo + 26 * 60_000], "time", xTickBudget(355, 5)).map((t) => new Date(t).getMinutes())).toEqual([35, 40, 45, 50, 55]);
  });

  it("budgets x ticks by the plot's width and the labels' length", () => {
    expect(xTickBudget(302, 3)).toBe(8);
    expect(xTickBudget(240, 3)).toBe(7);
    expect(xTickBudget(302, 7)).toBe(5);
    expect(xTickBudget(5000, 3)).toBe(8);
    expect(xTickBudget(40, 9)).toBe(2);
    expect(xTickBudget(0, 3)).toBe(8);
  });

  it("ticks only whole steps, however short the range", () => {
    expect(xAxisTicks([-1, 1], "step")).toEqual([-1, 0, 1]);
    expect(xAxisTicks([3.2, 4.8], "step")).toEqual([4]);
    expect(xAxisTicks([0, 3], "step")).toEqual([0, 1, 2, 3]);
    // A 2.5 step before: 0, 2.5, 5, 7.5, …
    expect(xAxisTicks([0, 14], "step")).toEqual([0, 2, 4, 6, 8, 10, 12, 14]);
  });

  it("labels step ticks distinctly, compact only where one decimal of k is exact", () => {
    const labels = (lo: number, hi: number) => {
      const ticks = xAxisTicks([lo, hi], "step");
      return ticks.map((t) => formatTick(t, "step", hi - lo, (ticks[1] ?? 0) - (ticks[0] ?? 0)));
    };
    expect(labels(60_000, 60_401)).toEqual(["60k", "60.1k", "60.2k", "60.3k", "60.4k"]);
    expect(labels(0, 99_999)).toEqual(["0", "20k", "40k", "60k", "80k"]);
    expect(labels(12_340, 12_346)).toEqual(["12,340", "12,341", "12,342", "12,343", "12,344", "12,345", "12,346"]);
    expect(labels(0, 170_000)).toEqual(["0", "25k", "50k", "75k", "100k", "125k", "150k"]);
    for (const [lo, hi] of [[12_345, 12_360], [99_990, 100_020], [1_234_500, 1_236_000]] as const) {
      const all = labels(lo, hi);
      expect(new Set(all).size, all.join(" ")).toBe(all.length);
    }
  });

  it("ticks relative time at round durations", () => {
    const ticks = xAxisTicks([0, 9_999_900], "relative");
    expect(ticks).toEqual([0, 1, 2, 3, 4, 5].map((n) => n * 1_800_000));
    expect(ticks.map((t) => formatTick(t, "relative", 9_999_900))).toEqual(["0", "30m 00s", "1h 00m", "1h 30m", "2h 00m", "2h 30m"]);
    expect(xAxisTicks([0, 95_000], "relative")).toEqual([0, 30_000, 60_000, 90_000]);
  });

  it("ticks wall time at round local clock times", () => {
    const lo = new Date(2023, 10, 14, 22, 13, 20).getTime();
    const ticks = xAxisTicks([lo, lo + 2.7 * 3_600_000], "time");
    expect(ticks.map((t) => formatTick(t, "time", 2.7 * 3_600_000))).toEqual(["22:30", "23:00", "23:30", "00:00", "00:30"]);
  });
});
