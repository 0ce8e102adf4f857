import type { Run } from "../../../core/index.js";
import { allIntegers, formatTicks, niceTicks } from "./axis-ticks.js";
import { fieldId, fieldValue, type FieldRef } from "./compare-fields.js";
import { logPosition, logTicks, wantsLogScale } from "./log-axis.js";
import { axisNumber, axisValues, buildAxis } from "./scatter-data.js";

export interface AxisTick {
  /** 0 at the bottom of the axis, 1 at the top. */
  at: number;
  label: string;
}

export interface ParallelAxis {
  id: string;
  field: FieldRef;
  /** Set for a categorical axis: value i sits at i/(n-1). */
  categories: string[] | undefined;
  /** Drawn on a log scale: all positive, over two decades or more (`lr`). */
  log: boolean;
  min: number;
  max: number;
  ticks: AxisTick[];
}

/** Where `n` evenly spaced labels can be read in `heightPx`: every k-th one. */
function categoryTicks(categories: readonly string[], heightPx: number): AxisTick[] {
  const fit = Math.max(2, Math.floor(heightPx / 14));
  const every = Math.ceil(categories.length / fit);
  return categories.flatMap((label, i) => (i % every === 0 || i === categories.length - 1 ? [{ at: categoryAt(i, categories.length), label }] : []));
}

function categoryAt(index: number, count: number): number {
  return count <= 1 ? 0.5 : index / (count - 1);
}

/**
 * One axis per field: params that differ (categorical when any value is not a number) and then the
 * chosen metric. A numeric axis spans the runs' own min…max, so small differences fill the height;
 * one whose values span two decades or more is a log axis. Runs without a value on an axis are not
 * part of its range: they are drawn apart from it (see parallel-line.ts).
 */
export function buildParallelAxes(runs: readonly Run[], fields: readonly FieldRef[], heightPx: number): ParallelAxis[] {
  return fields.map((field): ParallelAxis => {
    const axis = buildAxis(runs, field);
    if (axis.categories) {
      return { id: fieldId(field), field, categories: axis.categories, log: false, min: 0, max: axis.categories.length - 1, ticks: categoryTicks(axis.categories, heightPx) };
    }
    const values = axisValues(runs, axis);
    const min = values.length ? Math.min(...values) : 0;
    const max = values.length ? Math.max(...values) : 0;
    const count = Math.max(1, Math.min(5, Math.floor(heightPx / 40) - 1));
    const log = wantsLogScale(values);
    const at = (field.kind === "params" ? valueTicks(values, min, max, log, heightPx) : undefined) ?? (log ? logTicks(min, max, count) : niceTicks(min, max, { count, integer: allIntegers(values) }));
    const labels = formatTicks(at);
    const ticks = at.map((v, i) => ({ at: scale(v, min, max, log), label: labels[i] ?? "" }));
    return { id: fieldId(field), field, categories: undefined, log, min, max, ticks };
  });
}

/** More labels than this on a 250 px axis read as a ruler, not as the values of a sweep. */
const MAX_VALUE_TICKS = 10;
/** Closer than this, 10 px labels touch. */
const MIN_TICK_GAP_PX = 14;

/**
 * A param swept over a few values is labelled at those values (batch_size 32 and 64, not 40 50 60
 * with the two real values unlabelled at the ends), as long as neighbouring labels do not touch.
 */
function valueTicks(values: readonly number[], min: number, max: number, log: boolean, heightPx: number): number[] | undefined {
  const distinct = [...new Set(values)].sort((a, b) => a - b);
  if (distinct.length === 0 || distinct.length > MAX_VALUE_TICKS) return undefined;
  const at = distinct.map((v) => scale(v, min, max, log) * heightPx);
  return at.every((y, i) => i === 0 || y - (at[i - 1] ?? 0) >= MIN_TICK_GAP_PX) ? distinct : undefined;
}

function scale(v: number, min: number, max: number, log: boolean): number {
  if (log) return logPosition(v, min, max);
  return max > min ? (v - min) / (max - min) : 0.5;
}

/** A run's position on the axis (0 bottom … 1 top), undefined when it has no drawable value. */
export function axisPosition(axis: ParallelAxis, run: Run): number | undefined {
  const n = axisNumber({ field: axis.field, categories: axis.categories }, fieldValue(run, axis.field));
  if (n === undefined) return undefined;
  return axis.categories ? categoryAt(n, axis.categories.length) : scale(n, axis.min, axis.max, axis.log);
}

/** Indigo → violet → pink → amber: ordered, and visible on both light and dark backgrounds. */
const RAMP = [
  [79, 107, 237],
  [155, 81, 224],
  [232, 72, 138],
  [245, 166, 35],
] as const;

/** The colour of a value at `t` (0…1) of the metric's range. */
export function rampColor(t: number): string {
  const clamped = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0));
  const scaled = clamped * (RAMP.length - 1);
  const i = Math.min(RAMP.length - 2, Math.floor(scaled));
  const f = scaled - i;
  const a = RAMP[i] ?? RAMP[0];
  const b = RAMP[i + 1] ?? RAMP[0];
  const hex = (k: 0 | 1 | 2) => Math.round(a[k] + (b[k] - a[k]) * f).toString(16).padStart(2, "0");
  return `#${hex(0)}${hex(1)}${hex(2)}`;
}

/** The CSS gradient of the same ramp, for the colour legend. */
export function rampGradient(): string {
  return `linear-gradient(to right, ${RAMP.map(([r, g, b]) => `rgb(${r} ${g} ${b})`).join(", ")})`;
}
