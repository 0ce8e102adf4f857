import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useLayoutEffect, useMemo, useState, type MouseEvent, type RefObject, type UIEvent } from "react";
import type { RunTreeRow } from "./build-run-tree.js";
import type { ColumnDef, SortSpec } from "./column-model.js";
import { ColumnGap } from "./column-gap.js";
import { defaultColumnWidth } from "./column-widths.js";
import { CHECK_WIDTH, END_MARGIN_ROWS, HEADER_HEIGHT, OVERSCAN_ROWS, ROW_HEIGHT } from "./grid-metrics.js";
import { HeaderCell, type ColumnResizing } from "./header-cell.js";
import { RUN_ROW_SELECTOR, RunRow } from "./run-row.js";
import { useLiveCellWidth, type LiveWidth } from "./use-live-cell-width.js";

/**
 * The keyboard cursor: a run, so that rows arriving above it (children on a later page) do not move
 * it to another run. `reveal`: scroll its row into view (not when a view is put back as it was).
 */
export interface ActiveRow {
  runId: string | undefined;
  reveal: boolean;
}

interface Props {
  rows: readonly RunTreeRow[];
  /** The pinned name column, with its width. */
  nameColumn: ColumnDef;
  /** The scrolling columns, with their widths. */
  columns: readonly ColumnDef[];
  /** A column's new width, at the end of a drag or on a key press. */
  onResizeColumn: (columnId: string, width: number) => void;
  sort: SortSpec | undefined;
  onSort: (column: ColumnDef) => void;
  selected: ReadonlySet<string>;
  /** "all", "some" or "none" of the selectable runs are selected: drives the header checkbox. */
  selectAllState: "all" | "some" | "none";
  onSelectAll: () => void;
  onSelect: (runId: string, event: MouseEvent) => void;
  active: ActiveRow;
  /** The cursor's row in `rows`, or -1. */
  activeIndex: number;
  onActivate: (runId: string) => void;
  onToggleExpand: (runId: string) => void;
  onAddFilter: (clause: string) => void;
  onOpenLink: (event: MouseEvent<HTMLAnchorElement>) => void;
  experimentNames: ReadonlyMap<string, string>;
  /** Called when the last rows come into view: the next page is fetched. */
  onEndReached: () => void;
  scrollRef: RefObject<HTMLDivElement | null>;
  onScroll: (event: UIEvent<HTMLDivElement>) => void;
}

/**
 * The runs grid: rows and columns are both virtualised, so only the cells on screen exist in the DOM
 * whether there are 30 runs or 10,000 runs × 500 columns. Selection and name columns stay pinned.
 *
 * While a column is dragged wider or narrower its width lives here, not in the URL (which takes it at
 * the end of the drag): once per frame it goes to the header, the column virtualiser and the
 * column's cells on screen (useLiveCellWidth), and the rows render only when other columns come
 * into view.
 */
export function RunsGrid(props: Props) {
  const { rows, nameColumn, columns, active, activeIndex, onEndReached, scrollRef, onResizeColumn } = props;
  const [live, setLive] = useState<LiveWidth | undefined>(undefined);
  const nameWidth = live?.columnId === nameColumn.id ? live.width : nameColumn.width;
  const pinned = CHECK_WIDTH + nameWidth;
  const sizes = useMemo(() => columns.map((c) => (live?.columnId === c.id ? live.width : c.width)), [columns, live]);
  const resizing = useMemo<ColumnResizing>(
    () => ({
      onLive: (columnId, width) => setLive(width === undefined ? undefined : { columnId, width }),
      onCommit: onResizeColumn,
    }),
    [onResizeColumn],
  );

  const rowVirtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => ROW_HEIGHT,
    overscan: OVERSCAN_ROWS,
    // The sticky header sits above the rows inside the same scroller: the rows start below it
    // (paddingStart, so a row's `start` is where it really is and scrolling to it down the list
    // brings its whole height into view), and scrolling up to a row stops under it.
    paddingStart: HEADER_HEIGHT,
    scrollPaddingStart: HEADER_HEIGHT,
  });
  const columnVirtualizer = useVirtualizer({
    horizontal: true,
    count: columns.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: (i) => sizes[i] ?? 120,
    overscan: 3,
    scrollPaddingStart: pinned,
  });
  // Before the paint: the header and the cells must not show a frame of the old positions.
  useLayoutEffect(() => columnVirtualizer.measure(), [sizes, columnVirtualizer]);
  useLiveCellWidth(scrollRef, live, (columnId) => (columnId === nameColumn.id ? nameColumn.width : columns.find((c) => c.id === columnId)?.width));

  const virtualRows = rowVirtualizer.getVirtualItems();
  const tabbableIndex = virtualRows.some((vr) => vr.index === activeIndex) ? activeIndex : (virtualRows[0]?.index ?? -1);
  const virtualColumns = columnVirtualizer.getVirtualItems();
  const lastVisible = virtualRows[virtualRows.length - 1]?.index ?? -1;
  useEffect(() => {
    if (rows.length > 0 && lastVisible >= rows.length - END_MARGIN_ROWS) onEndReached();
  }, [lastVisible, rows.length, onEndReached]);
  // Only when the cursor moves (a new `active`), not when rows come or go: a page arriving must not
  // pull the view back to the cursor.
  useEffect(() => {
    if (active.reveal && activeIndex >= 0) rowVirtualizer.scrollToIndex(activeIndex, { align: "auto" });
  }, [active, rowVirtualizer]);
  // With the focus in a row (Tab brought it there), j/k take it along to the cursor's row: the row
  // left behind is out of the Tab order, and a focus on it would be lost to the next Tab.
  useEffect(() => {
    const focused = document.activeElement;
    const from = focused instanceof HTMLElement ? focused.closest<HTMLElement>(RUN_ROW_SELECTOR) : null;
    if (!focused || !from || !scrollRef.current?.contains(from)) return;
    const to = scrollRef.current.querySelector<HTMLElement>(`${RUN_ROW_SELECTOR}.is-active`);
    if (!to || to === from) return;
    const same = focused.matches("a") ? "a.run-link" : focused.matches("input") ? "input" : "input, a.run-link";
    (to.querySelector<HTMLElement>(same) ?? to.querySelector<HTMLElement>("input, a.run-link"))?.focus({ preventScroll: true });
  }, [activeIndex, scrollRef]);

  const firstColumn = virtualColumns[0]?.index ?? 0;
  const lastColumn = virtualColumns[virtualColumns.length - 1]?.index ?? -1;
  // The dragged column is on screen, so never before the first rendered one: the gap is the same
  // with the dragged width as with the rows' own.
  const gap = virtualColumns[0]?.start ?? 0;
  return (
    <div
      ref={scrollRef}
      className="runs-grid"
      role="grid"
      aria-label="Runs"
      aria-rowcount={rows.length + 1}
      aria-colcount={columns.length + 2}
      aria-multiselectable="true"
      data-testid="runs-grid"
      onScroll={props.onScroll}
    >
      <div style={{ position: "relative", width: pinned + columnVirtualizer.getTotalSize(), minWidth: "100%", height: rowVirtualizer.getTotalSize() }}>
        <div role="row" aria-rowindex={1} className="grid-header" style={{ height: HEADER_HEIGHT }}>
          <div role="columnheader" className="grid-cell header-cell pinned check-cell" style={{ left: 0, width: CHECK_WIDTH }}>
            <input
              type="checkbox"
              aria-label="Select all shown runs"
              checked={props.selectAllState === "all"}
              ref={(el) => {
                if (el) el.indeterminate = props.selectAllState === "some";
              }}
              onChange={props.onSelectAll}
            />
          </div>
          <HeaderCell
            column={nameColumn}
            width={nameWidth}
            defaultWidth={defaultColumnWidth(nameColumn.id) ?? nameColumn.width}
            sort={props.sort}
            onSort={props.onSort}
            resizing={resizing}
            className="pinned"
            style={{ left: CHECK_WIDTH, width: nameWidth }}
          />
          <ColumnGap width={gap} />
          {virtualColumns.map((vc) => {
            const column = columns[vc.index];
            return column ? (
              <HeaderCell
                key={column.id}
                column={column}
                width={vc.size}
                defaultWidth={defaultColumnWidth(column.id) ?? column.width}
                sort={props.sort}
                onSort={props.onSort}
                resizing={resizing}
                style={{ width: vc.size }}
              />
            ) : null;
          })}
        </div>
        {/* One row is in the Tab order: the cursor's while it is drawn, else the first drawn. */}
        {virtualRows.map((vr) => {
          const row = rows[vr.index];
          if (!row) return null;
          const id = row.node.run.info.run_id;
          return (
            <RunRow
              key={`${id}:${row.node.isContext ? "c" : "r"}`}
              row={row}
              index={vr.index}
              top={vr.start}
              nameWidth={nameColumn.width}
              columns={columns}
              firstColumn={firstColumn}
              lastColumn={lastColumn}
              gap={gap}
              selected={props.selected.has(id)}
              active={vr.index === activeIndex}
              tabbable={vr.index === tabbableIndex}
              experimentNames={props.experimentNames}
              onActivate={props.onActivate}
              onSelect={props.onSelect}
              onToggleExpand={props.onToggleExpand}
              onAddFilter={props.onAddFilter}
              onOpenLink={props.onOpenLink}
            />
          );
        })}
      </div>
    </div>
  );
}
