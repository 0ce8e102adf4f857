/** What the runs table knows about the runs of its search, for the line under it. */
export interface RunsFooterFacts {
  /** Runs loaded so far (results of the search; ancestors shown as context are not counted). */
  loaded: number;
  /**
   * Whether the last page came with a token to ask for more. MLflow sends one with every full page,
   * so this means "maybe more": the query stops offering a next page once a page comes back empty.
   */
  hasNextPage: boolean;
  fetchingNextPage: boolean;
  /** The last request for a next page failed (the error banner above the table offers a retry). */
  nextPageFailed: boolean;
  /** The pages already shown are being fetched again. */
  refreshing: boolean;
}

/**
 * The footer line: how many runs are loaded and only what is known about the rest. More pages load
 * when the end of the table comes near, so "scroll for more" is what the user can do, not a promise
 * of more runs; a failed page is not offered again until retried from the banner.
 */
export function runsFooterText({ loaded, hasNextPage, fetchingNextPage, nextPageFailed, refreshing }: RunsFooterFacts): string {
  const count = `${loaded} run${loaded === 1 ? "" : "s"} loaded`;
  const rest = fetchingNextPage ? "loading more…" : nextPageFailed ? "could not load more" : hasNextPage ? "scroll for more" : "all loaded";
  return `${count} · ${rest}${refreshing && !fetchingNextPage ? " · refreshing…" : ""}`;
}
