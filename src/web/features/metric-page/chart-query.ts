import type { SampledHistoryQuery } from "../../api/metrics/metric-keys.js";
import { SERVER_X_AXIS, type ChartSettings } from "./chart-settings.js";

/** Points per run of the full-width metric page: about one per horizontal pixel of a 1,440 px window. */
export const METRIC_PAGE_MAX_POINTS = 1250;

/**
 * The history query of a chart. One function for the chart and the route loader, so the loader's
 * prefetch (started with the page's code, before it renders) is the very query the chart reads.
 */
export function chartHistoryQuery(runIds: readonly string[], metricKey: string, settings: ChartSettings, maxPoints: number): SampledHistoryQuery {
  return {
    runIds,
    metricKey,
    maxPoints,
    xAxis: SERVER_X_AXIS[settings.xAxis],
    smoothing: settings.smoothing,
    ...(settings.zoom ? { minX: settings.zoom.min, maxX: settings.zoom.max } : {}),
  };
}

/** The runs of a metric page: the path's run, then those of `?runs=` (deduplicated). */
export function chartRunIds(runId: string, runsParam: string | null): string[] {
  const listed = (runsParam ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  return [...new Set([runId, ...listed])].filter(Boolean);
}
