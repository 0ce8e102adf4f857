import { queryOptions } from "@tanstack/react-query";
import { columnsOfSeries, decodeSampledBinary, decodeSampledColumns, SampledHistoryLimits, type SampledSeriesColumns } from "../../../core/charts/index.js";
import { isMlflowError } from "../../../core/index.js";
import { parseJsonBody } from "../../../client/rest-client.js";
import { apiClient } from "../../lib/api-client.js";
import { bulkIntervalSeries } from "./bulk-interval-fallback.js";
import { liveRefetchInterval, mergeSeries, runsToRefresh } from "./live-series.js";
import { metricKeys, type SampledHistoryQuery } from "./metric-keys.js";

/**
 * Whether the server lacks Tracklet's sampled read (a real MLflow server). Learnt from the first
 * 404 and kept for the page's life, so every later chart goes straight to the fallback instead of
 * paying a failed request each.
 */
let sampledReadMissing = false;

/** A chart's answer: each run's series, in the order of the query's runs, and which runs may still be growing. */
export interface SampledHistory {
  readonly series: SampledSeriesColumns[];
  /**
   * The runs taken for live when this answer was fetched (see `runsToRefresh`): on a refresh, those
   * still live after their statuses were refreshed; on a full read, every run it was asked to
   * refresh (a full read knows no more); without live runs, none.
   */
  readonly live: readonly string[];
}

/** How a chart of running runs refetches (`RunsMetricChart` polls with it). */
export interface LiveRefetch {
  /** The chart's runs that are live now (`isLiveStatus`), as far as it knows. */
  readonly liveNow: ReadonlySet<string>;
  /**
   * Refreshes these runs' statuses and resolves to those still live. Awaited before their series
   * are asked for, so a run found finished is read after it ended, with its last points.
   */
  readonly refreshStatuses: (runIds: readonly string[]) => Promise<readonly string[]>;
}

/**
 * A chart-sized history per run: Tracklet's sampled read (every bucket keeps its min and max, and
 * NaN/Inf points are kept; smoothing is applied to the raw series on the server), or, against a
 * real MLflow server without that endpoint, MLflow's own get-history-bulk-interval
 * (`bulk-interval-fallback.ts`). The previous answer stays on screen while a new zoom or
 * setting loads, so the chart does not blank between views.
 *
 * With `live`, the query polls every LIVE_REFRESH_MS while a run may still grow (`runsToRefresh`:
 * live now, or live when the answer was fetched), and not at all otherwise; react-query skips the
 * polls while the tab is hidden. A poll asks only for those runs' series and keeps the others' from
 * the cached answer: each run is sampled on its own (its own x-range; a zoom is in the key), so a
 * run's series does not depend on the runs asked with it. One running run among 100 finished ones
 * then costs a one-run read every 10 s, not the 100-run read (~50 ms of server time when cached,
 * ~5 MB at 1,250 points) that the first paint waited for.
 */
export function sampledHistoryQueryOptions(query: SampledHistoryQuery, live?: LiveRefetch) {
  const refreshing = (answer: SampledHistory | undefined): string[] => (live ? runsToRefresh(query.runIds, live.liveNow, answer?.live ?? []) : []);
  return queryOptions<SampledHistory, Error, SampledHistory, ReturnType<typeof metricKeys.sampled>>({
    queryKey: metricKeys.sampled(query),
    // Only an answer on the same x axis: a step-axis answer has no timestamps (`timestamps=false`),
    // and drawn on a time axis it was a flash of a chart at 1970 that a hover could read.
    placeholderData: (previous, previousQuery) => (previousQuery?.queryKey[2].xAxis === query.xAxis ? previous : undefined),
    // A fresh answer replaces the old one whole: comparing 100 × 1,000 points with the previous
    // answer, to keep unchanged objects, costs more than the chart's redraw it could save.
    // (A poll keeps the unchanged runs' objects itself: `mergeSeries`.)
    structuralSharing: false,
    refetchInterval: (q) => liveRefetchInterval(refreshing(q.state.data)),
    queryFn: async ({ client, queryKey }): Promise<SampledHistory> => {
      const previous = client.getQueryData<SampledHistory>(queryKey);
      const runIds = refreshing(previous);
      if (!live || !previous || runIds.length === 0) return { series: await fetchInChunks(query), live: runIds };
      const stillLive = await live.refreshStatuses(runIds);
      const fresh = await fetchInChunks({ ...query, runIds });
      return { series: mergeSeries(previous.series, fresh), live: stillLive };
    },
  });
}

/** Both servers take at most 100 runs per request: more runs are fetched in parallel chunks. */
async function fetchInChunks(query: SampledHistoryQuery): Promise<SampledSeriesColumns[]> {
  const chunks: string[][] = [];
  for (let i = 0; i < query.runIds.length; i += SampledHistoryLimits.MAX_RUN_IDS) chunks.push(query.runIds.slice(i, i + SampledHistoryLimits.MAX_RUN_IDS));
  return (await Promise.all(chunks.map((runIds) => fetchSeries({ ...query, runIds })))).flat();
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
