import { describe, expect, it } from "vitest";
import { downsampleMinMax, isMarkerValue, minMaxBucketCount, minMaxBucketOf, minMaxBucketStart, type ChartPoint } from "./downsample-min-max.js";

interface P extends ChartPoint {
  readonly i: number;
}

/** A deterministic noisy series in [-1, 1]: a seeded LCG, so failures reproduce. */
function noisy(n: number, seed = 1, x: (i: number) => number = (i) => i): P[] {
  let state = seed >>> 0;
  return Array.from({ length: n }, (_, i) => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return { i, x: x(i), y: Math.sin(i / 25) * 0.5 + (state / 2 ** 32 - 0.5) };
  });
}

function withY(points: readonly P[], index: number, y: number): P[] {
  return points.map((p) => (p.i === index ? { ...p, y } : p));
}

/** Why the output is not a subset of the input in input order, within budget, with first and last ("" if it is). */
function malformed(input: readonly P[], output: readonly P[], budget: number): string {
  if (output.length > Math.max(0, Math.floor(budget))) return `${output.length} points for a budget of ${budget}`;
  for (let k = 0; k < output.length; k++) {
    const p = output[k] as P;
    if (input[p.i] !== p) return `point ${p.i} is not the input's`;
    if (k > 0 && p.i <= (output[k - 1] as P).i) return `point ${p.i} out of order`;
  }
  if (input.length > 0 && budget >= 2 && (output[0] !== input[0] || output[output.length - 1] !== input[input.length - 1])) return "first or last missing";
  return "";
}

function expectWellFormed(input: readonly P[], output: readonly P[], budget: number): void {
  expect(malformed(input, output, budget)).toBe("");
}

const has = (output: readonly P[], index: number): boolean => output.some((p) => p.i === index);

describe("downsampleMinMax keeps what matters", () => {
  const base = noisy(1000);
  const budgets = [3, 4, 10, 100, 320];

  /** Plants `y` at every position in turn; returns the failures (position: reason). */
  function lostPositions(y: number, budget: number): string[] {
    const failures: string[] = [];
    for (let at = 0; at < base.length; at++) {
      const input = withY(base, at, y);
      const output = downsampleMinMax(input, budget);
      const problem = malformed(input, output, budget) || (has(output, at) ? "" : "lost");
      if (problem) failures.push(`${at}: ${problem}`);
    }
    return failures;
  }

  it.each(budgets)("a single spike at every position of a 1,000-point series survives a budget of %i", (budget) => {
    expect(lostPositions(1e6, budget)).toEqual([]);
  });

  it.each(budgets)("a single dip at every position survives a budget of %i", (budget) => {
    expect(lostPositions(-1e6, budget)).toEqual([]);
  });

  it.each([
    ["NaN", NaN],
    ["+Infinity", Infinity],
    ["-Infinity", -Infinity],
    ["+DBL_MAX (MLflow's stored Infinity)", Number.MAX_VALUE],
  ])("a single %s at every position survives budgets 3, 4, 10, 100 and 320", (_name, y) => {
    for (const budget of budgets) expect(lostPositions(y, budget), `budget ${budget}`).toEqual([]);
  });

  it("keeps a spike and a NaN and a dip together, and every bucket's min and max", () => {
    const input = withY(withY(withY(noisy(100_000, 7), 12_345, 50), 67_890, NaN), 99_000, -50);
    const output = downsampleMinMax(input, 1000);
    expectWellFormed(input, output, 1000);
    for (const at of [12_345, 67_890, 99_000]) expect(has(output, at)).toBe(true);
    // Every bucket's extremes are in: the output's min/max over any bucket equals the input's.
    const buckets = minMaxBucketCount(1000);
    const x0 = 0;
    const x1 = input.length - 1;
    const extremes = (points: readonly P[]): Map<number, [number, number]> => {
      const m = new Map<number, [number, number]>();
      for (const p of points) {
        if (isMarkerValue(p.y)) continue;
        const b = minMaxBucketOf(p.x, x0, x1, buckets);
        const [lo, hi] = m.get(b) ?? [Infinity, -Infinity];
        m.set(b, [Math.min(lo, p.y), Math.max(hi, p.y)]);
      }
      return m;
    };
    // One NaN marker costs one min/max pair of resolution: two neighbouring buckets share a pair.
    const full = extremes(input);
    const kept = extremes(output);
    let matching = 0;
    for (const [b, range] of full) if (JSON.stringify(kept.get(b)) === JSON.stringify(range)) matching++;
    expect(matching).toBeGreaterThanOrEqual(full.size - 1);
  });

  it("uses the budget: a long series gives close to N points", () => {
    const output = downsampleMinMax(noisy(50_000), 1000);
    expect(output.length).toBeGreaterThan(990);
    expect(output.length).toBeLessThanOrEqual(1000);
  });
});

describe("downsampleMinMax bounds and determinism", () => {
  it("never exceeds the budget, for many lengths, budgets and marker densities", () => {
    for (const n of [0, 1, 2, 3, 5, 17, 100, 1001, 5000]) {
      for (const budget of [0, 1, 2, 3, 4, 5, 6, 7, 10, 33, 100, 999, 1000, 1001, 2.7]) {
        for (const nanEvery of [0, 1, 2, 7, 50]) {
          const input = noisy(n, n + budget).map((p) => (nanEvery > 0 && p.i % nanEvery === 0 ? { ...p, y: NaN } : p));
          const output = downsampleMinMax(input, budget);
          expectWellFormed(input, output, budget);
          if (n <= Math.floor(budget)) expect(output).toEqual(input);
        }
      }
    }
  });

  it("is deterministic and leaves its input alone", () => {
    const input = withY(noisy(20_000, 3), 4242, NaN);
    const copy = input.map((p) => ({ ...p }));
    const a = downsampleMinMax(input, 321);
    const b = downsampleMinMax(input, 321);
    expect(a).toEqual(b);
    expect(input).toEqual(copy);
    expect(downsampleMinMax(copy, 321)).toEqual(a);
  });

  it("handles tiny budgets: 0 → nothing, 1 → first, 2 → first and last, 3 → first, the extreme, last", () => {
    const input = withY(noisy(1000), 400, 99);
    expect(downsampleMinMax(input, 0)).toEqual([]);
    expect(downsampleMinMax(input, -5)).toEqual([]);
    expect(downsampleMinMax(input, NaN)).toEqual([]);
    expect(downsampleMinMax(input, 1)).toEqual([input[0]]);
    expect(downsampleMinMax(input, 2)).toEqual([input[0], input[999]]);
    expect(downsampleMinMax(input, 3)).toEqual([input[0], input[400], input[999]]);
    expect(downsampleMinMax(withY(noisy(1000), 600, -99), 3).map((p) => p.i)).toEqual([0, 600, 999]);
  });

  it("handles an empty series and a series shorter than the budget", () => {
    expect(downsampleMinMax([], 10)).toEqual([]);
    const short = noisy(5);
    const out = downsampleMinMax(short, 10);
    expect(out).toEqual(short);
    expect(out).not.toBe(short);
  });

  it("handles an all-NaN series: within budget, first and last kept, markers spread over the range", () => {
    const input = noisy(10_000).map((p) => ({ ...p, y: NaN }));
    const output = downsampleMinMax(input, 100);
    expectWellFormed(input, output, 100);
    expect(output.length).toBeGreaterThanOrEqual(minMaxBucketCount(100));
    // One marker per bucket: no stretch of the x-range longer than two buckets goes unmarked.
    const width = input.length / minMaxBucketCount(100);
    for (let k = 1; k < output.length; k++) expect((output[k] as P).x - (output[k - 1] as P).x).toBeLessThanOrEqual(2 * width);
  });

  it("keeps every marker when they fit, and one per bucket when they do not", () => {
    const few = noisy(10_000).map((p) => (p.i % 1000 === 500 ? { ...p, y: NaN } : p));
    const out = downsampleMinMax(few, 100);
    for (let at = 500; at < 10_000; at += 1000) expect(has(out, at)).toBe(true);
    const many = noisy(10_000).map((p) => (p.i % 10 === 5 ? { ...p, y: Infinity } : p));
    const reduced = downsampleMinMax(many, 100);
    expectWellFormed(many, reduced, 100);
    expect(reduced.filter((p) => p.y === Infinity).length).toBe(minMaxBucketCount(100));
  });

  it("handles uneven x and a series whose points all share one x", () => {
    const uneven = withY(noisy(5000, 9, (i) => i * i), 4000, 1e9);
    const out = downsampleMinMax(uneven, 64);
    expectWellFormed(uneven, out, 64);
    expect(has(out, 4000)).toBe(true);
    const sameX = noisy(5000, 4, () => 42);
    const spiked = withY(withY(sameX, 1234, 7), 2345, -7);
    const flat = downsampleMinMax(spiked, 64);
    expectWellFormed(spiked, flat, 64);
    expect(flat.map((p) => p.i)).toEqual([0, 1234, 2345, 4999]);
  });

  it("keeps the first of equal values: a constant series gives one point per bucket", () => {
    const constant = Array.from({ length: 1000 }, (_, i) => ({ i, x: i, y: 1 }));
    const out = downsampleMinMax(constant, 12);
    expect(out.map((p) => p.i)).toEqual([0, 200, 400, 600, 800, 999]);
  });
});

describe("the bucket grid", () => {
  it("gives B = ⌊(N − 2) / 2⌋ buckets, at least one", () => {
    expect([3, 4, 5, 6, 320, 1000, 10_000].map(minMaxBucketCount)).toEqual([1, 1, 1, 2, 159, 499, 4999]);
  });

  it("bucket starts bound exactly the integers of each bucket", () => {
    for (const [x0, x1, buckets] of [
      [0, 999, 499],
      [0, 10, 4],
      [5, 5, 3],
      [1_700_000_000_000, 1_700_009_999_000, 4999],
      [-50, 1_000_003, 159],
    ] as const) {
      let previous = minMaxBucketStart(0, x0, x1, buckets);
      expect(previous).toBe(x0);
      for (let b = 1; b <= buckets; b++) {
        const start = minMaxBucketStart(b, x0, x1, buckets);
        expect(start).toBeGreaterThanOrEqual(previous);
        if (start > previous) {
          expect(minMaxBucketOf(previous, x0, x1, buckets)).toBe(b - 1);
          expect(minMaxBucketOf(start - 1, x0, x1, buckets)).toBe(b - 1);
        }
        if (b < buckets && start <= x1) expect(minMaxBucketOf(start, x0, x1, buckets)).toBeGreaterThanOrEqual(b);
        previous = start;
      }
      expect(previous).toBe(x1 + 1);
    }
  });
});
