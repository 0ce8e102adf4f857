import type { RunSearch } from "./run-search.js";

/** Query keys of runs, generic → specific; every run query and mutation goes through these. */
export const runKeys = {
  all: ["runs"] as const,
  searches: () => [...runKeys.all, "search"] as const,
  search: (search: RunSearch) => [...runKeys.searches(), search] as const,
  details: () => [...runKeys.all, "detail"] as const,
  detail: (runId: string) => [...runKeys.details(), runId] as const,
  children: (runId: string) => [...runKeys.all, "children", runId] as const,
  /** The re-read of a big search's live runs (see liveRunsQueryOptions); outside `searches()` too. */
  live: (search: RunSearch) => [...runKeys.all, "live", search] as const,
  /** Outside `searches()`, whose predicates read a RunSearch at index 2. Ids keep the user's order. */
  compare: (runIds: readonly string[], experimentIds: readonly string[]) => [...runKeys.all, "compare", { runIds, experimentIds }] as const,
};
