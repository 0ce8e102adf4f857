import { describe, expect, it } from "vitest";
import { allIntegers, formatTickNumber, formatTicks, niceTicks, paddedAxis } from "./axis-ticks.js";

describe("niceTicks", () => {
  it("picks round steps (1, 2, 2.5, 5 × 10^k) inside the range", () => {
    expect(niceTicks(0, 1, { count: 5 })).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(niceTicks(0.13, 0.97, { count: 4 })).toEqual([0.25, 0.5, 0.75]);
    expect(niceTicks(-30, 70, { count: 2 })).toEqual([0, 50]);
    expect(niceTicks(0, 3.4175e-7)).toEqual([0, 1e-7, 2e-7, 3e-7]);
    expect(niceTicks(0.1, 0.3)).toEqual([0.1, 0.15, 0.2, 0.25, 0.3]);
    expect(niceTicks(5, 5)).toEqual([5]);
    expect(niceTicks(Number.NaN, Number.NaN)).toEqual([]);
  });

  it("writes multiples of the step without float residue", () => {
    for (const t of niceTicks(0, 0.9, { count: 9 })) expect(String(t)).toMatch(/^0(\.\d)?$/);
    expect(niceTicks(-0.00957, 1.12447)).toContain(0);
  });

  it("gives whole-number fields whole-number ticks only", () => {
    expect(niceTicks(2, 3, { count: 5 })).toEqual([2, 2.2, 2.4, 2.6, 2.8, 3]);
    expect(niceTicks(2, 3, { count: 5, integer: true })).toEqual([2, 3]);
    expect(niceTicks(2, 4, { count: 5, integer: true })).toEqual([2, 3, 4]);
    expect(niceTicks(0, 10, { count: 4, integer: true })).toEqual([0, 2, 4, 6, 8, 10]);
    expect(niceTicks(0, 10, { count: 4 })).toEqual([0, 2.5, 5, 7.5, 10]);
    expect(niceTicks(64, 256, { integer: true })).toEqual([100, 150, 200, 250]);
  });

  it("never returns a tick outside [min, max]", () => {
    const cases = [[0.001, 0.1, false], [-7.3, 12.9, false], [-7.3, 12.9, true], [1e6, 1.5e6, true], [0.25, 0.75, false], [1.95, 3.05, true]] as const;
    for (const [min, max, integer] of cases) {
      const ticks = niceTicks(min, max, { integer });
      expect(ticks.length).toBeGreaterThan(0);
      for (const t of ticks) expect(t >= min && t <= max && (!integer || Number.isInteger(t))).toBe(true);
    }
  });
});

describe("paddedAxis", () => {
  it("pads the range by 5 % and puts round ticks inside", () => {
    const batch = paddedAxis([64, 128, 256], { integer: true });
    expect(batch?.domain[0]).toBeCloseTo(54.4);
    expect(batch?.domain[1]).toBeCloseTo(265.6);
    expect(batch?.ticks).toEqual([100, 150, 200, 250]);
    const lr = paddedAxis([0, 6.834904537900144e-8, 3.4175e-7]);
    expect(lr?.ticks).toEqual([0, 1e-7, 2e-7, 3e-7]);
  });

  it("puts a band around a single value and nothing around no value", () => {
    expect(paddedAxis([3], { integer: true })).toEqual({ domain: [2.5, 3.5], ticks: [3] });
    expect(paddedAxis([2, 3], { integer: true })).toEqual({ domain: [1.5, 3.5], ticks: [2, 3] });
    expect(paddedAxis([1000], { integer: true })).toEqual({ domain: [900, 1100], ticks: [900, 950, 1000, 1050, 1100] });
    expect(paddedAxis([0])?.domain).toEqual([-1, 1]);
    expect(paddedAxis([])).toBeUndefined();
  });
});

describe("allIntegers", () => {
  it("is true only for whole numbers, and not for no values", () => {
    expect(allIntegers([2, 3, 4])).toBe(true);
    expect(allIntegers([2, 3.5])).toBe(false);
    expect(allIntegers([])).toBe(false);
  });
});

describe("tick labels", () => {
  it("are compact: 4 significant digits, a short exponent outside 1e-4…1e6", () => {
    expect(formatTickNumber(3.6e-7)).toBe("3.6e-7");
    expect(formatTickNumber(9e-8)).toBe("9e-8");
    expect(formatTickNumber(6.834904537900144e-8)).toBe("6.835e-8");
    expect(formatTickNumber(0.0005)).toBe("0.0005");
    expect(formatTickNumber(0.30000000000000004)).toBe("0.3");
    expect(formatTickNumber(1234.5678)).toBe("1235");
    expect(formatTickNumber(1.5e6)).toBe("1.5e6");
    expect(formatTickNumber(-2.5e-5)).toBe("-2.5e-5");
    expect(formatTickNumber(0)).toBe("0");
  });

  it("use the digits a narrow range needs, so neighbouring ticks stay distinct and true", () => {
    expect(formatTicks([0, 1e-7, 2e-7, 3e-7])).toEqual(["0", "1e-7", "2e-7", "3e-7"]);
    expect(formatTicks([0.3, 0.30005, 0.3001])).toEqual(["0.3", "0.30005", "0.3001"]);
    expect(formatTicks([50, 100, 150])).toEqual(["50", "100", "150"]);
    expect(formatTicks([])).toEqual([]);
  });

  it("write a whole axis in one notation: an exponent for all once one tick needs it", () => {
    expect(formatTicks([1e-5, 1e-4, 1e-3, 0.01])).toEqual(["1e-5", "1e-4", "1e-3", "1e-2"]);
    expect(formatTicks([0, 5e5, 1e6, 1.5e6])).toEqual(["0", "5e5", "1e6", "1.5e6"]);
    expect(formatTicks([0.001, 0.01, 0.1, 1])).toEqual(["0.001", "0.01", "0.1", "1"]);
    expect(formatTicks([-3e-5, 0, 3e-5])).toEqual(["-3e-5", "0", "3e-5"]);
  });
});
