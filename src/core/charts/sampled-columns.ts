import { decodeMetricValue } from "../wire/decode-entities.js";
import type { SampledMetricSeries } from "./sampled-history.js";

/**
 * A sampled series (sampled-history.ts) as one typed array per field instead of an object per
 * point: what a chart of 100 runs × 1,250 points decodes the response into, without allocating
 * (and later collecting) 125,000 objects before its first paint. `i` indexes the same point in
 * every array, in the answer's x order.
 */
export interface SampledSeriesColumns {
  run_id: string;
  steps: Float64Array<ArrayBuffer>;
  timestamps: Float64Array<ArrayBuffer>;
  /** The logged value, or the smoothed one with smoothing (then `raw_values` holds the logged one). NaN and ±Infinity as numbers. */
  values: Float64Array<ArrayBuffer>;
  raw_values?: Float64Array<ArrayBuffer>;
  total_points: number;
  sampled: boolean;
  x_origin?: number;
}

/** A series of the response as sent, in either layout (lists may be omitted when empty). */
interface WireSeries {
  run_id?: string;
  metrics?: { value?: unknown; timestamp?: number; step?: number }[];
  steps?: number[];
  timestamps?: number[];
  values?: unknown[];
  raw_values?: unknown[];
  total_points?: number;
  sampled?: boolean;
  x_origin?: number;
}

/** Numbers as sent, into a typed array; NaN/±Infinity arrive as strings ("NaN", …) and are decoded. */
function valuesOf(wire: readonly unknown[] | undefined, n: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(n);
  if (!wire) return out;
  for (let i = 0; i < n; i++) {
    const v = wire[i];
    out[i] = typeof v === "number" ? v : decodeMetricValue(v);
  }
  return out;
}

/** An integer column (steps, timestamps): missing entries are 0, as `decodeMetric` does for a step. */
function integersOf(wire: readonly number[] | undefined, n: number): Float64Array<ArrayBuffer> {
  const out = new Float64Array(n);
  if (!wire) return out;
  for (let i = 0; i < n; i++) out[i] = wire[i] ?? 0;
  return out;
}

function columnsOfWire(s: WireSeries): SampledSeriesColumns {
  const { metrics } = s;
  let columns: Pick<SampledSeriesColumns, "steps" | "timestamps" | "values">;
  if (metrics) {
    const n = metrics.length;
    columns = { steps: new Float64Array(n), timestamps: new Float64Array(n), values: new Float64Array(n) };
    for (let i = 0; i < n; i++) {
      const m = metrics[i] as NonNullable<WireSeries["metrics"]>[number];
      columns.steps[i] = m.step ?? 0;
      columns.timestamps[i] = m.timestamp ?? 0;
      columns.values[i] = decodeMetricValue(m.value);
    }
  } else {
    const n = s.steps?.length ?? 0;
    columns = { steps: integersOf(s.steps, n), timestamps: integersOf(s.timestamps, n), values: valuesOf(s.values, n) };
  }
  return {
    run_id: s.run_id ?? "",
    ...columns,
    ...(s.raw_values ? { raw_values: valuesOf(s.raw_values, columns.values.length) } : {}),
    total_points: s.total_points ?? 0,
    sampled: s.sampled ?? false,
    ...(s.x_origin === undefined ? {} : { x_origin: s.x_origin }),
  };
}

/**
 * The series of a get-history-sampled response body (either layout) as typed columns: the same
 * answer `decodeSampledMetricHistory` gives, without an object per point.
 */
export function decodeSampledColumns(body: Record<string, unknown>): SampledSeriesColumns[] {
  return ((body.series as WireSeries[] | undefined) ?? []).map(columnsOfWire);
}

/** A decoded series (e.g. shaped from MLflow's bulk-interval read) as typed columns. */
export function columnsOfSeries(series: SampledMetricSeries): SampledSeriesColumns {
  const { metrics, raw_values: raw } = series;
  const n = metrics.length;
  const columns = { steps: new Float64Array(n), timestamps: new Float64Array(n), values: new Float64Array(n) };
  for (let i = 0; i < n; i++) {
    const m = metrics[i] as SampledMetricSeries["metrics"][number];
    columns.steps[i] = m.step;
    columns.timestamps[i] = m.timestamp;
    columns.values[i] = m.value;
  }
  return {
    run_id: series.run_id,
    ...columns,
    ...(raw ? { raw_values: Float64Array.from(raw) } : {}),
    total_points: series.total_points,
    sampled: series.sampled,
    ...(series.x_origin === undefined ? {} : { x_origin: series.x_origin }),
  };
}
