import { describe, expect, it } from "vitest";
import { smoothEma } from "./smooth-ema.js";

const series = (ys: readonly number[]): { x: number; y: number; label: string }[] => ys.map((y, i) => ({ x: i * 10, y, label: `p${i}` }));

describe("smoothEma", () => {
  it("returns the points unchanged for weight 0 (or a nonsense weight)", () => {
    const input = series([1, 5, 2]);
    expect(smoothEma(input, 0)).toEqual(input);
    expect(smoothEma(input, NaN)).toEqual(input);
    expect(smoothEma(input, -1)).toEqual(input);
  });

  it("is debiased: the first value is kept, later values follow the debiased average", () => {
    const w = 0.6;
    const out = smoothEma(series([10, 20, 0]), w);
    // s1 = 0.4·10 = 4 → 4 / (1 − 0.6) = 10; s2 = 0.6·4 + 0.4·20 = 10.4 → 10.4 / (1 − 0.36) = 16.25;
    // s3 = 0.6·10.4 = 6.24 → 6.24 / (1 − 0.216) = 7.959…
    expect(out.map((p) => p.y)).toEqual([expect.closeTo(10, 12), expect.closeTo(16.25, 12), expect.closeTo(6.24 / 0.784, 12)]);
  });

  it("keeps a constant series constant and keeps x and other properties", () => {
    const out = smoothEma(series(Array.from({ length: 500 }, () => 3.5)), 0.99);
    for (const p of out) expect(p.y).toBeCloseTo(3.5, 9);
    expect(out[7]).toMatchObject({ x: 70, label: "p7" });
  });

  it("passes NaN and ±Infinity through and skips them in the average", () => {
    const out = smoothEma(series([1, NaN, Infinity, -Number.MAX_VALUE, 1]), 0.9);
    expect(out[1]?.y).toBeNaN();
    expect(out[2]?.y).toBe(Infinity);
    expect(out[3]?.y).toBe(-Number.MAX_VALUE);
    expect(out[4]?.y).toBeCloseTo(1, 12);
  });

  it("clamps a weight of 1 or more instead of dividing by zero", () => {
    const out = smoothEma(series([2, 4, 6]), 1);
    for (const p of out) expect(Number.isFinite(p.y)).toBe(true);
    expect(out[0]?.y).toBeCloseTo(2, 9);
  });

  it("does not modify its input", () => {
    const input = series([1, 2, 3]);
    const before = JSON.stringify(input);
    smoothEma(input, 0.5);
    expect(JSON.stringify(input)).toBe(before);
  });
});
