import { ATTRIBUTE_COLUMNS, EXPERIMENT_COLUMN, NAME_COLUMN, dataColumn, type ColumnDef } from "./column-model.js";

/** Column widths the user has set, by column id; columns without an entry keep their default. */
export type ColumnWidths = Readonly<Record<string, number>>;

export const MIN_COLUMN_WIDTH = 56;
export const MAX_COLUMN_WIDTH = 800;
/** Arrow keys on a resize handle move it by this much; with Shift by `BIG_STEP`. */
export const KEY_STEP = 16;
export const BIG_STEP = 64;

const FIXED: readonly ColumnDef[] = [NAME_COLUMN, ...ATTRIBUTE_COLUMNS, EXPERIMENT_COLUMN];

export function clampColumnWidth(width: number): number {
  return Math.min(MAX_COLUMN_WIDTH, Math.max(MIN_COLUMN_WIDTH, Math.round(width)));
}

/** The width a column has until resized, or undefined for an id that names no column. */
export function defaultColumnWidth(columnId: string): number | undefined {
  return (FIXED.find((c) => c.id === columnId) ?? dataColumn(columnId))?.width;
}

/** Whether `columnId` is one of the attribute columns, which every view has (experiment: when shown). */
export function isFixedColumn(columnId: string): boolean {
  return FIXED.some((c) => c.id === columnId);
}

/** `column` with the user's width, if any. */
export function sized(column: ColumnDef, widths: ColumnWidths): ColumnDef {
  const width = Object.hasOwn(widths, column.id) ? widths[column.id] : undefined;
  return width === undefined || width === column.width ? column : { ...column, width };
}

/** `width` clamped, or undefined where that is the column's default: nothing to keep. */
export function keptWidth(columnId: string, width: number): number | undefined {
  const clamped = clampColumnWidth(width);
  return clamped === defaultColumnWidth(columnId) ? undefined : clamped;
}

/** `widths` with `columnId` set to `width` (clamped), or removed when that is its default. */
export function withWidth(widths: ColumnWidths, columnId: string, width: number): ColumnWidths {
  const next: Record<string, number> = { ...widths };
  const kept = keptWidth(columnId, width);
  if (kept === undefined) delete next[columnId];
  else next[columnId] = kept;
  return next;
}
