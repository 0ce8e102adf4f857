import { useQueries, type UseQueryResult } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import type { Run } from "../../../core/index.js";
import { runQueryOptions } from "../../api/runs/run-queries.js";
import { naturalCompare } from "../../utils/natural-compare.js";
import type { ChartRun } from "./runs-metric-chart.js";

export interface ChartRuns {
  /**
   * In the order asked for; named by the id's start until the run has loaded. A run that could not
   * be loaded (not found) is left out: the page shows `error` for it, not an empty curve.
   */
  runs: ChartRun[];
  loaded: Run[];
  isPending: boolean;
  error: Error | null;
}

/** The runs of a chart page, fetched in one batched search per 100 (see load-run.ts). */
export function useChartRuns(runIds: readonly string[], experimentIds: readonly string[]): ChartRuns {
  const key = runIds.join(",");
  // A stable combine: react-query then re-runs it only when a result changes, so `runs` keeps its
  // identity across renders and the chart does not rebuild its series.
  const combine = useCallback(
    (results: UseQueryResult<Run>[]) => {
      const ids = key.split(",");
      return {
        runs: results.flatMap((r, i): ChartRun[] => {
          const id = ids[i] ?? "";
          return r.isError ? [] : [{ runId: id, runName: r.data?.info.run_name || id.slice(0, 8), startTime: r.data?.info.start_time, status: r.data?.info.status }];
        }),
        // By position, not only the loaded ones: react-query compares each combined result with
        // the last one deeply, and it runs once per run that arrives. In place, a run already seen
        // is the same object and compares at once; packed, every arrival shifted the others and
        // 100 runs cost 100 deep comparisons of 100 runs each (~100 ms after the chart painted).
        data: results.map((r) => r.data),
        isPending: results.some((r) => r.isPending),
        error: results.find((r) => r.error)?.error ?? null,
      };
    },
    // Keyed on the ids' text: callers may pass a new array with the same ids.
    [key],
  );
  const { data, ...rest } = useQueries({ queries: runIds.map((id) => runQueryOptions(id, experimentIds)), combine });
  const loaded = useMemo(() => data.filter((run): run is Run => run !== undefined), [data]);
  return { ...rest, loaded };
}

/** The metric keys the runs have logged, each once, in natural order (m2 before m10). */
export function metricKeysOf(runs: readonly Run[]): string[] {
  return [...new Set(runs.flatMap((r) => r.data.metrics.map((m) => m.key)))].sort(naturalCompare);
}
