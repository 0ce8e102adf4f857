import { isMarkerValue, type SampledSeriesColumns } from "../../../core/charts/index.js";
import { formatCount, formatDuration, formatTime } from "../../utils/format.js";
import { logTicks } from "../../utils/log-ticks.js";
import { integerTicks, niceStep, round12, ticksAt } from "../../utils/nice-ticks.js";
import type { ChartSettings, ChartXAxis } from "./chart-settings.js";

/** One point, as the tooltip reads it. `y` is null where the line cannot go (a marker, or ≤ 0 on a log scale). */
export interface PlotPoint {
  readonly x: number;
  readonly y: number | null;
  /** The logged value (NaN/±Infinity included). */
  readonly raw: number;
  /** The smoothed value, when smoothing is on. */
  readonly smoothed?: number | undefined;
  readonly step: number;
}

/**
 * A run's points, a typed array per field (the i-th point is `pointAt(points, i)`): the metric page
 * builds 100 runs × 1,250 points before its first paint, and an object per point cost more in
 * allocation and garbage collection than drawing them.
 */
export interface PlotPoints {
  readonly length: number;
  /** In x order. */
  readonly x: Float64Array;
  /** The drawn value; NaN where the line cannot go (a marker, or ≤ 0 on a log scale). */
  readonly y: Float64Array;
  readonly raw: Float64Array;
  readonly step: Float64Array;
  /** With smoothing: the smoothed value (NaN at a marker). */
  readonly smoothed?: Float64Array | undefined;
}

/** A NaN/±Infinity value, drawn as a marker on the top (NaN, +∞) or bottom (−∞) edge. */
export interface PlotMarker {
  readonly x: number;
  readonly raw: number;
  readonly edge: "top" | "bottom";
}

export interface PlotSeries {
  readonly runId: string;
  readonly runName: string;
  readonly color: string;
  readonly points: PlotPoints;
  readonly markers: readonly PlotMarker[];
  /** Points received and points in the range on the server. */
  readonly shown: number;
  readonly total: number;
  /** Values a log scale cannot draw (≤ 0): left out of the line, and counted so the chart can say so. */
  readonly offScale: number;
}

/**
 * A sampled series as drawn: x on the chosen axis, markers apart, raw and smoothed values kept. The
 * columns are shared, not copied, where the drawing needs them as they are (x on the step axis,
 * the logged values without smoothing).
 */
export function toPlotSeries(series: SampledSeriesColumns, run: { runName: string; color: string }, settings: ChartSettings): PlotSeries {
  const { steps, timestamps, values, raw_values: rawValues } = series;
  const n = steps.length;
  const origin = series.x_origin ?? timestamps[0] ?? 0;
  const smoothing = rawValues !== undefined;
  const logScale = settings.yScale === "log";
  let x = steps;
  if (settings.xAxis !== "step") {
    x = new Float64Array(n);
    const shift = settings.xAxis === "time" ? 0 : origin;
    for (let i = 0; i < n; i++) x[i] = (timestamps[i] as number) - shift;
  }
  const points = { length: n, x, y: new Float64Array(n), raw: rawValues ?? values, step: steps, smoothed: smoothing ? new Float64Array(n) : undefined };
  const markers: PlotMarker[] = [];
  let offScale = 0;
  for (let i = 0; i < n; i++) {
    const value = values[i] as number;
    if (isMarkerValue(value)) {
      markers.push({ x: x[i] as number, raw: value, edge: value < 0 ? "bottom" : "top" });
      points.y[i] = NaN;
      if (points.smoothed) points.smoothed[i] = NaN;
      continue;
    }
    if (logScale && value <= 0) {
      points.y[i] = NaN;
      offScale++;
    } else points.y[i] = value;
    if (points.smoothed) points.smoothed[i] = value;
  }
  return { runId: series.run_id, runName: run.runName, color: run.color, points, markers, shown: n, total: series.total_points, offScale };
}

/** The i-th point of a run. */
export function pointAt(points: PlotPoints, i: number): PlotPoint {
  const y = points.y[i] as number;
  const smoothed = points.smoothed?.[i];
  return { x: points.x[i] as number, y: Number.isNaN(y) ? null : y, raw: points.raw[i] as number, smoothed: smoothed === undefined || Number.isNaN(smoothed) ? undefined : smoothed, step: points.step[i] as number };
}

/** Linear-interpolated quantile of sorted values (q in [0, 1]). */
function quantile(sorted: Float64Array, q: number): number {
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const a = sorted[lo] as number;
  const b = sorted[Math.min(lo + 1, sorted.length - 1)] as number;
  return a + (b - a) * (at - lo);
}

/**
 * The y-range to draw. All values by default; with "ignore outliers", the 1st to 99th percentile of
 * the drawn values (over every run): a lone spike or the first steps of a loss stop flattening the
 * rest, and still show as a line leaving the chart. (MLflow's UI drops the points outside the
 * 5th–95th percentile instead; hiding data is what the min/max sampling avoids, so only the scale
 * changes here, and it keeps more of the range.) Undefined when nothing is drawable. The range is
 * then widened to round tick values by `yAxisTicks`.
 */
export function yDomain(series: readonly PlotSeries[], settings: Pick<ChartSettings, "ignoreOutliers" | "yScale">): [number, number] | undefined {
  const log = settings.yScale === "log";
  const [lo, hi] = settings.ignoreOutliers ? percentileRange(series, log) : extent(series, log);
  if (!(lo <= hi)) return undefined;
  if (lo !== hi) return [lo, hi];
  // A flat line: a band around it (a factor of √2 on a log scale).
  if (settings.yScale === "log") return [lo / Math.SQRT2, hi * Math.SQRT2];
  const pad = Math.abs(lo) * 0.1 || 1;
  return [lo - pad, hi + pad];
}

/**
 * With smoothing the logged values are drawn too (faded, behind the smoothed line): the y-range
 * makes room for them. NaN, ±Infinity (markers) and, on a log scale, values ≤ 0 are not drawn.
 */
const rawDrawn = (v: number, log: boolean): boolean => !isMarkerValue(v) && (!log || v > 0);

/** The smallest and largest drawn value, in one pass (the default scale needs no sort). */
function extent(series: readonly PlotSeries[], log: boolean): [number, number] {
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    // NaN (not drawn) fails both comparisons.
    for (const y of s.points.y) {
      if (y < lo) lo = y;
      if (y > hi) hi = y;
    }
    if (!s.points.smoothed) continue;
    for (const v of s.points.raw) {
      if (!rawDrawn(v, log)) continue;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
  }
  return [lo, hi];
}

/** The 1st and 99th percentile of the drawn values (a typed array sorts numbers natively, without a comparator). */
function percentileRange(series: readonly PlotSeries[], log: boolean): [number, number] {
  let n = 0;
  for (const s of series) {
    for (const y of s.points.y) if (!Number.isNaN(y)) n++;
    if (s.points.smoothed) for (const v of s.points.raw) if (rawDrawn(v, log)) n++;
  }
  if (n === 0) return [Infinity, -Infinity];
  const values = new Float64Array(n);
  let i = 0;
  for (const s of series) {
    for (const y of s.points.y) if (!Number.isNaN(y)) values[i++] = y;
    if (s.points.smoothed) for (const v of s.points.raw) if (rawDrawn(v, log)) values[i++] = v;
  }
  values.sort();
  return [quantile(values, 0.01), quantile(values, 0.99)];
}

/** A side of the y domain is widened to the next round tick only while that costs at most this share of the plot. */
const MAX_ROUNDING = 0.08;
/** Otherwise it is padded by this share, so a line along the edge stays clear of it. */
const EDGE_PADDING = 0.03;

/**
 * The y axis: its domain and ticks. Linear: ticks at multiples of a nice step; each side of the
 * domain ends on a tick when that is close, else just past the data (a loss at −0.04 with a spike
 * at 85 would otherwise spend a fifth of the plot on −20…0), and never crosses zero that the data
 * does not cross. Log: `logTicks` (powers of ten, subdivided over a short range), the domain
 * widened to a tick at each end so both ends are labelled.
 */
export function yAxisTicks([lo, hi]: [number, number], scale: ChartSettings["yScale"], count = 5): { domain: [number, number]; ticks: number[] } {
  if (scale === "linear") {
    const span = hi - lo;
    const step = niceStep(span, count);
    const roundLo = Math.floor(lo / step) * step;
    const roundHi = Math.ceil(hi / step) * step;
    let from = lo - roundLo <= span * MAX_ROUNDING ? roundLo : lo - span * EDGE_PADDING;
    let to = roundHi - hi <= span * MAX_ROUNDING ? roundHi : hi + span * EDGE_PADDING;
    if (lo >= 0 && from < 0) from = 0;
    if (hi <= 0 && to > 0) to = 0;
    return { domain: [round12(from), round12(to)], ticks: ticksAt(from, to, step) };
  }
  return logTicks(lo, hi) ?? { domain: [lo, hi], ticks: [lo, hi] };
}

/** The x-range of the drawn points (the zoom when there is one). */
export function xDomain(series: readonly PlotSeries[], zoom: ChartSettings["zoom"]): [number, number] | undefined {
  if (zoom) return [zoom.min, zoom.max];
  let lo = Infinity;
  let hi = -Infinity;
  for (const s of series) {
    const { x, length } = s.points;
    if (length === 0) continue;
    lo = Math.min(lo, x[0] as number);
    hi = Math.max(hi, x[length - 1] as number);
  }
  if (!(lo <= hi)) return undefined;
  // One x value: half a step each side, so a single step is the axis's only tick (no "-1" beside step 0).
  return lo === hi ? [lo - 0.5, hi + 0.5] : [lo, hi];
}

/** Tick and tooltip text for an x value. */
export function formatX(x: number, axis: ChartXAxis): string {
  if (axis === "step") return Number.isInteger(x) ? x.toLocaleString() : x.toFixed(1);
  if (axis === "time") return formatTime(x);
  return formatDuration(Math.max(0, x));
}

export const X_AXIS_LABEL: Record<ChartXAxis, string> = { step: "Step", time: "Wall time", relative: "Relative time" };

/**
 * The point of a run to show at a hovered x, or undefined when the run has none there: the nearest
 * point if x lies within the run's x-range, or if the point is at most `reach` away (a run logged
 * once, or the end of a run that stopped earlier than the others). Points outside `domain` (the
 * zoom) are never shown. Without this a run logged once at step 0 answered for step 1,600.
 */
export function pointNear(points: PlotPoints, x: number, reach: number, [min, max]: readonly [number, number]): PlotPoint | undefined {
  const xs = points.x;
  const n = points.length;
  if (n === 0) return undefined;
  // The first point at or after x, then the nearer of it and the one before, among those in the domain.
  let lo = 0;
  let hi = n;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((xs[mid] as number) < x) lo = mid + 1;
    else hi = mid;
  }
  let best = -1;
  for (const i of [lo - 1, lo]) {
    const at = xs[i];
    if (at === undefined || at < min || at > max) continue;
    if (best < 0 || Math.abs(at - x) < Math.abs((xs[best] as number) - x)) best = i;
  }
  if (best < 0) return undefined;
  const within = x >= (xs[0] as number) && x <= (xs[n - 1] as number);
  return within || Math.abs((xs[best] as number) - x) <= reach ? pointAt(points, best) : undefined;
}

const pad2 = (n: number): string => String(n).padStart(2, "0");

const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
/** Round time intervals for ticks on the time axes. */
const TIME_STEPS = [1, 2, 5, 10, 15, 30].map((n) => n * SECOND).concat([1, 2, 5, 10, 15, 30].map((n) => n * MINUTE), [1, 2, 3, 6, 12].map((n) => n * HOUR), [1, 2, 7, 14, 30, 60, 90, 180, 365].map((n) => n * DAY));

/** About this many intervals between x ticks (time axes), room permitting. */
const X_TICK_INTERVALS = 6;
/** At most this many x ticks, however wide the chart. */
const MAX_X_TICKS = 8;
/** The least space between two x tick labels. */
const X_MIN_TICK_GAP = 16;
/** Width of one character of an 11 px tick label (digits, `:`, `,`), generously. */
const TICK_CHAR_PX = 7;

/**
 * How many x ticks fit a plot `widthPx` wide with labels of up to `labelChars` characters and
 * X_MIN_TICK_GAP between them. The chart shows every tick it is given: Recharts' own thinning
 * measured our 11 px labels at its default font size and dropped labels that fit, so a grid
 * card's step axis read 0, 25, 50, 75, 100, 175. Unknown width (0): MAX_X_TICKS.
 */
export function xTickBudget(widthPx: number, labelChars: number): number {
  if (!(widthPx > 0)) return MAX_X_TICKS;
  // n ticks are n - 1 spacings apart, and the outer labels may reach past the plot's ends.
  return Math.max(2, Math.min(MAX_X_TICKS, Math.floor(widthPx / (labelChars * TICK_CHAR_PX + X_MIN_TICK_GAP)) + 1));
}

/**
 * x ticks at round values inside the domain (the domain itself is not widened: it is the data's
 * or the zoom's), at most `maxTicks` (`xTickBudget`): whole round numbers of steps
 * (`integerTicks`), round durations of relative time, round clock times of wall time (in local time).
 */
export function xAxisTicks([lo, hi]: [number, number], axis: ChartXAxis, maxTicks = MAX_X_TICKS): number[] {
  // Steps are whole numbers: no tick at step 0.5, nor at 7.5.
  if (axis === "step") return integerTicks(lo, hi, maxTicks);
  const span = hi - lo;
  const count = Math.max(1, Math.min(X_TICK_INTERVALS, maxTicks - 1));
  let step = niceStep(span, count);
  let offset = 0;
  if (span / count >= SECOND) {
    step = TIME_STEPS.find((t) => t >= span / count) ?? step;
    // Wall time: align to local midnight, hours and minutes (the timezone offset, in ms).
    if (axis === "time" && step < 7 * DAY) offset = -new Date(lo).getTimezoneOffset() * MINUTE;
  }
  return ticksAt(lo, hi, step, offset);
}

/**
 * Axis tick text: shorter than the tooltip's. Wall time shows the clock within a day and the date
 * beyond; relative time is a duration; steps are numbers, compact past 10,000 (`60.1k`) while the
 * ticks are `spacing` ≥ 100 apart, so that one decimal of k writes each of them exactly. Closer
 * ticks are written out (`60,005`): rounded to 4 digits, as they were, neighbours got one label.
 */
export function formatTick(x: number, axis: ChartXAxis, span: number, spacing = 0): string {
  if (axis === "relative") return x <= 0 ? "0" : formatDuration(x);
  if (axis === "time") {
    const d = new Date(x);
    const clock = `${pad2(d.getHours())}:${pad2(d.getMinutes())}${span < 600_000 ? `:${pad2(d.getSeconds())}` : ""}`;
    return span < 86_400_000 ? clock : `${pad2(d.getMonth() + 1)}-${pad2(d.getDate())} ${clock}`;
  }
  if (!Number.isInteger(x)) return x.toFixed(1);
  if (Math.abs(x) < 10_000) return String(x);
  return spacing >= 100 && spacing % 100 === 0 ? `${Number((x / 1000).toFixed(1))}k` : formatCount(x);
}
