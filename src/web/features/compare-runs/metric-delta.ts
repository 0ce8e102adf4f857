import { formatMetric } from "../../utils/format.js";

export interface MetricDelta {
  absolute: number;
  /** Percent of the reference's magnitude; undefined when the reference is 0. */
  percent: number | undefined;
}

/** MLflow stores ±Infinity as ±max double: a delta against it would read "−∞ (−100%)". */
function measurable(n: number | undefined): n is number {
  return n !== undefined && Number.isFinite(n) && Math.abs(n) < Number.MAX_VALUE;
}

/** A metric against the reference run's value of the same metric; undefined when either is missing or not finite. */
export function metricDelta(value: number | undefined, reference: number | undefined): MetricDelta | undefined {
  if (!measurable(value) || !measurable(reference)) return undefined;
  const absolute = value - reference;
  return { absolute, percent: reference === 0 ? undefined : (absolute / Math.abs(reference)) * 100 };
}

function signed(text: string, n: number): string {
  return n > 0 ? `+${text}` : n < 0 ? `−${text.replace(/^-/, "")}` : text;
}

function formatPercent(p: number): string {
  const abs = Math.abs(p);
  if (abs === 0) return "0%";
  const digits = abs >= 100 ? 0 : abs >= 1 ? 1 : 2;
  return `${signed(abs.toFixed(digits), p)}%`;
}

/** `+0.012 (+4.1%)`, `−3 (−50%)`, `0 (0%)`; the sign is spelled out because the direction is the point. */
export function formatDelta(delta: MetricDelta): string {
  const absolute = signed(formatMetric(delta.absolute), delta.absolute);
  return delta.percent === undefined ? absolute : `${absolute} (${formatPercent(delta.percent)})`;
}
