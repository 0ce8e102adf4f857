import { MAX_SMOOTHING, type SampledHistoryXAxis } from "../../../core/charts/index.js";

/**
 * How a metric chart is drawn. Shareable view state, so it lives in the URL:
 *   ?x=time|relative&log=1&smooth=0.6&outliers=ignore&zoom=<min>,<max>
 * Every key is optional; the defaults (step axis, linear, no smoothing, all values, no zoom) are
 * left out so plain links stay short. Other parameters of the page are kept as they are.
 */
export type ChartXAxis = "step" | "time" | "relative";
export type ChartYScale = "linear" | "log";

/** A visible x-range, in the units of the x axis (steps, epoch ms, or ms since the series' start). */
export interface ChartZoom {
  readonly min: number;
  readonly max: number;
}

export interface ChartSettings {
  readonly xAxis: ChartXAxis;
  readonly yScale: ChartYScale;
  /** Debiased EMA weight, 0 (off) to 0.99. */
  readonly smoothing: number;
  /** Scale y to the bulk of the values (see `chart-series.ts`), not to every spike. */
  readonly ignoreOutliers: boolean;
  readonly zoom?: ChartZoom | undefined;
}

export const DEFAULT_CHART_SETTINGS: ChartSettings = { xAxis: "step", yScale: "linear", smoothing: 0, ignoreOutliers: false };

/** The URL parameters the chart settings own. */
export const CHART_SETTING_PARAMS = ["x", "log", "smooth", "outliers", "zoom"] as const;

/** The server's axis for a chart axis. */
export const SERVER_X_AXIS: Record<ChartXAxis, SampledHistoryXAxis> = { step: "step", time: "timestamp", relative: "relative_time" };

function parseZoom(text: string | null): ChartZoom | undefined {
  const [min, max, ...rest] = (text ?? "").split(",").map((s) => (s.trim() === "" ? NaN : Number(s)));
  if (rest.length > 0 || min === undefined || max === undefined || !Number.isFinite(min) || !Number.isFinite(max) || !(min < max)) return undefined;
  return { min, max };
}

/** Smoothing from the URL: clamped to [0, 0.99], two decimals, anything unreadable is 0. */
export function clampSmoothing(value: number): number {
  if (!Number.isFinite(value) || value <= 0) return 0;
  return Math.min(MAX_SMOOTHING, Math.round(value * 100) / 100);
}

export function readChartSettings(params: URLSearchParams): ChartSettings {
  const x = params.get("x");
  return {
    xAxis: x === "time" || x === "relative" ? x : "step",
    yScale: params.get("log") === "1" ? "log" : "linear",
    smoothing: clampSmoothing(Number(params.get("smooth") ?? 0)),
    ignoreOutliers: params.get("outliers") === "ignore",
    zoom: parseZoom(params.get("zoom")),
  };
}

/** A copy of `params` with the chart keys set from `settings` (defaults removed). */
export function writeChartSettings(params: URLSearchParams, settings: ChartSettings): URLSearchParams {
  const next = new URLSearchParams(params);
  for (const key of CHART_SETTING_PARAMS) next.delete(key);
  if (settings.xAxis !== "step") next.set("x", settings.xAxis);
  if (settings.yScale === "log") next.set("log", "1");
  const smoothing = clampSmoothing(settings.smoothing);
  if (smoothing > 0) next.set("smooth", String(smoothing));
  if (settings.ignoreOutliers) next.set("outliers", "ignore");
  if (settings.zoom && settings.zoom.min < settings.zoom.max) next.set("zoom", `${settings.zoom.min},${settings.zoom.max}`);
  return next;
}

/** Changing the axis drops the zoom: its range was in the old axis' units. */
export function withXAxis(settings: ChartSettings, xAxis: ChartXAxis): ChartSettings {
  return xAxis === settings.xAxis ? settings : { ...settings, xAxis, zoom: undefined };
}
