import { describe, expect, it } from "vitest";
import { columnsOfSeries } from "../../../core/charts/index.js";
import { DOUBLE_MAX } from "../../../test-support/generators.js";
import { DEFAULT_CHART_SETTINGS } from "./chart-settings.js";
import { toPlotSeries } from "./chart-series.js";
import { strokeRun, type RunCanvas } from "./stroke-run.js";

/** A canvas that records the path calls, one string each. */
function recordingCanvas(): RunCanvas & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    lineWidth: 1,
    strokeStyle: "",
    fillStyle: "",
    beginPath: () => calls.push("begin"),
    moveTo: (x, y) => calls.push(`M${x},${y}`),
    lineTo: (x, y) => calls.push(`L${x},${y}`),
    arc: (x, y, r) => calls.push(`arc${x},${y},${r}`),
    stroke: () => calls.push("stroke"),
    fill: () => calls.push("fill"),
  };
}

/** A run whose i-th value is at step i; drawn on identity scales (≤ 0 has no place on a log scale). */
function draw(values: number[], yScale: "linear" | "log" = "linear") {
  const series = toPlotSeries(
    columnsOfSeries({ run_id: "r", metrics: values.map((value, step) => ({ key: "m", value, step, timestamp: step })), total_points: values.length, sampled: false }),
    { runName: "r", color: "#123456" },
    { ...DEFAULT_CHART_SETTINGS, yScale },
  );
  const g = recordingCanvas();
  const drawn = strokeRun(g, series, (v) => v, (v) => (yScale === "log" && v <= 0 ? undefined : v), 1);
  return { calls: g.calls, drawn };
}

describe("strokeRun", () => {
  it("draws one line through finite points", () => {
    const { calls, drawn } = draw([1, 2, 3]);
    expect(calls).toEqual(["begin", "M0,1", "L1,2", "L2,3", "stroke"]);
    expect(drawn.points).toBe(3);
  });

  it("breaks the line at NaN and ±Infinity instead of bridging the gap", () => {
    const { calls } = draw([1, 2, NaN, 4, 5, DOUBLE_MAX, 7, 8]);
    expect(calls).toEqual(["begin", "M0,1", "L1,2", "M3,4", "L4,5", "M6,7", "L7,8", "stroke"]);
  });

  it("draws a point alone between gaps as a dot, and a run with one point as a larger one", () => {
    const { calls } = draw([1, 2, NaN, 4, NaN, 6, 7]);
    expect(calls.slice(-4)).toEqual(["begin", "M4.5,4", "arc3,4,1.5", "fill"]);
    const lone = draw([NaN, 5]);
    expect(lone.calls).toEqual(["begin", "M1,5", "begin", "M4.5,5", "arc1,5,3.5", "fill"]);
    expect(lone.drawn.points).toBe(1);
  });

  it("draws the logged values when given them, broken at NaN and ±DBL_MAX (±Infinity as logged)", () => {
    const series = toPlotSeries(
      columnsOfSeries({ run_id: "r", metrics: [3, 3, 3, 3].map((value, step) => ({ key: "m", value, step, timestamp: step })), total_points: 4, sampled: false, raw_values: [1, DOUBLE_MAX, 5, 6] }),
      { runName: "r", color: "#123456" },
      { ...DEFAULT_CHART_SETTINGS, smoothing: 0.5 },
    );
    const g = recordingCanvas();
    const drawn = strokeRun(g, series, (v) => v, (v) => v, 1, series.points.raw);
    expect(g.calls).toEqual(["begin", "M0,1", "M2,5", "L3,6", "stroke", "begin", "M1.5,1", "arc0,1,1.5", "fill"]);
    expect(drawn.points).toBe(3);
  });

  it("breaks at values ≤ 0 on a log scale", () => {
    const { calls } = draw([1, 2, -1, 0, 5, 6], "log");
    expect(calls).toEqual(["begin", "M0,1", "L1,2", "M4,5", "L5,6", "stroke"]);
  });

  it("digests the drawn positions, so a different drawing has a different digest", () => {
    expect(draw([1, 2, 3]).drawn.digest).toMatch(/^[0-9a-f]{8}$/);
    expect(draw([1, 2, 3]).drawn.digest).toBe(draw([1, 2, 3]).drawn.digest);
    expect(draw([1, 2, 3]).drawn.digest).not.toBe(draw([1, 2, 4]).drawn.digest);
  });
});
