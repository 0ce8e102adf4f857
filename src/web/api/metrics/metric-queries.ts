import { keepPreviousData, queryOptions } from "@tanstack/react-query";
import { columnsOfSeries, decodeSampledBinary, decodeSampledColumns, SampledHistoryLimits, type SampledSeriesColumns } from "../../../core/charts/index.js";
import { isMlflowError } from "../../../core/index.js";
import { parseJsonBody } from "../../../client/rest-client.js";
import { apiClient } from "../../lib/api-client.js";
import { bulkIntervalSeries } from "./bulk-interval-fallback.js";
import { metricKeys, type SampledHistoryQuery } from "./metric-keys.js";

/**
 * Whether the server lacks Tracklet's sampled read (a real MLflow server). Learnt from the first
 * 404 and kept for the page's life, so every later chart goes straight to the fallback instead of
 * paying a failed request each.
 */
let sampledReadMissing = false;

/**
 * A chart-sized history per run: Tracklet's sampled read (every bucket keeps its min and max, and
 * NaN/Inf points are kept; smoothing is applied to the raw series on the server), or, against a
 * real MLflow server without that endpoint, MLflow's own get-history-bulk-interval
 * (`bulk-interval-fallback.ts`). The previous answer stays on screen while a new zoom or
 * setting loads, so the chart does not blank between views.
 */
export function sampledHistoryQueryOptions(query: SampledHistoryQuery) {
  return queryOptions({
    queryKey: metricKeys.sampled(query),
    placeholderData: keepPreviousData,
    // A fresh answer replaces the old one whole: comparing 100 × 1,000 points with the previous
    // answer, to keep unchanged objects, costs more than the chart's redraw it could save.
    structuralSharing: false,
    // Both servers take at most 100 runs per request: more runs are fetched in parallel chunks.
    queryFn: async (): Promise<SampledSeriesColumns[]> => {
      const chunks: string[][] = [];
      for (let i = 0; i < query.runIds.length; i += SampledHistoryLimits.MAX_RUN_IDS) chunks.push(query.runIds.slice(i, i + SampledHistoryLimits.MAX_RUN_IDS));
      return (await Promise.all(chunks.map((runIds) => fetchSeries({ ...query, runIds })))).flat();
    },
  });
}

/**
 * The binary layout, or JSON from a Tracklet that predates it (it ignores `binary` and answers in
 * the columns layout, which was asked for too).
 */
function decodeSampledBody(body: ArrayBuffer, contentType: string): SampledSeriesColumns[] {
  if (!contentType.includes("json")) return decodeSampledBinary(body);
  return decodeSampledColumns(parseJsonBody(new TextDecoder().decode(body), "the sampled history read"));
}

async function fetchSeries(query: SampledHistoryQuery): Promise<SampledSeriesColumns[]> {
  if (sampledReadMissing) return (await bulkIntervalSeries(query)).map(columnsOfSeries);
  const request = {
    run_ids: [...query.runIds],
    metric_key: query.metricKey,
    max_points: query.maxPoints,
    x_axis: query.xAxis,
    ...(query.smoothing ? { smoothing: query.smoothing } : {}),
    ...(query.minX === undefined ? {} : { min_x: query.minX }),
    ...(query.maxX === undefined ? {} : { max_x: query.maxX }),
    // The columns as float64 arrays, viewed in place: no parsing, and a third fewer bytes than the
    // JSON columns layout, which an older Tracklet sends instead (it does not know `binary`).
    binary: true,
    columns: true,
    // The step axis draws no timestamps: a third fewer bytes again (toPlotSeries reads them only on the time axes).
    ...(query.xAxis === "step" ? { timestamps: false } : {}),
  };
  try {
    return await apiClient.callRaw("getSampledMetricHistory", request, decodeSampledBody);
  } catch (error) {
    if (!isMlflowError(error) || error.errorCode !== "ENDPOINT_NOT_FOUND") throw error;
    sampledReadMissing = true;
    return (await bulkIntervalSeries(query)).map(columnsOfSeries);
  }
}
