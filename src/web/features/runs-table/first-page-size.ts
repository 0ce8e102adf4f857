import { FIRST_RUNS_PAGE_SIZE } from "../../api/runs/run-queries.js";
import { END_MARGIN_ROWS, OVERSCAN_ROWS, ROW_HEIGHT } from "./grid-metrics.js";

/**
 * How many runs the first page asks for in a window `viewportHeight` px tall: the usual short page,
 * or, when the table could show more rows than that, enough to fill it without reaching the point
 * where the grid asks for the next page. Otherwise a tall window would fetch a second page as soon
 * as the first is painted, and the server and the tab would be busy with it whatever the user does
 * next. The whole window is an upper bound for the grid's height.
 */
export function firstRunsPageSize(viewportHeight: number): number {
  const fit = Math.ceil(Math.max(0, viewportHeight) / ROW_HEIGHT);
  return Math.max(FIRST_RUNS_PAGE_SIZE, fit + OVERSCAN_ROWS + END_MARGIN_ROWS);
}

/** The first page size for this window (read when the search is built: boot and the table agree). */
export function windowFirstRunsPageSize(): number {
  return firstRunsPageSize(typeof window === "undefined" ? 0 : window.innerHeight);
}
