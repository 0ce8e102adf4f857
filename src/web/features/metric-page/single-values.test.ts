import { describe, expect, it } from "vitest";
import type { PlotSeries } from "./chart-series.js";
import { singleValueBars } from "./single-values.js";

/** A series with the given logged values (one point per value), as the chart builds it. */
function series(runId: string, values: readonly number[], markers = 0): PlotSeries {
  const column = Float64Array.from(values);
  return {
    runId,
    runName: `run ${runId}`,
    color: "#0060e8",
    points: { length: values.length, x: Float64Array.from(values.map((_, i) => i)), y: column, raw: column, step: Float64Array.from(values.map((_, i) => i)) },
    markers: Array.from({ length: markers }, () => ({ x: 0, raw: Number.NaN, edge: "top" as const })),
    shown: values.length + markers,
    total: values.length + markers,
    offScale: 0,
  };
}

describe("singleValueBars", () => {
  it("draws runs that logged a metric once as bars from zero, scaled to the largest", () => {
    const result = singleValueBars([series("a", [0.5]), series("b", [1]), series("c", [0.25])]);
    expect(result?.zero).toBe(0);
    expect(result?.bars.map((b) => [b.runId, b.value, b.from, b.to])).toEqual([
      ["a", 0.5, 0, 0.5],
      ["b", 1, 0, 1],
      ["c", 0.25, 0, 0.25],
    ]);
  });

  it("puts zero inside the axis when values have both signs, and a run without a value has no bar", () => {
    const result = singleValueBars([series("up", [3]), series("down", [-1]), series("none", [])]);
    expect(result?.zero).toBe(0.25);
    expect(result?.bars.map((b) => [b.runId, b.value, b.from, b.to])).toEqual([
      ["up", 3, 0.25, 1],
      ["down", -1, 0, 0.25],
      ["none", undefined, 0.25, 0.25],
    ]);
  });

  it("leaves to the line chart a metric logged more than once, one with NaN or ±Inf, or one with no value at all", () => {
    expect(singleValueBars([series("a", [0.5]), series("b", [0.4, 0.3])])).toBeUndefined();
    expect(singleValueBars([series("a", [0.5]), series("b", [], 1)])).toBeUndefined();
    expect(singleValueBars([series("a", [])])).toBeUndefined();
    expect(singleValueBars([])).toBeUndefined();
  });

  it("gives all-zero values an axis without dividing by zero", () => {
    expect(singleValueBars([series("a", [0]), series("b", [0])])?.bars.map((b) => [b.from, b.to])).toEqual([
      [0, 0],
      [0, 0],
    ]);
  });
});
