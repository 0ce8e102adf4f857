import { describe, expect, it } from "vitest";
import { logPosition, logTicks, paddedLogAxis, wantsLogScale } from "./log-axis.js";

describe("wantsLogScale", () => {
  it("takes a geometric sweep spanning a decade or more", () => {
    expect(wantsLogScale([1e-5, 1e-4, 1e-3, 1e-2])).toBe(true);
    expect(wantsLogScale([0.001, 0.003, 0.01, 0.03, 0.01, 0.001])).toBe(true);
    expect(wantsLogScale([16, 32, 64, 128, 256])).toBe(true);
  });

  it("keeps a linear axis where values spread evenly on it, even over a decade", () => {
    expect(wantsLogScale([0.05, 0.5, 0.9, 0.95])).toBe(false);
    expect(wantsLogScale([10, 20, 30, 40, 50, 60, 70, 80, 90, 100])).toBe(false);
  });

  it("keeps a linear axis for narrow ranges, two values, zeros, negatives and non-finite values", () => {
    expect(wantsLogScale([1, 2, 4, 8])).toBe(false);
    expect(wantsLogScale([1, 1000])).toBe(false);
    expect(wantsLogScale([0, 1e-3, 1e-2, 1])).toBe(false);
    expect(wantsLogScale([-1, 1, 10, 1000])).toBe(false);
    expect(wantsLogScale([1, 10, 100, Infinity])).toBe(false);
    expect(wantsLogScale([])).toBe(false);
  });
});

describe("logPosition", () => {
  it("puts each decade an equal step apart", () => {
    expect(logPosition(1e-5, 1e-5, 1e-1)).toBe(0);
    expect(logPosition(1e-3, 1e-5, 1e-1)).toBeCloseTo(0.5);
    expect(logPosition(1e-1, 1e-5, 1e-1)).toBeCloseTo(1);
    expect(logPosition(3, 3, 3)).toBe(0.5);
  });
});

describe("logTicks", () => {
  it("marks the powers of ten inside the range, exactly written", () => {
    expect(logTicks(1e-5, 1e-1)).toEqual([1e-5, 1e-4, 1e-3, 1e-2, 1e-1]);
    expect(logTicks(3e-5, 0.2)).toEqual([1e-4, 1e-3, 1e-2, 0.1]);
    expect(logTicks(1e-7, 1e-7 * 1.0000001).every((t) => String(t).length < 8)).toBe(true);
  });

  it("thins out many decades to about `count` + 1 ticks", () => {
    const ticks = logTicks(1e-12, 1e12, 5);
    expect(ticks.length).toBeLessThanOrEqual(6);
    expect(ticks[0]).toBe(1e-12);
  });

  it("falls back to 1-2-5 steps when fewer than three powers of ten fit", () => {
    expect(logTicks(3, 300)).toEqual([5, 10, 20, 50, 100, 200]);
    expect(logTicks(3, 90)).toEqual([5, 10, 20, 50]);
    expect(logTicks(0.002, 0.09)).toEqual([0.002, 0.005, 0.01, 0.02, 0.05]);
  });

  it("has nothing for a range it cannot draw", () => {
    expect(logTicks(0, 10)).toEqual([]);
    expect(logTicks(-1, 10)).toEqual([]);
    expect(logTicks(10, 1)).toEqual([]);
  });
});

describe("paddedLogAxis", () => {
  it("spares a little on each side, in decades, and ticks inside", () => {
    const { domain, ticks } = paddedLogAxis([1e-4, 1e-2]);
    expect(domain[0]).toBeLessThan(1e-4);
    expect(domain[1]).toBeGreaterThan(1e-2);
    expect(ticks).toEqual([1e-4, 1e-3, 1e-2]);
  });
});
