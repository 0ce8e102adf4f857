import { useQueries, type UseQueryResult } from "@tanstack/react-query";
import { useCallback, useMemo } from "react";
import { SystemTags, type Run } from "../../../core/index.js";
import { runQueryOptions } from "../../api/runs/run-queries.js";
import { naturalCompare } from "../../utils/natural-compare.js";
import { runsWithSharedNames } from "../../utils/run-display-names.js";
import { runTag } from "../../utils/run-tag.js";
import type { ChartRun } from "./runs-metric-chart.js";

export interface ChartRuns {
  /**
   * In the order asked for; named by the id's start until the run has loaded. A run that could not
   * be loaded (not found) is left out: the page shows `error` for it, not an empty curve. Runs
   * that share a name carry their parent's name once it is known (`runDisplayNames`).
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
  const { data, runs, ...rest } = useQueries({ queries: runIds.map((id) => runQueryOptions(id, experimentIds)), combine });
  const loaded = useMemo(() => data.filter((run): run is Run => run !== undefined), [data]);
  return { ...rest, runs: useParentNames(runs, loaded, experimentIds), loaded };
}

/** One line per parent, `id<TAB>name`: a string, so the combined result compares by value and keeps its identity. */
const namesLine = (results: UseQueryResult<Run>[]): string => results.map((r) => (r.data ? `${r.data.info.run_id}\t${r.data.info.run_name}` : "")).join("\n");

/**
 * `runs` with their parents' names where they share a name with another run (nested sweeps: many
 * `seed-0`), fetching those parents only; the same array when no two runs share a name.
 */
function useParentNames(runs: ChartRun[], loaded: readonly Run[], experimentIds: readonly string[]): ChartRun[] {
  const parentOf = useMemo(() => {
    const shared = new Set(runsWithSharedNames(runs));
    const out = new Map<string, string>();
    for (const run of loaded) {
      const parent = shared.has(run.info.run_id) ? runTag(run, SystemTags.PARENT_RUN_ID) : undefined;
      if (parent) out.set(run.info.run_id, parent);
    }
    return out;
  }, [runs, loaded]);
  const parentIds = [...new Set(parentOf.values())];
  const names = useQueries({ queries: parentIds.map((id) => runQueryOptions(id, experimentIds)), combine: namesLine });
  return useMemo(() => {
    if (parentOf.size === 0) return runs;
    const byId = new Map(names.split("\n").map((line) => line.split("\t") as [string, string | undefined]));
    return runs.map((r) => {
      const parentId = parentOf.get(r.runId);
      const parentName = parentId === undefined ? undefined : byId.get(parentId);
      return parentName ? { ...r, parentName } : r;
    });
  }, [runs, parentOf, names]);
}

/** The metric keys the runs have logged, each once, in natural order (m2 before m10). */
export function metricKeysOf(runs: readonly Run[]): string[] {
  return [...new Set(runs.flatMap((r) => r.data.metrics.map((m) => m.key)))].sort(naturalCompare);
}
