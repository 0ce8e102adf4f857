import type { ViewType } from "../../../core/index.js";
import { parseViewType, viewTypeParam } from "../../utils/view-type-param.js";
import { parseColumnId, type SortSpec } from "./column-model.js";

/**
 * Everything a link to the runs table reproduces. URL shape (all optional):
 *   ?filter=<MLflow filter>&sort=-metrics.loss&c=params.lr&c=metrics.loss&sel=<id>,<id>&view=deleted
 * `sort` is a column id, prefixed with `-` for descending; `c` repeats, since keys may hold commas;
 * run ids never hold commas, so the selection is one compact parameter.
 */
export interface RunsViewState {
  filter: string;
  sort: SortSpec | undefined;
  columns: readonly string[];
  selected: readonly string[];
  viewType: ViewType;
}

export const EMPTY_VIEW_STATE: RunsViewState = { filter: "", sort: undefined, columns: [], selected: [], viewType: "ACTIVE_ONLY" };

function parseSort(text: string | null): SortSpec | undefined {
  if (!text) return undefined;
  const descending = text.startsWith("-");
  const columnId = descending ? text.slice(1) : text;
  return parseColumnId(columnId) ? { columnId, direction: descending ? "DESC" : "ASC" } : undefined;
}

export function readRunsViewState(params: URLSearchParams): RunsViewState {
  return {
    filter: params.get("filter") ?? "",
    sort: parseSort(params.get("sort")),
    // Unknown or repeated ids are dropped so a hand-edited link still opens.
    columns: [...new Set(params.getAll("c").filter((id) => parseColumnId(id)?.group !== undefined && !id.startsWith("attributes.")))],
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

const OWN_KEYS = ["filter", "sort", "c", "sel", "view"] as const;

/** Writes the state over `base`, keeping any parameter the table does not own. */
export function writeRunsViewState(state: RunsViewState, base: URLSearchParams = new URLSearchParams()): URLSearchParams {
  const next = new URLSearchParams(base);
  for (const key of OWN_KEYS) next.delete(key);
  if (state.filter.trim()) next.set("filter", state.filter);
  if (state.sort) next.set("sort", `${state.sort.direction === "DESC" ? "-" : ""}${state.sort.columnId}`);
  for (const id of state.columns) next.append("c", id);
  if (state.selected.length) next.set("sel", state.selected.join(","));
  const view = viewTypeParam(state.viewType);
  if (view) next.set("view", view);
  return next;
}
