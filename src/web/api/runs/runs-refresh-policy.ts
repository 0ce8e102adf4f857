import type { InfiniteData } from "@tanstack/react-query";
import type { SearchRunsResponse } from "../../../core/api/endpoints.js";
import { isLiveStatus } from "./live-status.js";

type SearchPages = InfiniteData<SearchRunsResponse, unknown>;

/**
 * The runs table's own beat while a loaded run is RUNNING or SCHEDULED. Slower than the charts'
 * (LIVE_REFRESH_MS): a table row shows a status and latest values, not a moving curve, and MLflow's
 * runs page auto-refreshes on about this beat too.
 */
export const RUNS_AUTO_REFRESH_MS = 30_000;

/**
 * Up to this many loaded pages (the first page of ~100 runs and one page of 250), an automatic
 * refresh fetches the loaded pages again: one or two requests, and new runs and re-ordered rows
 * come in with them. Beyond, it re-reads only the live runs by id (see liveRunIds): refetching 20
 * pages every 30 s would cost the server and the tab far more than the few rows that change.
 * The Refresh button always fetches every loaded page: the user asked for it.
 */
export const WHOLE_REFRESH_MAX_PAGES = 2;

/**
 * Focusing the tab refetches only data older than this: focus events come in bursts (alt-tab,
 * devtools, a dialog), and coming back from a notebook after a few seconds should show its new run,
 * which the query's 30 s stale time would hide.
 */
export const FOCUS_REFRESH_AFTER_MS = 5_000;

export function pageCount(data: SearchPages | undefined): number {
  return data?.pages.length ?? 0;
}

/** Whether an automatic refresh may fetch every loaded page again. */
export function wholeRefreshAffordable(data: SearchPages | undefined): boolean {
  const pages = pageCount(data);
  return pages > 0 && pages <= WHOLE_REFRESH_MAX_PAGES;
}

/** Ids of the loaded runs that may still change on their own (RUNNING or SCHEDULED). */
export function liveRunIds(data: SearchPages | undefined): string[] {
  const ids: string[] = [];
  for (const page of data?.pages ?? []) for (const run of page.runs ?? []) if (isLiveStatus(run.info.status)) ids.push(run.info.run_id);
  return ids;
}

/** The search query's own refetch interval: only while it is small enough to refetch whole and a run is live. */
export function runsAutoRefreshInterval(data: SearchPages | undefined): number | false {
  return wholeRefreshAffordable(data) && liveRunIds(data).length > 0 ? RUNS_AUTO_REFRESH_MS : false;
}

/** The search query's refetch on focus: "always" (past the stale time) when the data is a few seconds old. */
export function focusRefresh(data: SearchPages | undefined, dataUpdatedAt: number, now = Date.now()): "always" | false {
  return wholeRefreshAffordable(data) && now - dataUpdatedAt > FOCUS_REFRESH_AFTER_MS ? "always" : false;
}
