import { describe, expect, it } from "vitest";
import { formatDelta, metricDelta } from "./metric-delta.js";

describe("metricDelta", () => {
  it("gives the absolute difference and the percent of the reference's magnitude", () => {
    expect(metricDelta(0.75, 0.5)).toEqual({ absolute: 0.25, percent: 50 });
    expect(metricDelta(-3, -2)).toEqual({ absolute: -1, percent: -50 });
  });

  it("has no percent against a zero reference and no delta without two finite values", () => {
    expect(metricDelta(2, 0)).toEqual({ absolute: 2, percent: undefined });
    expect(metricDelta(undefined, 1)).toBeUndefined();
    expect(metricDelta(1, undefined)).toBeUndefined();
    expect(metricDelta(Number.NaN, 1)).toBeUndefined();
    expect(metricDelta(1, Infinity)).toBeUndefined();
    // ±Infinity as MLflow returns it.
    expect(metricDelta(0.5, Number.MAX_VALUE)).toBeUndefined();
    expect(metricDelta(-Number.MAX_VALUE, 0.5)).toBeUndefined();
  });
});

describe("formatDelta", () => {
  it("spells out the sign and rounds the percent by size", () => {
    expect(formatDelta({ absolute: 0.25, percent: 50 })).toBe("+0.25 (+50.0%)");
    expect(formatDelta({ absolute: -1, percent: -150 })).toBe("−1 (−150%)");
    expect(formatDelta({ absolute: 0.3 - 0.1 - 0.2, percent: 0.1234 })).toMatch(/^[+−]?\S+ \(\+0\.12%\)$/);
    expect(formatDelta({ absolute: 0, percent: 0 })).toBe("0 (0%)");
    expect(formatDelta({ absolute: 2, percent: undefined })).toBe("+2");
  });
});
