import { useQuery, useQueryClient, type InfiniteData, type UseInfiniteQueryResult } from "@tanstack/react-query";
import { useCallback } from "react";
import type { SearchRunsResponse } from "../../../core/api/endpoints.js";
import { experimentKeys } from "../../api/experiments/experiment-keys.js";
import { liveRunsQueryOptions } from "../../api/runs/live-runs-query.js";
import { runKeys } from "../../api/runs/run-keys.js";
import type { RunSearch } from "../../api/runs/run-search.js";
import { liveRunIds, wholeRefreshAffordable } from "../../api/runs/runs-refresh-policy.js";

export interface RunsRefresh {
  refresh: () => void;
  /** The loaded pages are being fetched again (by the button, the beat or a focus), not a next page. */
  refreshing: boolean;
}

/**
 * The table's refreshes. A small search refreshes itself (its query's own interval and focus
 * refetch); a big one has only its live runs re-read (liveRunsQueryOptions). The Refresh button
 * fetches every loaded page again, plus the runs shown as context ancestors and the experiments'
 * names. The rows on show stay until the answer replaces them: no loading state.
 */
export function useRunsRefresh(search: RunSearch, query: UseInfiniteQueryResult<InfiniteData<SearchRunsResponse, unknown>>, enabled: boolean): RunsRefresh {
  const queryClient = useQueryClient();
  const big = query.data !== undefined && !wholeRefreshAffordable(query.data);
  const hasLive = big && liveRunIds(query.data).length > 0;
  useQuery(liveRunsQueryOptions(search, enabled && hasLive));
  const refreshing = query.isRefetching;
  const { refetch } = query;
  const refresh = useCallback(() => {
    if (refreshing) return;
    void refetch();
    void queryClient.invalidateQueries({ queryKey: runKeys.details() });
    for (const id of search.experimentIds) void queryClient.invalidateQueries({ queryKey: experimentKeys.detail(id) });
  }, [refreshing, refetch, queryClient, search.experimentIds]);
  return { refresh, refreshing };
}
