import { useVirtualizer } from "@tanstack/react-virtual";
import { useEffect, useRef, type MouseEvent } from "react";
import type { RunTreeRow } from "./build-run-tree.js";
import { NAME_COLUMN, type ColumnDef, type SortSpec } from "./column-model.js";
import { ColumnGap } from "./column-gap.js";
import { CHECK_WIDTH, END_MARGIN_ROWS, HEADER_HEIGHT, OVERSCAN_ROWS, ROW_HEIGHT } from "./grid-metrics.js";
import { HeaderCell } from "./header-cell.js";
import { RunRow } from "./run-row.js";

interface Props {
  rows: readonly RunTreeRow[];
  columns: readonly ColumnDef[];
  sort: SortSpec | undefined;
  onSort: (column: ColumnDef) => void;
  selected: ReadonlySet<string>;
  /** "all", "some" or "none" of the selectable runs are selected: drives the header checkbox. */
  selectAllState: "all" | "some" | "none";
  onSelectAll: () => void;
  onSelect: (runId: string, event: MouseEvent) => void;
  activeIndex: number;
  onActivate: (index: number) => void;
  onToggleExpand: (runId: string) => void;
  onAddFilter: (clause: string) => void;
  onOpenLink: (event: MouseEvent<HTMLAnchorElement>) => void;
  experimentNames: ReadonlyMap<string, string>;
  /** Called when the last rows come into view: the next page is fetched. */
  onEndReached: () => void;
}

/**
 * The runs grid: rows and columns are both virtualised, so only the cells on screen exist in the DOM
 * whether there are 30 runs or 10,000 runs × 500 columns. Selection and name columns stay pinned.
 */
export function RunsGrid(props: Props) {
  const { rows, columns, activeIndex, onEndReached } = props;
  const scrollRef = useRef<HTMLDivElement>(null);
  const nameWidth = NAME_COLUMN.width;
  const pinned = CHECK_WIDTH + nameWidth;

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
    estimateSize: (i) => columns[i]?.width ?? 120,
    overscan: 3,
    scrollPaddingStart: pinned,
  });
  // Widths change when columns are added or removed.
  useEffect(() => columnVirtualizer.measure(), [columns, columnVirtualizer]);

  const virtualRows = rowVirtualizer.getVirtualItems();
  const virtualColumns = columnVirtualizer.getVirtualItems();
  const lastVisible = virtualRows[virtualRows.length - 1]?.index ?? -1;
  useEffect(() => {
    if (rows.length > 0 && lastVisible >= rows.length - END_MARGIN_ROWS) onEndReached();
  }, [lastVisible, rows.length, onEndReached]);
  useEffect(() => {
    if (activeIndex >= 0 && activeIndex < rows.length) rowVirtualizer.scrollToIndex(activeIndex, { align: "auto" });
  }, [activeIndex, rows.length, rowVirtualizer]);

  const width = pinned + columnVirtualizer.getTotalSize();
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
    >
      <div style={{ position: "relative", width, minWidth: "100%", height: rowVirtualizer.getTotalSize() }}>
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
          <HeaderCell column={NAME_COLUMN} sort={props.sort} onSort={props.onSort} className="pinned" style={{ left: CHECK_WIDTH, width: nameWidth }} />
          <ColumnGap virtualColumns={virtualColumns} />
          {virtualColumns.map((vc) => {
            const column = columns[vc.index];
            return column ? <HeaderCell key={column.id} column={column} sort={props.sort} onSort={props.onSort} style={{ width: vc.size }} /> : null;
          })}
        </div>
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
              nameWidth={nameWidth}
              columns={columns}
              virtualColumns={virtualColumns}
              selected={props.selected.has(id)}
              active={vr.index === activeIndex}
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
