import { describe, expect, it } from "vitest";
import { niceStep, ticksAt } from "./nice-ticks.js";

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
