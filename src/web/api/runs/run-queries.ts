import { infiniteQueryOptions, queryOptions } from "@tanstack/react-query";
import { SystemTags, type Run } from "../../../core/index.js";
import { apiClient } from "../../lib/api-client.js";
import { quoteValue } from "../../utils/filter-text.js";
import { loadRun } from "./load-run.js";
import { runKeys } from "./run-keys.js";
import type { RunSearch } from "./run-search.js";
import { focusRefresh, runsAutoRefreshInterval } from "./runs-refresh-policy.js";

/**
 * The first page is what the user waits for, and the server's time and the payload grow with every
 * run in it: 100 rows fill most screens (a taller table asks for more: see firstRunsPageSize). Later
 * pages load while the user scrolls, so they are sized for fewer round trips (the table is
 * virtualised; page size does not change what is rendered).
 */
export const FIRST_RUNS_PAGE_SIZE = 100;
export const RUNS_PAGE_SIZE = 250;

/** `firstPageSize` only decides where the pages break, never which runs come back: not part of the key. */
export function runSearchQueryOptions(search: RunSearch, firstPageSize = FIRST_RUNS_PAGE_SIZE) {
  return infiniteQueryOptions({
    queryKey: runKeys.search(search),
    queryFn: ({ pageParam }) =>
      apiClient.call("searchRuns", {
        experiment_ids: [...search.experimentIds],
        run_view_type: search.viewType,
        max_results: pageParam ? RUNS_PAGE_SIZE : firstPageSize,
        ...(search.filter.trim() ? { filter: search.filter } : {}),
        ...(search.orderBy ? { order_by: [search.orderBy] } : {}),
        ...(pageParam ? { page_token: pageParam } : {}),
      }),
    initialPageParam: undefined as string | undefined,
    // MLflow sends a token with every full page, so the last page may be empty: stop on either.
    getNextPageParam: (last) => (last.runs?.length && last.next_page_token ? last.next_page_token : undefined),
    enabled: search.experimentIds.length > 0,
    // Runs start, finish and appear while the table is open: see runs-refresh-policy.ts for what
    // refreshes by itself and how much. Neither runs in a hidden tab (react-query's focus manager).
    refetchInterval: (query) => runsAutoRefreshInterval(query.state.data),
    refetchOnWindowFocus: (query) => focusRefresh(query.state.data, query.state.dataUpdatedAt),
  });
}

/**
 * One run. `experimentHints` only changes how it is fetched (batched search vs. get-run), never
 * what comes back, so it is deliberately not part of the key: the run page and the table share it.
 */
export function runQueryOptions(runId: string, experimentHints: readonly string[] = []) {
  return queryOptions({
    queryKey: runKeys.detail(runId),
    queryFn: (): Promise<Run> => loadRun(runId, experimentHints),
  });
}

/** Up to 1,000 direct children of a run, found by MLflow's parent tag (standard filter syntax). */
export function childRunsQueryOptions(run: Run) {
  const id = run.info.run_id;
  return queryOptions({
    queryKey: runKeys.children(id),
    queryFn: async (): Promise<Run[]> => {
      const page = await apiClient.call("searchRuns", {
        experiment_ids: [run.info.experiment_id],
        filter: `tags.\`${SystemTags.PARENT_RUN_ID}\` = ${quoteValue(id) ?? "''"}`,
        max_results: 1000,
      });
      return page.runs ?? [];
    },
  });
}
