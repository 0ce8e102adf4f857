import { describe, expect, it } from "vitest";
import { metricHistory } from "../../test-support/generators.js";
import { encodeJson } from "../wire/encode-json.js";
import { encodeSampledSeries, encodeSampledSeriesColumns } from "./encode-sampled-history.js";
import { decodeSampledMetricHistory, type SampledMetricSeries } from "./sampled-history.js";

const DOUBLE_MAX = 1.7976931348623157e308;
const specials = [NaN, Infinity, -Infinity, DOUBLE_MAX, -DOUBLE_MAX, -0, 0.1 + 0.2, 1e-300, 5e-324, -123456789.125];

describe("encodeSampledSeries", () => {
  it("gives the same text as encodeJson, special values included", () => {
    const metrics = metricHistory("loss", 40, { value: (step) => specials[step % specials.length] as number });
    const series: SampledMetricSeries[] = [
      { run_id: "r1", metrics, total_points: 4000, sampled: true },
      { run_id: "r2", metrics: [], total_points: 0, sampled: false },
      { run_id: "r3", metrics: metrics.slice(0, 3), total_points: 3, sampled: false, raw_values: [NaN, -Infinity, 2.5], x_origin: 1_700_000_000_000 },
      { run_id: "r5", metrics: metrics.slice(0, 11), total_points: 11, sampled: false },
      { run_id: "r4", metrics: metricHistory('a "quoted" key\\ é ✓ \u0001', 2), total_points: 2, sampled: false, raw_values: [] },
    ];
    for (const s of series) expect(encodeSampledSeries(s)).toBe(encodeJson(s));
  });

  it("round-trips through the client's decoder", () => {
    const s: SampledMetricSeries = { run_id: "r", metrics: metricHistory("m", 5, { value: (step) => [NaN, Infinity, 1, -Infinity, 0][step] as number }), total_points: 5, sampled: false };
    const [back] = decodeSampledMetricHistory(JSON.parse(`{"series":[${encodeSampledSeries(s)}]}`) as Record<string, unknown>).series ?? [];
    expect(back?.metrics.map((m) => m.value)).toEqual([NaN, Infinity, 1, -Infinity, 0]);
  });

  it("the columns layout decodes to the same series, about half the bytes", () => {
    const metrics = metricHistory("loss", 1000, { value: (step) => (step % 97 === 0 ? (specials[step % specials.length] as number) : Math.sin(step) / 3) });
    const series: SampledMetricSeries[] = [
      { run_id: "r1", metrics, total_points: 1e6, sampled: true },
      { run_id: "r2", metrics: [], total_points: 0, sampled: false },
      { run_id: "r3", metrics: metrics.slice(0, 3), total_points: 3, sampled: false, raw_values: [NaN, -Infinity, 2.5], x_origin: 1_700_000_000_000 },
    ];
    const decode = (text: string) => decodeSampledMetricHistory(JSON.parse(`{"series":[${text}]}`) as Record<string, unknown>).series;
    const points = series.map(encodeSampledSeries).join(",");
    const columns = series.map((s) => encodeSampledSeriesColumns(s)).join(",");
    expect(decode(columns)).toEqual(decode(points));
    expect(decode(columns)?.[0]?.metrics.filter((m) => Number.isNaN(m.value)).length).toBeGreaterThan(0);
    expect(columns.length).toBeLessThan(points.length * 0.6);
  });
});
