import type { QueryClient } from "@tanstack/react-query";
import { experimentQueryOptions } from "../../api/experiments/experiment-queries.js";
import { runSearchQueryOptions } from "../../api/runs/run-queries.js";
import { checkRunFilter } from "../search-bar/check-filter.js";
import { windowFirstRunsPageSize } from "./first-page-size.js";
import { experimentIdsOf, runSearchOf } from "./run-search-of.js";
import { hasViewParams, readRunsViewState } from "./runs-url-state.js";
import { runsViewMemory } from "./runs-view-memory.js";
import { experimentSetKey } from "./view-memory.js";

/**
 * Starts the requests of a runs view from its URL alone, before the page renders: the first page of
 * runs is the slowest request of the view, so it must not wait for the table to mount. Sends nothing
 * the page would not send (no search for an invalid filter or without experiments).
 */
export function prefetchRunsView(queryClient: QueryClient, experimentIdsParam: string | undefined, searchParams: URLSearchParams): void {
  const experimentIds = experimentIdsOf(experimentIdsParam);
  // A bare link shows the layout remembered for these experiments (useRunsViewState): its sort too.
  const view = { ...readRunsViewState(searchParams), ...(hasViewParams(searchParams) ? undefined : runsViewMemory().read(experimentSetKey(experimentIds))) };
  if (experimentIds.length > 0 && checkRunFilter(view.filter).ok) void queryClient.prefetchInfiniteQuery(runSearchQueryOptions(runSearchOf(experimentIds, view), windowFirstRunsPageSize()));
  for (const id of experimentIds) void queryClient.prefetchQuery(experimentQueryOptions(id));
}
