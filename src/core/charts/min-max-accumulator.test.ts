import { describe, expect, it } from "vitest";
import { downsampleMinMax } from "./downsample-min-max.js";
import { MinMaxAccumulator } from "./min-max-accumulator.js";

interface P {
  readonly i: number;
  readonly x: number;
  readonly y: number;
}

/** A seeded noisy series with `markers` NaN/±Infinity values and a spike, so failures reproduce. */
function series(n: number, seed: number, markers: number): P[] {
  let state = seed >>> 0;
  const next = (): number => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
  const special = new Map<number, number>();
  for (let k = 0; k < markers; k++) special.set(Math.floor(next() * n), [NaN, Infinity, -Infinity][k % 3] as number);
  special.set(Math.floor(next() * n), 1e6);
  return Array.from({ length: n }, (_, i) => ({ i, x: i * 3 + (i % 7), y: special.get(i) ?? Math.round(Math.sin(i / 40) * 20 + next() * 5) }));
}

function accumulate(points: readonly P[], order: readonly P[], maxPoints: number): P[] {
  const first = points[0];
  const last = points[points.length - 1];
  const acc = new MinMaxAccumulator<P>({ x0: first?.x ?? 0, x1: last?.x ?? 0, maxPoints, xOf: (p) => p.x, yOf: (p) => p.y, compare: (a, b) => a.i - b.i });
  for (const p of order) acc.push(p);
  return acc.result();
}

describe("MinMaxAccumulator", () => {
  it.each([
    [0, 10, 0],
    [5, 10, 1],
    [10, 10, 0],
    [11, 10, 2],
    [5000, 100, 0],
    [5000, 100, 3],
    [5000, 100, 40],
    [5000, 100, 400],
    [20_000, 1000, 7],
    [3000, 3, 5],
    [3000, 2, 0],
    [3000, 1, 0],
  ])("picks what downsampleMinMax picks (n=%i, budget %i, %i markers), pushed in order", (n, budget, markers) => {
    const points = series(n, n + budget + markers, markers);
    expect(accumulate(points, points, budget)).toEqual(downsampleMinMax(points, budget));
  });

  it("gives the same answer when the points arrive in another order (the server streams by step, buckets by time)", () => {
    for (const markers of [0, 30, 300]) {
      const points = series(4000, 11 + markers, markers);
      const shuffled = [...points].sort((a, b) => ((a.i * 7919) % 4001) - ((b.i * 7919) % 4001));
      expect(accumulate(points, shuffled, 200)).toEqual(downsampleMinMax(points, 200));
    }
  });

  it("counts every pushed point", () => {
    const acc = new MinMaxAccumulator<P>({ x0: 0, x1: 10, maxPoints: 4, xOf: (p) => p.x, yOf: (p) => p.y, compare: (a, b) => a.i - b.i });
    for (let i = 0; i <= 10; i++) acc.push({ i, x: i, y: i });
    expect(acc.count).toBe(11);
    expect(acc.result().length).toBeLessThanOrEqual(4);
  });
});
