import type { RunSearch } from "../../api/runs/run-search.js";
import { parseIdList } from "../../config/paths.js";
import { orderByClause } from "./column-model.js";
import type { RunsViewState } from "./runs-url-state.js";

/** The experiments of a runs URL, distinct and sorted: `/experiments/4,1,4/runs` and `/experiments/1,4/runs` are one table. */
export function experimentIdsOf(param: string | undefined): string[] {
  return [...new Set(parseIdList(param))].sort();
}

/**
 * The runs search a view asks the server for. The route loader and the table both build it here, so
 * the loader's early fetch lands in exactly the cache entry the table reads.
 */
export function runSearchOf(experimentIds: readonly string[], view: Pick<RunsViewState, "filter" | "sort" | "viewType">): RunSearch {
  return { experimentIds, filter: view.filter, orderBy: orderByClause(view.sort), viewType: view.viewType };
}
