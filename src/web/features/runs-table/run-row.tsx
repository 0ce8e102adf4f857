import { memo, type MouseEvent } from "react";
import { paths } from "../../config/paths.js";
import { descendantCount, type RunTreeRow } from "./build-run-tree.js";
import { NAME_COLUMN, type ColumnDef } from "./column-model.js";
import { ColumnGap } from "./column-gap.js";
import { CHECK_WIDTH, INDENT, ROW_HEIGHT } from "./grid-metrics.js";
import { runCellContent } from "./run-cell.js";

/** A run's row in the grid, for code that finds rows from the focus (the keyboard, the roving Tab stop). */
export const RUN_ROW_SELECTOR = ".grid-row";

/** A leaf's name lines up with its siblings' after their toggle: the toggle's width and the gap after it (runs-table.css). */
const TOGGLE_SPACE = 18 + 4;

interface Props {
  row: RunTreeRow;
  index: number;
  /** Offset in the grid's content, the header above the rows included. */
  top: number;
  nameWidth: number;
  columns: readonly ColumnDef[];
  /**
   * The rendered columns, `firstColumn` to `lastColumn` (-1 for none), after a gap as wide as those
   * before them. Numbers, not the virtualiser's items: while a column is dragged the items change
   * every frame, and the rows, which take no part in it (see useLiveCellWidth), render only when
   * other columns come into view.
   */
  firstColumn: number;
  lastColumn: number;
  gap: number;
  selected: boolean;
  active: boolean;
  /**
   * Whether the row's controls are in the Tab order. One row is (the cursor's, else the first), as in
   * WAI-ARIA's grid: Tab enters the table once and leaves it, j/k and the arrows move inside; every
   * row in the Tab order made hundreds of stops.
   */
  tabbable: boolean;
  experimentNames: ReadonlyMap<string, string>;
  onActivate: (runId: string) => void;
  onSelect: (runId: string, event: MouseEvent) => void;
  onToggleExpand: (runId: string) => void;
  onAddFilter: (clause: string) => void;
  /** Click handler of the run's link (a plain anchor: see followInApp). */
  onOpenLink: (event: MouseEvent<HTMLAnchorElement>) => void;
}

/**
 * The tree rows are rebuilt whenever a page of runs arrives, so a row's `row` object is new even
 * when nothing it shows has changed: compare what it is made of instead. Without this every
 * visible row rendered again for each page loaded, as long as the first render of the table.
 */
function sameRow(a: Props, b: Props): boolean {
  for (const key of Object.keys(a) as (keyof Props)[]) if (key !== "row" && a[key] !== b[key]) return false;
  const x = a.row;
  const y = b.row;
  return (
    x.node.run === y.node.run &&
    x.depth === y.depth &&
    x.expanded === y.expanded &&
    x.node.isContext === y.node.isContext &&
    x.node.children.length === y.node.children.length &&
    (x.node.children.length === 0 || descendantCount(x.node) === descendantCount(y.node))
  );
}

/** Memoised: while scrolling, only rows entering the viewport render; the others keep their output. */
export const RunRow = memo(function RunRow(props: Props) {
  const { row, index, top, nameWidth, columns, firstColumn, lastColumn, gap, selected, active, experimentNames } = props;
  const tabIndex = props.tabbable ? undefined : -1;
  const { run, isContext, children } = row.node;
  const id = run.info.run_id;
  const name = run.info.run_name || id;
  const classes = ["grid-row", active && "is-active", selected && "is-selected", isContext && "is-context", run.info.lifecycle_stage === "deleted" && "is-deleted"]
    .filter(Boolean)
    .join(" ");
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      aria-level={row.depth + 1}
      aria-expanded={children.length ? row.expanded : undefined}
      className={classes}
      style={{ top, height: ROW_HEIGHT }}
      data-run-id={id}
      data-context={isContext || undefined}
      data-testid="run-row"
      onMouseDown={() => props.onActivate(id)}
      // Tab into the table lands on a row's control: that row is the cursor's, so j/k go on from it.
      onFocus={() => {
        if (!active) props.onActivate(id);
      }}
    >
      <div role="gridcell" className="grid-cell pinned check-cell" style={{ left: 0, width: CHECK_WIDTH }}>
        {!isContext && (
          <input
            type="checkbox"
            tabIndex={tabIndex}
            checked={selected}
            aria-label={`Select ${name}`}
            onClick={(event) => props.onSelect(id, event)}
            onChange={() => undefined}
          />
        )}
      </div>
      <div
        role="gridcell"
        data-column-id={NAME_COLUMN.id}
        className="grid-cell pinned name-cell"
        style={{ left: CHECK_WIDTH, width: nameWidth, paddingLeft: 6 + row.depth * INDENT + (children.length > 0 ? 0 : TOGGLE_SPACE) }}>
        {children.length > 0 && (
          <button
            type="button"
            className="tree-toggle"
            tabIndex={tabIndex}
            aria-label={`${row.expanded ? "Collapse" : "Expand"} ${name}`}
            aria-expanded={row.expanded}
            onClick={(event) => {
              event.stopPropagation();
              props.onToggleExpand(id);
            }}
          >
            {row.expanded ? "▾" : "▸"}
          </button>
        )}
        <a
          href={paths.run.href({ experimentId: run.info.experiment_id, runId: id })}
          className="run-link"
          tabIndex={tabIndex}
          title={isContext ? `${name} — shown as an ancestor of matching runs` : name}
          onClick={props.onOpenLink}
        >
          {name}
        </a>
        {children.length > 0 && (
          <span className="badge child-count" title={`${descendantCount(row.node)} runs below`}>
            {children.length}
          </span>
        )}
      </div>
      <ColumnGap width={gap} />
      {columns.slice(firstColumn, lastColumn + 1).map((column) => {
        const cell = runCellContent(column, run, experimentNames, props.onAddFilter, tabIndex);
        return (
          <div
            key={column.id}
            role="gridcell"
            data-column-id={column.id}
            className={`grid-cell data-cell${column.numeric ? " is-numeric" : ""}${cell.className ? ` ${cell.className}` : ""}`}
            style={{ width: column.width }}
            title={cell.title}
          >
            {cell.content}
          </div>
        );
      })}
    </div>
  );
}, sameRow);
