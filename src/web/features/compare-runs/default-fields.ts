import type { Run } from "../../../core/index.js";
import { fieldValue, type FieldRef } from "./compare-fields.js";

const byName = new Intl.Collator(undefined, { numeric: true }).compare;
const LOSS = /loss/i;
/** `acc`, `val_acc`, `top1_accuracy`, but not `grad_accumulation`. */
const ACCURACY = /(^|[^a-z])acc(uracy)?([^a-z]|$)/i;

function loggedBy(runs: readonly Run[], field: FieldRef): number {
  return runs.reduce((n, run) => n + (fieldValue(run, field) === undefined ? 0 : 1), 0);
}

function namePreference(key: string): number {
  return LOSS.test(key) ? 0 : ACCURACY.test(key) ? 1 : 2;
}

/**
 * Metrics best first, for a default axis: the one most runs logged (a metric half the runs lack
 * draws half the picture), then a loss, then an accuracy (what people compare runs by; a metric like
 * `lr` comes first alphabetically but is a schedule, not a result), then by name.
 */
export function rankMetrics(runs: readonly Run[], keys: readonly string[]): string[] {
  const count = new Map(keys.map((key) => [key, loggedBy(runs, { kind: "metrics", key })]));
  return [...keys].sort((a, b) => (count.get(b) ?? 0) - (count.get(a) ?? 0) || namePreference(a) - namePreference(b) || byName(a, b));
}

function distinctValues(runs: readonly Run[], field: FieldRef): number {
  return new Set(runs.flatMap((run) => fieldValue(run, field) ?? [])).size;
}

/**
 * Params best first, in the order given (the table's) within each rank: first those with two or more
 * values that every run sets, then those with two or more values among the runs that set them, then
 * those set in some runs only, then the constant ones. A param only some runs set "differs" in the
 * table, but as the scatter's x it leaves the other runs out (`dropout` on half an lr sweep).
 */
export function rankParams(runs: readonly Run[], keys: readonly string[]): string[] {
  const rank = (key: string): number => {
    const field: FieldRef = { kind: "params", key };
    const everywhere = loggedBy(runs, field) === runs.length;
    if (distinctValues(runs, field) > 1) return everywhere ? 0 : 1;
    return everywhere ? 3 : 2;
  };
  const ranks = new Map(keys.map((key) => [key, rank(key)]));
  return [...keys].sort((a, b) => (ranks.get(a) ?? 0) - (ranks.get(b) ?? 0));
}

/** The metric that closes parallel coordinates by default: the best-ranked one. */
export function defaultMetric(runs: readonly Run[], metricKeys: readonly string[]): string | undefined {
  return rankMetrics(runs, metricKeys)[0];
}

/**
 * The scatter's default question, "how does the param I varied move the result?": x the first param
 * that varies, y the best-ranked metric. Without params two metrics; without metrics two params.
 */
export function defaultScatterFields(runs: readonly Run[], paramKeys: readonly string[], metricKeys: readonly string[]): { x: FieldRef | undefined; y: FieldRef | undefined } {
  const params = rankParams(runs, paramKeys).map((key): FieldRef => ({ kind: "params", key }));
  const metrics = rankMetrics(runs, metricKeys).map((key): FieldRef => ({ kind: "metrics", key }));
  const x = params[0] ?? metrics[0];
  const y = [...metrics, ...params].find((f) => f !== x);
  return { x, y };
}
