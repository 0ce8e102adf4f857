import { useQueries, useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import type { Run, RunStatus } from "../../../core/index.js";
import type { LiveRefetch } from "../../api/metrics/metric-queries.js";
import { isLiveStatus, LIVE_REFRESH_MS } from "../../api/runs/live-status.js";
import { runKeys } from "../../api/runs/run-keys.js";
import { runQueryOptions } from "../../api/runs/run-queries.js";
import type { ChartRun } from "./runs-metric-chart.js";

/**
 * A run's refreshed status is good for this long. The charts of a grid poll out of step with each
 * other; the first of them in each period refreshes a running run's status for all, the others
 * read it from the cache, so 20 charts of one running run cost one run read per period, not 20.
 */
const STATUS_FRESH_MS = LIVE_REFRESH_MS - 1000;

/** The cached statuses, "" where a run is not cached: a string, which react-query compares at once. */
const statusesOf = (results: UseQueryResult<Run>[]): string => results.map((r) => r.data?.info.status ?? "").join(",");

/**
 * Which of a chart's runs are live, and how to refresh their statuses (a `LiveRefetch`). A run is
 * live if its caller says so (`ChartRun.status`) and its cached details (`runKeys.detail`, which the
 * refresh writes) do not say otherwise: on the metric pages the caller's status is that cache, but
 * the compare view's runs are a snapshot of when it opened, which the refresh is newer than. Only
 * the runs said to be live are watched in the cache: a grid of 100 finished runs adds nothing.
 */
export function useLiveRuns(runs: readonly ChartRun[]): LiveRefetch {
  const queryClient = useQueryClient();
  const candidates = runs.filter((r) => isLiveStatus(r.status)).map((r) => r.runId);
  const key = candidates.join(",");
  // Reads the cache only (disabled): the refresh below is what fetches, at most once a period.
  const cached = useQueries({
    queries: candidates.map((id) => ({ ...runQueryOptions(id), enabled: false })),
    combine: statusesOf,
  });
  const liveNow = useMemo(() => {
    const statuses = cached.split(",") as (RunStatus | "")[];
    return new Set(key ? key.split(",").filter((_, i) => statuses[i] === "" || isLiveStatus(statuses[i] || undefined)) : []);
  }, [key, cached]);

  const refreshStatuses = useCallback(
    async (runIds: readonly string[]): Promise<readonly string[]> => {
      const fetched = await Promise.all(
        runIds.map((id) => {
          // The run's experiment, when known, lets several runs come back in one batched search (load-run.ts).
          const experiment = queryClient.getQueryData<Run>(runKeys.detail(id))?.info.experiment_id;
          return queryClient.fetchQuery({ ...runQueryOptions(id, experiment ? [experiment] : []), staleTime: STATUS_FRESH_MS }).catch(() => undefined);
        }),
      );
      // A run whose status could not be read is taken for still live: polling on beats missing its end.
      return runIds.filter((_, i) => {
        const run = fetched[i];
        return run === undefined || isLiveStatus(run.info.status);
      });
    },
    [queryClient],
  );
  return useMemo(() => ({ liveNow, refreshStatuses }), [liveNow, refreshStatuses]);
}
