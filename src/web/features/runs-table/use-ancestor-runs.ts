import { useQueries, useQueryClient, type UseQueryResult } from "@tanstack/react-query";
import type { Run } from "../../../core/index.js";
import { runKeys } from "../../api/runs/run-keys.js";
import { runQueryOptions } from "../../api/runs/run-queries.js";
import { parentRunId } from "./build-run-tree.js";

function toMap(results: UseQueryResult<Run>[]): ReadonlyMap<string, Run> {
  const map = new Map<string, Run>();
  for (const r of results) if (r.data) map.set(r.data.info.run_id, r.data);
  return map;
}

/**
 * The ancestors of loaded runs that the search did not return (filtered out, or on a page not yet
 * loaded), so a matching child always shows under its real parents. Walks up one level per round
 * trip; ancestors already cached (say, from the run page) cost nothing, and one level of many runs
 * is one batched request (see load-run.ts).
 */
export function useAncestorRuns(loaded: readonly Run[], loadedIds: ReadonlySet<string>, experimentIds: readonly string[]): ReadonlyMap<string, Run> {
  const queryClient = useQueryClient();
  const wanted: string[] = [];
  const seen = new Set<string>();
  let frontier: readonly Run[] = loaded;
  while (frontier.length > 0) {
    const next: Run[] = [];
    for (const run of frontier) {
      const parent = parentRunId(run);
      if (!parent || loadedIds.has(parent) || seen.has(parent)) continue;
      seen.add(parent);
      wanted.push(parent);
      const cached = queryClient.getQueryData<Run>(runKeys.detail(parent));
      if (cached) next.push(cached);
    }
    frontier = next;
  }
  return useQueries({
    queries: wanted.map((id) => ({ ...runQueryOptions(id, experimentIds), staleTime: 5 * 60_000 })),
    combine: toMap,
  });
}
