import { useLayoutEffect, useRef, type RefObject } from "react";
import type { Run } from "../../../core/index.js";
import type { RunTreeRow } from "./build-run-tree.js";
import { ROW_HEIGHT } from "./grid-metrics.js";
import { anchorShift } from "./anchor-shift.js";

const rowKey = (row: RunTreeRow) => `${row.node.run.info.run_id}:${row.node.isContext ? "c" : "r"}`;

/**
 * Keeps the row at the top of the view where it is when a refresh brings rows in (or takes them
 * away) above it: a new run at the top of a table scrolled to its 500th row must not push every row
 * down. Only for a refresh: the same number of pages with new runs in them. A next page, an
 * expansion or the view restore (which scroll on purpose) are left alone; at the very top the new
 * rows simply show.
 */
export function useRefreshAnchor(scrollRef: RefObject<HTMLDivElement | null>, rows: readonly RunTreeRow[], loaded: readonly Run[], pageCount: number): void {
  const previous = useRef({ rows, loaded, pageCount });
  useLayoutEffect(() => {
    const before = previous.current;
    previous.current = { rows, loaded, pageCount };
    const el = scrollRef.current;
    if (!el || before.loaded === loaded || before.pageCount !== pageCount || before.loaded.length === 0) return;
    const shift = anchorShift(before.rows.map(rowKey), rows.map(rowKey), el.scrollTop, ROW_HEIGHT);
    if (shift !== 0) el.scrollTop += shift;
  }, [rows, loaded, pageCount, scrollRef]);
}
