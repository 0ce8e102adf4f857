import type { Metric } from "../entities/metric.js";
import { encodeJson } from "../wire/encode-json.js";
import type { SampledMetricSeries } from "./sampled-history.js";

const finite = (m: Metric): boolean => Number.isFinite(m.value) && Number.isFinite(m.timestamp) && Number.isFinite(m.step);

/**
 * The points as `encodeJson` renders them. Runs of finite points go through JSON.stringify without
 * a replacer (its fast path: a replacer call per value costs more than the whole encoding), and
 * only the NaN/±Infinity points, a handful per series, through `encodeJson`.
 */
function metricsJson(metrics: readonly Metric[]): string {
  const parts: string[] = [];
  let from = 0;
  const flush = (to: number): void => {
    if (to > from) parts.push(JSON.stringify(from === 0 && to === metrics.length ? metrics : metrics.slice(from, to)).slice(1, -1));
  };
  for (let i = 0; i < metrics.length; i++) {
    const m = metrics[i] as Metric;
    if (finite(m)) continue;
    flush(i);
    parts.push(encodeJson(m));
    from = i + 1;
  }
  flush(metrics.length);
  return `[${parts.join(",")}]`;
}

/**
 * One series of a sampled-history answer as JSON text, the same text `encodeJson` gives (fields in
 * the object's own order, empty lists left out, NaN as "NaN"), built directly: the generic
 * encoder's replacer runs once per value, and one string for all series is copied again to be sent.
 */
export function encodeSampledSeries(series: SampledMetricSeries): string {
  const fields: string[] = [];
  for (const [name, value] of Object.entries(series) as [string, unknown][]) {
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (name === "metrics") fields.push(`"metrics":${metricsJson(value as Metric[])}`);
    else fields.push(`${JSON.stringify(name)}:${encodeJson(value)}`);
  }
  return `{${fields.join(",")}}`;
}

/** A value as `encodeJson` renders it: NaN and ±Infinity become strings. */
const wireValue = (v: number): number | string => (Number.isFinite(v) ? v : encodeJson(v).slice(1, -1));

/**
 * One series in the `columns=true` layout (sampled-history.ts): `key` once, then `steps`,
 * `timestamps` and `values` arrays in place of `metrics`, other fields as `encodeSampledSeries`.
 * Arrays of numbers go through JSON.stringify's fast path. Without `timestamps`, the timestamps
 * array is left out (the `timestamps=false` request).
 */
export function encodeSampledSeriesColumns(series: SampledMetricSeries, timestamps = true): string {
  const fields: string[] = [];
  for (const [name, value] of Object.entries(series) as [string, unknown][]) {
    if (value === undefined) continue;
    if (Array.isArray(value) && value.length === 0) continue;
    if (name === "metrics") {
      const metrics = value as Metric[];
      fields.push(
        `"key":${JSON.stringify((metrics[0] as Metric).key)}`,
        `"steps":${JSON.stringify(metrics.map((m) => wireValue(m.step)))}`,
        ...(timestamps ? [`"timestamps":${JSON.stringify(metrics.map((m) => wireValue(m.timestamp)))}`] : []),
        `"values":${JSON.stringify(metrics.map((m) => wireValue(m.value)))}`,
      );
    } else fields.push(`${JSON.stringify(name)}:${encodeJson(value)}`);
  }
  return `{${fields.join(",")}}`;
}
