import { ROW_HEIGHT } from "./grid-metrics.js";
import type { SavedView } from "./view-restore-store.js";

/**
 * Pages load on until a restored view's rows are in, but not beyond this many runs (pages of 250):
 * further down, the view opens as far as that goes.
 */
export const RESTORE_MAX_RUNS = 2000;

export interface RestoreProgress {
  /** Run ids of the table's rows, in display order. */
  rowIds: readonly string[];
  loadedRuns: number;
  /** The server may have more (a next page token) and asking for it has not failed. */
  canLoadMore: boolean;
  fetchingMore: boolean;
  /** Rows the grid's viewport shows at once. */
  viewportRows: number;
}

export type RestoreStep =
  | { kind: "wait" }
  | { kind: "load-more" }
  | { kind: "apply"; scrollTop: number };

/**
 * The next step to show a saved view again: the row that was first under the header goes back there
 * once it and a screenful below it are loaded (otherwise the scroll position would be cut short);
 * until then pages load, up to RESTORE_MAX_RUNS. A view whose row is gone, or out of reach, gets its
 * old pixel offset, as far as the rows go (the browser cuts it short).
 */
export function restoreStep(view: SavedView, progress: RestoreProgress): RestoreStep {
  const { rowIds, loadedRuns, canLoadMore, fetchingMore, viewportRows } = progress;
  const more = canLoadMore && loadedRuns < RESTORE_MAX_RUNS;
  const anchorIndex = view.anchor ? rowIds.indexOf(view.anchor.runId) : -1;
  const neededRows = anchorIndex >= 0 ? anchorIndex + viewportRows : Math.ceil(view.scrollTop / ROW_HEIGHT) + viewportRows;
  // Runs started since may have pushed the row further down: it is looked for in later pages too.
  const short = (view.anchor !== undefined && anchorIndex < 0) || rowIds.length < neededRows;
  if (short && more) return fetchingMore ? { kind: "wait" } : { kind: "load-more" };
  const scrollTop = anchorIndex >= 0 && view.anchor ? anchorIndex * ROW_HEIGHT + view.anchor.offset : view.scrollTop;
  return { kind: "apply", scrollTop };
}
