import { describe, expect, it } from "vitest";
import { logTicks } from "./log-ticks.js";

describe("logTicks", () => {
  it("ticks powers of ten over more than two decades, the domain widened to them", () => {
    expect(logTicks(0.0009, 80)).toEqual({ domain: [1e-4, 100], ticks: [1e-4, 0.001, 0.01, 0.1, 1, 10, 100] });
    // Over a few decades the ends stop at 2 or 5 × 10^k rather than a decade past the data.
    expect(logTicks(0.003, 2.5)).toEqual({ domain: [0.002, 5], ticks: [0.002, 0.01, 0.1, 1, 5] });
    expect(logTicks(0.012, 2.4)).toEqual({ domain: [0.01, 5], ticks: [0.01, 0.1, 1, 5] });
    expect(logTicks(1e-6, 10)).toEqual({ domain: [1e-6, 10], ticks: [1e-6, 1e-5, 1e-4, 0.001, 0.01, 0.1, 1, 10] });
  });

  it("ticks every k-th power of ten over many decades", () => {
    const axis = logTicks(1e-10, 1e10);
    expect(axis?.ticks.length).toBeLessThanOrEqual(9);
    expect(axis?.ticks).toEqual([1e-12, 1e-9, 1e-6, 0.001, 1, 1000, 1e6, 1e9, 1e12]);
    expect(axis?.domain).toEqual([1e-12, 1e12]);
  });

  it("adds 2 and 5 between powers of ten over one to two decades, labelling the bottom too", () => {
    // The reviewer's axis: "2 / 1 / 0.5" with data below 0.5 and nothing labelled there.
    expect(logTicks(0.31, 4.5)).toEqual({ domain: [0.2, 5], ticks: [0.2, 0.5, 1, 2, 5] });
    expect(logTicks(0.03, 1.2)).toEqual({ domain: [0.02, 2], ticks: [0.02, 0.05, 0.1, 0.2, 0.5, 1, 2] });
  });

  it("adds 3 under one decade", () => {
    expect(logTicks(0.31, 2.4)).toEqual({ domain: [0.3, 3], ticks: [0.3, 0.5, 1, 2, 3] });
    expect(logTicks(0.15, 0.9)).toEqual({ domain: [0.1, 1], ticks: [0.1, 0.2, 0.3, 0.5, 1] });
  });

  it("uses round linear steps under a factor of ~2.5, with both ends on a tick", () => {
    // The reviewer's axis: only "0.35" and "0.55" labelled.
    expect(logTicks(0.33, 0.58)).toEqual({ domain: [0.3, 0.6], ticks: [0.3, 0.4, 0.5, 0.6] });
    expect(logTicks(0.35, 0.55)).toEqual({ domain: [0.3, 0.6], ticks: [0.3, 0.4, 0.5, 0.6] });
    expect(logTicks(0.012, 0.02)).toEqual({ domain: [0.012, 0.02], ticks: [0.012, 0.014, 0.016, 0.018, 0.02] });
    // A flat line's band (chart-series pads it by √2 each side).
    expect(logTicks(1 / Math.SQRT2, Math.SQRT2)).toEqual({ domain: [0.6, 1.6], ticks: [0.6, 0.8, 1, 1.2, 1.4, 1.6] });
  });

  it("always starts and ends on a tick, with at least two ticks, inside a positive domain", () => {
    for (const lo of [1e-9, 0.0007, 0.04, 0.33, 1, 7.5, 123, 9e5]) {
      for (const factor of [1.01, 1.3, 2, 3, 9, 30, 99, 1e3, 1e7]) {
        const axis = logTicks(lo, lo * factor);
        if (!axis) throw new Error(`no axis for ${lo}…${lo * factor}`);
        const [from, to] = axis.domain;
        expect(from, `${lo}×${factor}`).toBeGreaterThan(0);
        expect(from).toBeLessThanOrEqual(lo);
        expect(to).toBeGreaterThanOrEqual(lo * factor * (1 - 1e-12));
        expect(axis.ticks[0]).toBe(from);
        expect(axis.ticks[axis.ticks.length - 1]).toBe(to);
        expect(axis.ticks.length).toBeGreaterThanOrEqual(2);
        expect(axis.ticks.length).toBeLessThanOrEqual(12);
        expect([...axis.ticks].sort((a, b) => a - b)).toEqual(axis.ticks);
      }
    }
  });

  it("is undefined for a range a log axis cannot show", () => {
    expect(logTicks(0, 1)).toBeUndefined();
    expect(logTicks(-1, 1)).toBeUndefined();
    expect(logTicks(2, 1)).toBeUndefined();
    expect(logTicks(1, Infinity)).toBeUndefined();
  });
});
