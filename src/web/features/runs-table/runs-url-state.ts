import type { ViewType } from "../../../core/index.js";
import { parseViewType, viewTypeParam } from "../../utils/view-type-param.js";
import { parseColumnId, type SortSpec } from "./column-model.js";
import { isFixedColumn, keptWidth, withWidth, type ColumnWidths } from "./column-widths.js";

/**
 * Everything a link to the runs table reproduces. URL shape (all optional):
 *   ?filter=<MLflow filter>&sort=-metrics.loss&c=params.lr&c=metrics.loss&w=200.metrics.loss&sel=<id>,<id>&view=deleted
 * `sort` is a column id, prefixed with `-` for descending; `c` repeats, since keys may hold commas;
 * run ids never hold commas, so the selection is one compact parameter. `w` repeats too: a width in
 * px, a dot, a column id (digits never hold a dot, and none of these characters is escaped in a URL),
 * only for columns on show whose width is not their default.
 */
export interface RunsViewState {
  filter: string;
  sort: SortSpec | undefined;
  columns: readonly string[];
  widths: ColumnWidths;
  selected: readonly string[];
  viewType: ViewType;
}

export const EMPTY_VIEW_STATE: RunsViewState = { filter: "", sort: undefined, columns: [], widths: {}, selected: [], viewType: "ACTIVE_ONLY" };

function parseSort(text: string | null): SortSpec | undefined {
  if (!text) return undefined;
  const descending = text.startsWith("-");
  const columnId = descending ? text.slice(1) : text;
  return parseColumnId(columnId) ? { columnId, direction: descending ? "DESC" : "ASC" } : undefined;
}

/** Any number of digits: a width out of range is clamped (see keptWidth), not dropped as garbage. */
const WIDTH = /^(\d+)\.(.+)$/;

/** Widths of columns on show, clamped; anything else (garbled, another column, no number) is left out. */
function parseWidths(values: readonly string[], columns: readonly string[]): ColumnWidths {
  let widths: ColumnWidths = {};
  for (const value of values) {
    const match = WIDTH.exec(value);
    const id = match?.[2];
    if (match && id !== undefined && shownColumn(id, columns)) widths = withWidth(widths, id, Number(match[1]));
  }
  return widths;
}

function shownColumn(id: string, columns: readonly string[]): boolean {
  return isFixedColumn(id) || columns.includes(id);
}

export function readRunsViewState(params: URLSearchParams): RunsViewState {
  // Unknown or repeated ids are dropped so a hand-edited link still opens.
  const columns = [...new Set(params.getAll("c").filter((id) => parseColumnId(id)?.group !== undefined && !id.startsWith("attributes.")))];
  return {
    filter: params.get("filter") ?? "",
    sort: parseSort(params.get("sort")),
    columns,
    widths: parseWidths(params.getAll("w"), columns),
    selected: [
      ...new Set(
        (params.get("sel") ?? "")
          .split(",")
          .map((s) => s.trim())
          .filter(Boolean),
      ),
    ],
    viewType: parseViewType(params.get("view")),
  };
}

const OWN_KEYS = ["filter", "sort", "c", "w", "sel", "view"] as const;

/**
 * Whether a URL leaves the columns unsaid (no `c`, as in a hand-written or older link with only a
 * filter): the table then shows its suggested columns, as a bare link does. `c=` says "none".
 */
export function columnsUnsaid(params: URLSearchParams): boolean {
  return !params.has("c");
}

/** Whether a URL says anything about the table's view: if not, the remembered or default layout applies. */
export function hasViewParams(params: URLSearchParams): boolean {
  return OWN_KEYS.some((key) => params.has(key));
}

/** Writes the state over `base`, keeping any parameter the table does not own. */
export function writeRunsViewState(state: RunsViewState, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(base);
  for (const key of OWN_KEYS) next.delete(key);
  if (state.filter.trim()) next.set("filter", state.filter);
  if (state.sort) next.set("sort", `${state.sort.direction === "DESC" ? "-" : ""}${state.sort.columnId}`);
  for (const id of state.columns) next.append("c", id);
  // No columns, said so (`c=`): a link without `c` gets the suggested columns (columnsUnsaid).
  if (state.columns.length === 0) next.set("c", "");
  // In a stable order (the widths' own order depends on which column was resized first).
  const ids = Object.keys(state.widths).sort();
  for (const id of ids) {
    const width = state.widths[id];
    const kept = width === undefined || !shownColumn(id, state.columns) ? undefined : keptWidth(id, width);
    if (kept !== undefined) next.append("w", `${kept}.${id}`);
  }
  if (state.selected.length) next.set("sel", state.selected.join(","));
  const view = viewTypeParam(state.viewType);
  if (view) next.set("view", view);
  return next;
}
