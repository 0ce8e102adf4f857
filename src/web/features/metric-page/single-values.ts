import type { PlotSeries } from "./chart-series.js";

/** A run's one logged value, as a bar from zero. */
export interface SingleValueBar {
  runId: string;
  runName: string;
  color: string;
  /** Undefined: the run has no value of the metric. */
  value: number | undefined;
  /** The bar's span along the axis as fractions of its width (start ≤ end), 0 … 1. */
  from: number;
  to: number;
}

export interface SingleValueBars {
  bars: SingleValueBar[];
  /** Where zero sits on the axis, 0 … 1 (0: every value ≥ 0; 1: every value ≤ 0). */
  zero: number;
}

/**
 * A metric every run logged at most once (a final accuracy, a test score) as bars, or undefined when
 * a line chart is the right picture: some run logged it more than once, no run has a finite value, or
 * a value is NaN/±Inf (the line chart's markers show those). On a line chart such a metric is a
 * column of dots at one step, whose order and differences are hard to read; MLflow draws it as bars too.
 */
export function singleValueBars(series: readonly PlotSeries[]): SingleValueBars | undefined {
  if (series.length === 0 || series.some((s) => s.total > 1 || s.markers.length > 0)) return undefined;
  const values = series.map((s) => (s.points.length === 1 ? s.points.raw[0] : undefined));
  const finite = values.filter((v): v is number => v !== undefined && Number.isFinite(v));
  if (finite.length === 0) return undefined;
  const low = Math.min(0, ...finite);
  const high = Math.max(0, ...finite);
  const span = high - low || 1;
  const at = (v: number): number => (v - low) / span;
  const zero = at(0);
  const bars = series.map((s, i): SingleValueBar => {
    const value = values[i];
    const end = value === undefined ? zero : at(value);
    return { runId: s.runId, runName: s.runName, color: s.color, value, from: Math.min(zero, end), to: Math.max(zero, end) };
  });
  return { bars, zero };
}
