import type { Metric } from "../entities/metric.js";
import { decodeMetric, decodeMetricValue } from "../wire/decode-entities.js";

/**
 * Tracklet's sampled metric history (`GET /tracklet/metrics/get-history-sampled`, under
 * `/api/2.0` and `/ajax-api/2.0`): for up to 100 runs, one metric each, at most `max_points`
 * points per run chosen by the min/max rule of `downsample-min-max.ts`, so a chart draws every
 * spike, dip and NaN/±Infinity value of a series of any length.
 *
 * Request: `run_ids` (repeated, 1 to 100), `metric_key`, `max_points` (1 to 10,000, default
 * 1,000), `x_axis` (`step`, the default; `timestamp`; or `relative_time`: milliseconds since the
 * series' first timestamp, MLflow's "Relative time"), `min_x` / `max_x` (inclusive bounds on that
 * axis, either or both), `smoothing` (0 to 0.99, default 0: the weight of a debiased EMA,
 * `smooth-ema.ts`, applied to the whole raw series in step order before it is downsampled, so
 * a zoomed range is smoothed as in the full view).
 *
 * Response: `{"series": [{"run_id", "metrics": [{key, value, timestamp, step}], "total_points",
 * "sampled", "raw_values"?, "x_origin"?}]}`, one entry per distinct run id in request order.
 * `metrics` is in x order (then step/timestamp, value); `total_points` counts the run's points
 * inside the x-range; `sampled` says whether points were left out. With `smoothing`, `value` is
 * the smoothed value and `raw_values[i]` the logged value of `metrics[i]`. With `relative_time`,
 * `x_origin` is the series' first timestamp (x = timestamp − x_origin). As in MLflow's history endpoints, a run or key that does
 * not exist is not an error: its entry has no points. NaN is sent as "NaN", ±Infinity as
 * ±1.7976931348623157e308 (how MLflow stores it); empty `metrics` lists are omitted.
 * Invalid input is 400 INVALID_PARAMETER_VALUE.
 *
 * `columns=true` asks for the same answer laid out by column, about half the bytes, for clients
 * that draw many series (the web UI): each entry has `key` once and `steps`, `timestamps` and
 * `values` arrays (in `metrics` order, NaN as "NaN") instead of `metrics`; every other field is
 * as above. `decodeSampledMetricHistory` turns either layout into `metrics`. With `columns=true`,
 * `timestamps=false` leaves the `timestamps` arrays out (a third fewer bytes, for a chart on the
 * step axis, which does not draw them); the points then decode with timestamp 0. Without
 * `columns=true` it has no effect.
 *
 * `binary=true` sends the columns as little-endian float64 arrays in `application/octet-stream`
 * frames, a third smaller again and read without parsing (`sampled-binary.ts`, the layout the web UI
 * asks for); `timestamps=false` applies as with `columns=true`, and errors are still MLflow's JSON.
 *
 * On the step axis without smoothing, a long series is read from a summary cache of blocks of
 * consecutive points (store/sql/summary-step-sampler.ts): every guarantee above holds, but where a
 * block straddles a bucket edge that bucket's local extreme may give way to a nearby point, so the
 * picks can differ slightly from `downsampleMinMax` over the raw series.
 */
export const SAMPLED_HISTORY_X_AXES = ["step", "timestamp", "relative_time"] as const;
export type SampledHistoryXAxis = (typeof SAMPLED_HISTORY_X_AXES)[number];

export const SampledHistoryLimits = {
  MAX_RUN_IDS: 100,
  DEFAULT_MAX_POINTS: 1000,
  MAX_POINTS: 10_000,
} as const;

export interface SampledHistoryInput {
  run_ids: readonly string[];
  metric_key: string;
  max_points?: number;
  x_axis?: SampledHistoryXAxis;
  min_x?: number;
  max_x?: number;
  smoothing?: number;
}

export interface SampledMetricSeries {
  run_id: string;
  metrics: Metric[];
  total_points: number;
  sampled: boolean;
  /** With smoothing: the logged value of each point (its `value` is the smoothed one). */
  raw_values?: number[];
  /** With `relative_time`: the series' first timestamp, the origin of x. */
  x_origin?: number;
}

export interface SampledMetricHistoryResponse {
  series?: SampledMetricSeries[];
}

/** A series of the `columns=true` layout as sent (lists may be omitted when empty). */
interface WireColumns {
  key?: string;
  steps?: number[];
  timestamps?: number[];
  values?: unknown[];
}

function metricsOfColumns({ key = "", steps = [], timestamps = [], values = [] }: WireColumns): Metric[] {
  const metrics = new Array<Metric>(steps.length);
  for (let i = 0; i < steps.length; i++) metrics[i] = { key, value: decodeMetricValue(values[i]), timestamp: timestamps[i] ?? 0, step: steps[i] ?? 0 };
  return metrics;
}

/** Restores omitted lists and "NaN" strings of a response, in either layout (the REST client's decoder). */
export function decodeSampledMetricHistory(body: Record<string, unknown>): SampledMetricHistoryResponse {
  const series = (body.series as (Partial<SampledMetricSeries> & WireColumns)[] | undefined) ?? [];
  return {
    ...body,
    series: series.map((s) => ({
      run_id: s.run_id ?? "",
      metrics: s.metrics ? s.metrics.map(decodeMetric) : metricsOfColumns(s),
      total_points: s.total_points ?? 0,
      sampled: s.sampled ?? false,
      ...(s.raw_values ? { raw_values: (s.raw_values as unknown[]).map(decodeMetricValue) } : {}),
      ...(s.x_origin === undefined ? {} : { x_origin: s.x_origin }),
    })),
  };
}
