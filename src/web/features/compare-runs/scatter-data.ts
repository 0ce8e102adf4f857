import type { Run } from "../../../core/index.js";
import { formatMetric } from "../../utils/format.js";
import { fieldValue, parseNumber, runLabel, type FieldRef } from "./compare-fields.js";
import type { CompareSection } from "./compare-rows.js";

const byText = new Intl.Collator(undefined, { numeric: true }).compare;

/** Numbers by value first (`0.001`, `1e-2`, `0.1`), then text in natural order (`v2` before `v10`). */
export function compareCategories(a: string, b: string): number {
  const na = parseNumber(a);
  const nb = parseNumber(b);
  if (na !== undefined && nb !== undefined) return na - nb || byText(a, b);
  if (na !== undefined) return -1;
  if (nb !== undefined) return 1;
  return byText(a, b);
}

/** A scatter axis: numeric, or categorical (then values are positions 0…n-1 in `categories`). */
export interface ScatterAxis {
  field: FieldRef;
  categories: string[] | undefined;
}

export interface ScatterPoint {
  runId: string;
  experimentId: string;
  name: string;
  x: number;
  y: number;
  xText: string;
  yText: string;
  color: string;
}

/** MLflow stores ±Infinity as ±max double; neither can be placed on a linear axis. */
function plottable(n: number): boolean {
  return Number.isFinite(n) && Math.abs(n) < 1e308;
}

/** A param is numeric when every value it has is a number; one `"adam"` makes the axis categorical. */
export function buildAxis(runs: readonly Run[], field: FieldRef): ScatterAxis {
  if (field.kind === "metrics") return { field, categories: undefined };
  const texts = runs.flatMap((r) => {
    const v = fieldValue(r, field);
    return typeof v === "string" ? [v] : [];
  });
  const numeric = texts.every((t) => parseNumber(t) !== undefined);
  return { field, categories: numeric ? undefined : [...new Set(texts)].sort(compareCategories) };
}

/** The position of a run's value on the axis, undefined when it has none or it cannot be drawn. */
export function axisNumber(axis: ScatterAxis, value: string | number | undefined): number | undefined {
  if (value === undefined) return undefined;
  if (axis.categories) {
    const i = axis.categories.indexOf(String(value));
    return i < 0 ? undefined : i;
  }
  const n = typeof value === "number" ? value : parseNumber(value);
  return n !== undefined && plottable(n) ? n : undefined;
}

/** One point per run that has a drawable value on both axes; `missing` counts the others, so none vanish silently. */
export function scatterPoints(runs: readonly Run[], x: ScatterAxis, y: ScatterAxis, colorOf: (index: number) => string): { points: ScatterPoint[]; missing: number } {
  const points = runs.flatMap((run, i): ScatterPoint[] => {
    const xv = fieldValue(run, x.field);
    const yv = fieldValue(run, y.field);
    const xn = axisNumber(x, xv);
    const yn = axisNumber(y, yv);
    if (xn === undefined || yn === undefined) return [];
    return [{ runId: run.info.run_id, experimentId: run.info.experiment_id, name: runLabel(run), x: xn, y: yn, xText: valueText(xv), yText: valueText(yv), color: colorOf(i) }];
  });
  return { points, missing: runs.length - points.length };
}

/** A param as the text it was logged as; a metric readable (`6.8349e-8`, not 17 digits of a double). */
export function valueText(value: string | number | undefined): string {
  if (value === undefined) return "—";
  return typeof value === "number" ? formatMetric(value) : value;
}

/** The drawable numbers of a numeric axis, one per run that has one (none for a categorical axis). */
export function axisValues(runs: readonly Run[], axis: ScatterAxis): number[] {
  if (axis.categories) return [];
  return runs.flatMap((run) => axisNumber(axis, fieldValue(run, axis.field)) ?? []);
}

/** Every param and metric key of the runs, params first: the choices of the axis selects. */
export function fieldOptions(sections: readonly CompareSection[]): FieldRef[] {
  return sections.flatMap((s) => {
    const kind = s.id;
    return kind === "params" || kind === "metrics" ? s.allKeys.map((key): FieldRef => ({ kind, key })) : [];
  });
}
