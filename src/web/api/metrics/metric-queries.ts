import { queryOptions } from "@tanstack/react-query";
import type { SampledMetricSeries } from "../../../core/charts/index.js";
import { isMlflowError } from "../../../core/index.js";
import { apiClient } from "../../lib/api-client.js";
import { metricKeys, type SampledHistoryQuery } from "./metric-keys.js";

/**
 * A chart-sized history per run: Tracklet's sampled read (every bucket keeps its min and max, and
 * NaN/Inf points are kept), or, against a real MLflow server without that endpoint, MLflow's own
 * get-history-bulk-interval (evenly strided steps).
 */
export function sampledHistoryQueryOptions(query: SampledHistoryQuery) {
  return queryOptions({
    queryKey: metricKeys.sampled(query),
    queryFn: async (): Promise<SampledMetricSeries[]> => {
      try {
        const response = await apiClient.call("getSampledMetricHistory", {
          run_ids: [...query.runIds],
          metric_key: query.metricKey,
          max_points: query.maxPoints,
          x_axis: query.xAxis,
        });
        return response.series ?? [];
      } catch (error) {
        if (!isMlflowError(error) || error.errorCode !== "ENDPOINT_NOT_FOUND") throw error;
        const response = await apiClient.call("getMetricHistoryBulkInterval", {
          run_ids: [...query.runIds],
          metric_key: query.metricKey,
          max_results: Math.min(query.maxPoints, 2500),
        });
        const metrics = response.metrics ?? [];
        return query.runIds.map((runId) => {
          const points = metrics.filter((m) => m.run_id === runId);
          return { run_id: runId, metrics: points, total_points: points.length, sampled: false };
        });
      }
    },
  });
}
