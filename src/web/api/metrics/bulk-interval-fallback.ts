import { smoothEma, type SampledMetricSeries } from "../../../core/charts/index.js";
import { Limits, type MetricWithRunId } from "../../../core/index.js";
import { apiClient } from "../../lib/api-client.js";
import type { SampledHistoryQuery } from "./metric-keys.js";

/**
 * The sampled history from a real MLflow server, which has no Tracklet endpoint: MLflow's own
 * get-history-bulk-interval (evenly strided steps, at most 2,500 per run, plus each run's first and
 * last step), shaped like Tracklet's answer. A step zoom asks MLflow for that step range, as
 * MLflow's UI does; a time zoom filters client-side. Smoothing and relative time are computed here
 * on what MLflow returned: the EMA runs over the strided points, not over the raw series as on a
 * Tracklet server, so heavy smoothing of a long series differs a little. `total_points` is the
 * number of points received (MLflow does not say how many it left out).
 */
export async function bulkIntervalSeries(query: SampledHistoryQuery): Promise<SampledMetricSeries[]> {
  const stepRange = query.xAxis === "step" && query.minX !== undefined && query.maxX !== undefined;
  const response = await apiClient.call("getMetricHistoryBulkInterval", {
    run_ids: [...query.runIds],
    metric_key: query.metricKey,
    max_results: Math.min(query.maxPoints, Limits.BULK_INTERVAL_MAX_RESULTS),
    ...(stepRange ? { start_step: Math.ceil(query.minX ?? 0), end_step: Math.floor(query.maxX ?? 0) } : {}),
  });
  const byRun = new Map<string, MetricWithRunId[]>();
  for (const m of response.metrics ?? []) byRun.set(m.run_id, [...(byRun.get(m.run_id) ?? []), m]);
  return query.runIds.map((runId) => shape(runId, byRun.get(runId) ?? [], query));
}

function shape(runId: string, received: readonly MetricWithRunId[], query: SampledHistoryQuery): SampledMetricSeries {
  const inStepOrder = [...received].sort((a, b) => a.step - b.step || a.timestamp - b.timestamp);
  const origin = Math.min(...inStepOrder.map((m) => m.timestamp));
  const xOf = (m: MetricWithRunId): number => (query.xAxis === "step" ? m.step : query.xAxis === "timestamp" ? m.timestamp : m.timestamp - origin);
  const smoothing = query.smoothing ?? 0;
  const smoothed = smoothEma(
    inStepOrder.map((m) => ({ x: xOf(m), y: m.value, m })),
    smoothing,
  );
  const inside = smoothed.filter((p) => (query.minX === undefined || p.x >= query.minX) && (query.maxX === undefined || p.x <= query.maxX));
  if (query.xAxis !== "step") inside.sort((a, b) => a.x - b.x || a.m.step - b.m.step);
  return {
    run_id: runId,
    metrics: inside.map((p) => ({ key: p.m.key, value: p.y, timestamp: p.m.timestamp, step: p.m.step })),
    total_points: inside.length,
    sampled: false,
    ...(smoothing > 0 ? { raw_values: inside.map((p) => p.m.value) } : {}),
    ...(query.xAxis === "relative_time" && inside.length > 0 ? { x_origin: origin } : {}),
  };
}
