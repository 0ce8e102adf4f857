import { describe, expect, it } from "vitest";
import { integerTicks, niceStep, ticksAt } from "./nice-ticks.js";

describe("niceStep and ticksAt", () => {
  it("picks a round step for about the asked number of intervals", () => {
    expect(niceStep(1000, 5)).toBe(200);
    expect(niceStep(0.9, 5)).toBe(0.2);
  });

  it("ticks the multiples of a step inside the range, without float noise", () => {
    expect(ticksAt(0.05, 0.95, 0.1)).toEqual([0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 0.9]);
    expect(ticksAt(-0.2, 0.8, 0.2)).toEqual([-0.2, 0, 0.2, 0.4, 0.6, 0.8]);
    expect(ticksAt(3, 3, 1)).toEqual([3]);
    expect(ticksAt(3.2, 3.8, 1)).toEqual([]);
  });

  it("shifts the multiples by an offset (local midnight on a wall-time axis)", () => {
    expect(ticksAt(0, 10, 4, 1)).toEqual([3, 7]);
  });
});

describe("integerTicks", () => {
  it("never ticks between whole numbers, where niceStep would step by 2.5", () => {
    expect(niceStep(15, 6)).toBe(2.5);
    expect(integerTicks(0, 15, 8)).toEqual([0, 2, 4, 6, 8, 10, 12, 14]);
    expect(integerTicks(0, 13, 8)).toEqual([0, 2, 4, 6, 8, 10, 12]);
  });

  it("handles spans of a few steps, and of none", () => {
    expect(integerTicks(0, 1, 8)).toEqual([0, 1]);
    expect(integerTicks(0, 2, 8)).toEqual([0, 1, 2]);
    expect(integerTicks(5, 8, 8)).toEqual([5, 6, 7, 8]);
    expect(integerTicks(-1, 1, 8)).toEqual([-1, 0, 1]);
    expect(integerTicks(3.2, 4.8, 8)).toEqual([4]);
    expect(integerTicks(3.2, 3.8, 8)).toEqual([]);
    expect(integerTicks(7, 7, 8)).toEqual([7]);
    expect(integerTicks(NaN, 1, 8)).toEqual([]);
  });

  it("gives 4 to 8 whole, distinct, evenly spaced ticks over any span of 4 steps or more", () => {
    for (const lo of [0, 3, 997, 123_456]) {
      for (let span = 4; span <= 30_000; span += span < 300 ? 1 : 37) {
        const ticks = integerTicks(lo, lo + span, 8);
        const gaps = new Set(ticks.slice(1).map((t, i) => t - (ticks[i] as number)));
        expect(ticks.every(Number.isInteger), `${lo}+${span}`).toBe(true);
        expect(gaps.size, `${lo}+${span}`).toBe(1);
        expect(ticks.length, `${lo}+${span}: ${ticks.join(",")}`).toBeGreaterThanOrEqual(4);
        expect(ticks.length, `${lo}+${span}`).toBeLessThanOrEqual(8);
      }
    }
  });

  it("steps by 25 × 10^k too, where 20 would give too many ticks and 50 too few", () => {
    expect(integerTicks(0, 170, 8)).toEqual([0, 25, 50, 75, 100, 125, 150]);
    expect(integerTicks(0, 1e9, 8)).toEqual([0, 2e8, 4e8, 6e8, 8e8, 1e9]);
    // 5 where it fits; 4 only where 5 would leave 3 ticks.
    expect(integerTicks(0, 30, 8)).toEqual([0, 5, 10, 15, 20, 25, 30]);
    expect(integerTicks(997, 1014, 8)).toEqual([1000, 1004, 1008, 1012]);
  });
});
