import type { CSSProperties } from "react";
import { splitForMiddleEllipsis } from "../../utils/middle-ellipsis.js";
import { DEFAULT_SORT, groupLabel, type ColumnDef, type SortSpec } from "./column-model.js";
import { ColumnResizeHandle } from "./column-resize-handle.js";
import { kindMark } from "./header-kind-mark.js";
import { headerKeyWidth, headerWordWidth } from "./header-text-width.js";

/** What a header needs to resize its column: see ColumnResizeHandle. */
export interface ColumnResizing {
  onLive: (columnId: string, width: number | undefined) => void;
  onCommit: (columnId: string, width: number) => void;
}

interface Props {
  column: ColumnDef;
  /** The column's width now (while dragging, the dragged one). */
  width: number;
  defaultWidth: number;
  sort: SortSpec | undefined;
  onSort: (column: ColumnDef) => void;
  resizing: ColumnResizing;
  style: CSSProperties;
  className?: string;
}

/**
 * A key that, too long for its column, loses its middle rather than its distinguishing end. The two
 * halves are flex items, which assistive technology reads as two words, so they are hidden from it
 * and the whole key is read instead.
 */
function MiddleEllipsis({ text }: { text: string }) {
  const { head, tail } = splitForMiddleEllipsis(text);
  return (
    <>
      <span className="header-label" aria-hidden="true">
        <span className="header-label-head">{head}</span>
        <span className="header-label-tail">{tail}</span>
      </span>
      <span className="visually-hidden">{text}</span>
    </>
  );
}

/**
 * A param/metric/tag header: the kind (`METRIC`), then the key. A key too long for its column keeps
 * its end, which tells `train/loss` from `val/loss`, and the kind gives way to it first: a letter
 * badge, then nothing (the title and the accessible name keep it).
 */
function DataLabel({ word, text, width, sorted }: { word: string; text: string; width: number; sorted: boolean }) {
  const mark = kindMark({ width, keyWidth: headerKeyWidth(text), wordWidth: headerWordWidth(word), sorted });
  return (
    <>
      {mark === "word" && (
        <span className="header-group" aria-hidden="true">
          {word}
        </span>
      )}
      {mark === "letter" && (
        <span className="header-kind-letter" aria-hidden="true">
          {word.charAt(0)}
        </span>
      )}
      {/* Clipped at its start: see .header-key. */}
      <span className="header-key" aria-hidden="true">
        <span>{text}</span>
      </span>
      <span className="visually-hidden">{`${word} ${text}`}</span>
    </>
  );
}

/** Why a parent may sit above runs its own value would put it below: said on the sorted header. */
const FAMILY_ORDER = "A run with child runs sits where the best-ranked run of its family is, with the family under it.";

/** A sortable column header; the server's default order (start time ↓) is shown faintly when no sort is set. */
export function HeaderCell({ column, width, defaultWidth, sort, onSort, resizing, style, className = "" }: Props) {
  const active = sort ?? DEFAULT_SORT;
  const direction = active.columnId === column.id ? active.direction : undefined;
  const ariaSort = direction === "ASC" ? "ascending" : direction === "DESC" ? "descending" : "none";
  const name = column.group === "attributes" ? column.label : `${groupLabel(column.group)} ${column.label}`;
  const label = (
    <>
      {column.group === "attributes" ? <MiddleEllipsis text={column.label} /> : <DataLabel word={groupLabel(column.group)} text={column.label} width={width} sorted={direction !== undefined} />}
      {direction && <span className={`sort-arrow${sort ? "" : " is-default"}`}>{direction === "ASC" ? "↑" : "↓"}</span>}
    </>
  );
  return (
    // Named explicitly: from its content, the name would take in the resize handle's as well.
    <div
      role="columnheader"
      aria-label={name}
      aria-sort={ariaSort}
      className={`grid-cell header-cell ${className}`}
      style={style}
      title={direction ? `${column.id}, ${ariaSort}\n${FAMILY_ORDER}` : column.id}
      data-column-id={column.id}
    >
      {column.orderKey ? (
        <button type="button" className="header-button" onClick={() => onSort(column)}>
          {label}
        </button>
      ) : (
        <span className="header-button is-static">{label}</span>
      )}
      <ColumnResizeHandle
        label={name}
        width={width}
        defaultWidth={defaultWidth}
        onLive={(w) => resizing.onLive(column.id, w)}
        onCommit={(w) => resizing.onCommit(column.id, w)}
      />
    </div>
  );
}
