import { describe, expect, it } from "vitest";
import { BASE_TIME, specialSampledSeries } from "../../test-support/generators.js";
import { encodeSampledSeries, encodeSampledSeriesColumns } from "./encode-sampled-history.js";
import { columnsOfSeries, decodeSampledColumns } from "./sampled-columns.js";
import { decodeSampledMetricHistory, type SampledMetricSeries } from "./sampled-history.js";

const { metrics, series } = specialSampledSeries();
const body = (encoded: string[]) => JSON.parse(`{"series":[${encoded.join(",")}]}`) as Record<string, unknown>;

describe("decodeSampledColumns", () => {
  it("decodes either layout to the columns of what decodeSampledMetricHistory gives, special values included", () => {
    const expected = (decodeSampledMetricHistory(body(series.map(encodeSampledSeries))).series ?? []).map(columnsOfSeries);
    expect(decodeSampledColumns(body(series.map((s) => encodeSampledSeriesColumns(s))))).toEqual(expected);
    expect(decodeSampledColumns(body(series.map(encodeSampledSeries)))).toEqual(expected);
    const [first] = expected;
    expect(first?.values).toBeInstanceOf(Float64Array);
    expect(Array.from(first?.values.slice(0, 5) ?? [])).toEqual([NaN, Math.sin(1) / 3, Math.sin(2) / 3, Math.sin(3) / 3, Math.sin(4) / 3]);
    expect(Array.from(first?.values ?? []).filter((v) => !Number.isFinite(v)).length).toBeGreaterThan(0);
    expect(Array.from(expected[2]?.raw_values ?? [])).toEqual([NaN, -Infinity, 2.5]);
    expect(expected[2]?.x_origin).toBe(BASE_TIME);
  });

  it("the columns layout without timestamps (timestamps=false) decodes with timestamp 0", () => {
    const [s] = decodeSampledColumns(body([encodeSampledSeriesColumns(series[0] as SampledMetricSeries, false)]));
    const [full] = decodeSampledColumns(body([encodeSampledSeriesColumns(series[0] as SampledMetricSeries)]));
    expect(s?.steps).toEqual(full?.steps);
    expect(s?.values).toEqual(full?.values);
    expect(Array.from(s?.timestamps ?? []).every((t) => t === 0)).toBe(true);
    expect(s?.timestamps.length).toBe(metrics.length);
  });

  it("an answer without series, or a series with its lists omitted, is empty", () => {
    expect(decodeSampledColumns({})).toEqual([]);
    const [empty] = decodeSampledColumns({ series: [{ run_id: "r", total_points: 0 }] });
    expect([empty?.steps.length, empty?.values.length, empty?.sampled]).toEqual([0, 0, false]);
  });
});

describe("columnsOfSeries", () => {
  it("keeps every point's step, timestamp and value in order", () => {
    const s = columnsOfSeries(series[0] as SampledMetricSeries);
    expect(Array.from(s.steps)).toEqual(metrics.map((m) => m.step));
    expect(Array.from(s.timestamps)).toEqual(metrics.map((m) => m.timestamp));
    expect(Array.from(s.values)).toEqual(metrics.map((m) => m.value));
    expect([s.run_id, s.total_points, s.sampled, "raw_values" in s]).toEqual(["r1", 1e6, true, false]);
  });
});
