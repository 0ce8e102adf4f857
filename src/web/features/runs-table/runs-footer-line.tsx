import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import type { SearchRunsResponse } from "../../../core/api/endpoints.js";
import { runsFooterState, runsFooterText, type RunsFooterFacts } from "./runs-footer.js";

interface Props {
  query: UseInfiniteQueryResult<InfiniteData<SearchRunsResponse, unknown>>;
  loadedCount: number;
}

/**
 * The line under the table. The count and the state are attributes as well (`data-loaded`,
 * `data-state`), so tests and benchmarks read them rather than parse the wording.
 */
export function RunsFooterLine({ query, loadedCount }: Props) {
  const facts: RunsFooterFacts = {
    loaded: loadedCount,
    hasNextPage: query.hasNextPage,
    fetchingNextPage: query.isFetchingNextPage,
    nextPageFailed: query.isFetchNextPageError,
    refreshing: query.isFetching && !query.isFetchingNextPage,
  };
  const state = runsFooterState(facts);
  return (
    <div className="runs-status" aria-live="polite" data-testid="runs-status" data-loaded={loadedCount} data-state={state}>
      {runsFooterText(facts)}
      {state === "failed" && (
        <>
          {" · "}
          {/* Asks for the failed page only; the banner's retry fetches the shown pages again too. */}
          <button type="button" className="link-button" aria-label="Retry loading more runs" onClick={() => void query.fetchNextPage()}>
            Retry
          </button>
        </>
      )}
    </div>
  );
}
