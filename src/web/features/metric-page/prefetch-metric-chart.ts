import type { QueryClient } from "@tanstack/react-query";
import { sampledHistoryQueryOptions } from "../../api/metrics/metric-queries.js";
import { chartHistoryQuery, chartRunIds, METRIC_PAGE_MAX_POINTS } from "./chart-query.js";
import { readChartSettings } from "./chart-settings.js";

/**
 * Starts a metric page's history request from its URL alone: the route loader calls it, and so does
 * boot.ts, before the app's code has even loaded. The request is the page's largest by far (100 runs
 * × 1,250 points is ~5 MB), so it should not wait for the app and the page's chunk. Both callers
 * build the very query the chart reads, so the chart finds it on its way.
 */
export function prefetchMetricChart(queryClient: QueryClient, runId: string, metricKey: string, searchParams: URLSearchParams): void {
  const runIds = chartRunIds(runId, searchParams.get("runs"));
  const query = chartHistoryQuery(runIds, metricKey, readChartSettings(searchParams), METRIC_PAGE_MAX_POINTS);
  if (runIds.length > 0 && query.metricKey) void queryClient.prefetchQuery(sampledHistoryQueryOptions(query));
}
