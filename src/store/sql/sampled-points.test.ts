import { describe, expect, it } from "vitest";
import { downsampleMinMax, minMaxBucketCount } from "../../core/charts/index.js";
import { metricHistory } from "../../test-support/generators.js";
import type { SummaryRow } from "./metric-summary-blocks.js";
import { DOUBLE_MAX } from "./row-mappers.js";
import { SampledPoints } from "./sampled-points.js";

/** Rows in series order: several per step, repeated values (ties), and NaN/±DBL_MAX markers at `markersAt`. */
function rows(n: number, markersAt: readonly number[]): SummaryRow[] {
  return metricHistory("m", n, { value: (i) => Math.round(Math.sin(i / 40) * 20 + ((i * 7919) % 13)) }).map((m, i) => {
    const marker = markersAt.indexOf(i);
    const row = { step: Math.floor(m.step / 3), timestamp: m.timestamp, value: m.value, is_nan: 0 };
    if (marker < 0) return row;
    return marker % 3 === 0 ? { ...row, value: 0, is_nan: 1 } : { ...row, value: marker % 3 === 1 ? DOUBLE_MAX : -DOUBLE_MAX };
  });
}

const yOf = (r: SummaryRow): number => (r.is_nan ? NaN : r.value);

/** Offers every row to the table, as a summary read would offer block points. */
function sampleAll(points: SampledPoints, input: readonly SummaryRow[], budget: number) {
  points.reset(input[0] as SummaryRow, input[input.length - 1] as SummaryRow);
  for (const r of input) {
    if (r.is_nan || Math.abs(r.value) >= DOUBLE_MAX) expect(points.addMarker(r)).toBe(true);
    else points.offer(r.step, r.timestamp, r.value);
  }
  return points.select(budget, "m").map((m) => [m.step, m.timestamp, m.value]);
}

describe("SampledPoints", () => {
  it.each([
    [3, []],
    [20, [5]],
    [101, [0, 17, 18, 500, 1999]],
    [1000, [3, 4, 5, 6, 7, 8, 9]],
  ])("offered every row, picks what downsampleMinMax picks (budget %i, markers at %j)", (budget, markersAt) => {
    const input = rows(2000, markersAt);
    const expected = downsampleMinMax(
      input.map((r) => ({ x: r.step, y: yOf(r), r })),
      budget,
    ).map(({ r }) => [r.step, r.timestamp, yOf(r)]);
    const points = new SampledPoints(minMaxBucketCount(budget), minMaxBucketCount(budget));
    expect(sampleAll(points, input, budget)).toEqual(expected);
    // The table is reused for the next series of a request: nothing of the previous one leaks in.
    const other = rows(1500, []).map((r) => ({ ...r, value: -r.value }));
    expect(sampleAll(points, other, budget)).toEqual(
      downsampleMinMax(
        other.map((r) => ({ x: r.step, y: r.value, r })),
        budget,
      ).map(({ r }) => [r.step, r.timestamp, r.value]),
    );
  });

  it("refuses markers past its room, so the caller can take the exact path", () => {
    const points = new SampledPoints(4, 2);
    const input = rows(100, []);
    points.reset(input[0] as SummaryRow, input[99] as SummaryRow);
    const nan = { step: 10, timestamp: 1, value: 0, is_nan: 1 };
    expect([points.addMarker(nan), points.addMarker(nan), points.addMarker(nan)]).toEqual([true, true, false]);
  });
});
