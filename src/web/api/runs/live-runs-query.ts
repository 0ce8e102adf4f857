import { queryOptions, type InfiniteData } from "@tanstack/react-query";
import type { Run } from "../../../core/index.js";
import type { SearchRunsResponse } from "../../../core/api/endpoints.js";
import { apiClient } from "../../lib/api-client.js";
import { COMPARE_CHUNK, runIdFilter } from "./compare-runs-query.js";
import { patchCachedRun } from "./patch-cached-run.js";
import { runKeys } from "./run-keys.js";
import type { RunSearch } from "./run-search.js";
import { FOCUS_REFRESH_AFTER_MS, liveRunIds, RUNS_AUTO_REFRESH_MS } from "./runs-refresh-policy.js";

type SearchPages = InfiniteData<SearchRunsResponse, unknown>;

/** Whether a re-read run differs in what the table shows; unchanged runs keep their objects (and rows). */
function changed(before: Run, after: Run): boolean {
  return JSON.stringify(before.info) !== JSON.stringify(after.info) || JSON.stringify(after.data) !== JSON.stringify(before.data);
}

/**
 * The automatic refresh of a search with more pages loaded than is worth refetching (see
 * WHOLE_REFRESH_MAX_PAGES): its RUNNING and SCHEDULED runs are re-read by id, 100 per
 * `runs/search` (standard MLflow syntax), and patched in place wherever they are cached, so rows
 * keep their places and the scroll position stays. New runs and a finished run leaving a status
 * filter wait for the Refresh button, which refetches every page. The data is only a timestamp.
 */
export function liveRunsQueryOptions(search: RunSearch, enabled: boolean) {
  return queryOptions({
    queryKey: runKeys.live(search),
    queryFn: async ({ client }): Promise<number> => {
      const loaded = client.getQueryData<SearchPages>(runKeys.search(search));
      const ids = liveRunIds(loaded);
      const byId = new Map(loaded?.pages.flatMap((p) => (p.runs ?? []).map((r) => [r.info.run_id, r] as const)));
      for (let i = 0; i < ids.length; i += COMPARE_CHUNK) {
        const chunk = ids.slice(i, i + COMPARE_CHUNK);
        const page = await apiClient.call("searchRuns", { experiment_ids: [...search.experimentIds], filter: runIdFilter(chunk), run_view_type: "ALL", max_results: chunk.length });
        for (const fresh of page.runs ?? []) {
          const before = byId.get(fresh.info.run_id);
          if (!before || changed(before, fresh)) patchCachedRun(client, fresh.info.run_id, () => fresh);
        }
      }
      return Date.now();
    },
    enabled,
    // Starts as if just read: the search itself has just been fetched.
    initialData: 0,
    initialDataUpdatedAt: () => Date.now(),
    staleTime: RUNS_AUTO_REFRESH_MS,
    refetchInterval: RUNS_AUTO_REFRESH_MS,
    refetchOnWindowFocus: (query) => (Date.now() - query.state.dataUpdatedAt > FOCUS_REFRESH_AFTER_MS ? "always" : false),
  });
}
