import { formatCount } from "../../utils/format.js";

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
  /** The last request for a next page failed (the footer and the error banner offer a retry). */
  nextPageFailed: boolean;
  /** The pages already shown are being fetched again. */
  refreshing: boolean;
}

/**
 * Where loading stands, for code that reads the footer (`data-state`): `complete` once no page
 * follows, `more` while the server may have more, `loading` while a page is on its way, `failed`
 * after a page failed (not offered again until retried).
 */
export type RunsFooterState = "complete" | "more" | "loading" | "failed";

export function runsFooterState({ hasNextPage, fetchingNextPage, nextPageFailed }: RunsFooterFacts): RunsFooterState {
  return fetchingNextPage ? "loading" : nextPageFailed ? "failed" : hasNextPage ? "more" : "complete";
}

const runs = (n: number) => `${formatCount(n)} run${n === 1 ? "" : "s"}`;

/**
 * The footer line: how many runs are loaded and only what is known about the rest. MLflow never
 * says how many runs match, so there is no "of N": once everything is in, the count is the total
 * and reads as one ("1,234 runs"). More pages load when the end of the table comes near, so
 * "scroll for more" is what the user can do, not a promise of more runs.
 */
export function runsFooterText(facts: RunsFooterFacts): string {
  const state = runsFooterState(facts);
  const refreshing = facts.refreshing && state !== "loading" ? " · refreshing…" : "";
  if (state === "complete") return `${runs(facts.loaded)}${refreshing}`;
  const rest = state === "loading" ? "loading more…" : state === "failed" ? "could not load more" : "scroll for more";
  return `${runs(facts.loaded)} loaded · ${rest}${refreshing}`;
}
