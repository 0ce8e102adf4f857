import { SystemTags, type Run } from "../../../core/index.js";
import { quoteKey } from "../../utils/filter-text.js";
import { naturalCompare } from "../../utils/natural-compare.js";

/**
 * The runs table's columns. A column id is `<group>.<key>` split at the first dot, the way MLflow
 * reads `metrics.val.loss` (key "val.loss"): it is what the URL stores and what order_by is built from.
 */
export type ColumnGroup = "attributes" | "params" | "metrics" | "tags";
export const DATA_GROUPS = ["params", "metrics", "tags"] as const;
export type DataGroup = (typeof DATA_GROUPS)[number];

export interface ColumnDef {
  id: string;
  group: ColumnGroup;
  key: string;
  label: string;
  width: number;
  /** The order_by identifier, or undefined for columns the server cannot sort (duration). */
  orderKey: string | undefined;
  numeric: boolean;
}

export type SortDirection = "ASC" | "DESC";
export interface SortSpec {
  columnId: string;
  direction: SortDirection;
}

export function columnId(group: ColumnGroup, key: string): string {
  return `${group}.${key}`;
}

export function parseColumnId(id: string): { group: ColumnGroup; key: string } | undefined {
  const dot = id.indexOf(".");
  if (dot <= 0 || dot === id.length - 1) return undefined;
  const group = id.slice(0, dot);
  if (group !== "attributes" && group !== "params" && group !== "metrics" && group !== "tags") return undefined;
  return { group, key: id.slice(dot + 1) };
}

const attribute = (key: string, label: string, width: number, orderKey: string | undefined, numeric = false): ColumnDef => ({
  id: columnId("attributes", key),
  group: "attributes",
  key,
  label,
  width,
  orderKey,
  numeric,
});

/** The pinned first column: name, with the child-run tree. */
export const NAME_COLUMN = attribute("run_name", "Run name", 280, "attributes.run_name");

/** Always shown after the name, in this order. */
export const ATTRIBUTE_COLUMNS: readonly ColumnDef[] = [
  attribute("status", "Status", 104, "attributes.status"),
  attribute("start_time", "Started", 156, "attributes.start_time", true),
  // MLflow has no duration attribute to sort on.
  attribute("duration", "Duration", 92, undefined, true),
  // Shown from the mlflow.user tag (`runUser`), so sorted by it, as MLflow's UI does.
  attribute("user_id", "User", 120, `tags.${quoteKey(SystemTags.USER)}`),
  attribute("source", "Source", 180, `tags.${quoteKey(SystemTags.SOURCE_NAME)}`),
];

/** Shown only when the table spans several experiments. */
export const EXPERIMENT_COLUMN = attribute("experiment_id", "Experiment", 140, undefined);

const GROUP_LABEL: Record<DataGroup, string> = { params: "param", metrics: "metric", tags: "tag" };

/** A chosen param/metric/tag column, or undefined for an id that is not one. */
export function dataColumn(id: string): ColumnDef | undefined {
  const parsed = parseColumnId(id);
  if (!parsed || parsed.group === "attributes") return undefined;
  const { group, key } = parsed;
  return { id, group, key, label: key, width: group === "metrics" ? 120 : 140, orderKey: `${group}.${quoteKey(key)}`, numeric: group === "metrics" };
}

export function groupLabel(group: DataGroup): string {
  return GROUP_LABEL[group];
}

/** The scrolling columns: attributes, the experiment when several are shown, then the user's choice. */
export function buildColumns(chosen: readonly string[], multiExperiment: boolean): ColumnDef[] {
  const data = chosen.map(dataColumn).filter((c): c is ColumnDef => c !== undefined);
  return [...ATTRIBUTE_COLUMNS, ...(multiExperiment ? [EXPERIMENT_COLUMN] : []), ...data];
}

const ALL_FIXED = [NAME_COLUMN, ...ATTRIBUTE_COLUMNS];

/** The MLflow order_by clause for a sort, e.g. "metrics.`loss` DESC"; undefined if not sortable. */
export function orderByClause(sort: SortSpec | undefined): string | undefined {
  if (!sort) return undefined;
  const column = ALL_FIXED.find((c) => c.id === sort.columnId) ?? dataColumn(sort.columnId);
  return column?.orderKey ? `${column.orderKey} ${sort.direction}` : undefined;
}

/** The server's order when no sort is chosen (MLflow: start_time DESC, then run_id). */
export const DEFAULT_SORT: SortSpec = { columnId: "attributes.start_time", direction: "DESC" };

/** Click cycle of a header: ascending → descending → the server default. */
export function nextSort(current: SortSpec | undefined, column: ColumnDef): SortSpec | undefined {
  if (!column.orderKey) return current;
  if (current?.columnId !== column.id) return { columnId: column.id, direction: "ASC" };
  return current.direction === "ASC" ? { columnId: column.id, direction: "DESC" } : undefined;
}

export interface KeysSeen {
  params: string[];
  metrics: string[];
  tags: string[];
}

/** Every param, metric and tag key among the loaded runs, sorted, for the column picker and autocomplete. */
export function collectKeys(runs: readonly Run[]): KeysSeen {
  const params = new Set<string>();
  const metrics = new Set<string>();
  const tags = new Set<string>();
  for (const run of runs) {
    for (const p of run.data.params) params.add(p.key);
    for (const m of run.data.metrics) metrics.add(m.key);
    for (const t of run.data.tags) tags.add(t.key);
  }
  const sorted = (s: Set<string>) => [...s].sort(naturalCompare);
  // System tags go last: users look for their own tags first.
  const tagList = sorted(tags);
  return { params: sorted(params), metrics: sorted(metrics), tags: [...tagList.filter((t) => !t.startsWith("mlflow.")), ...tagList.filter((t) => t.startsWith("mlflow."))] };
}

/** The value a data column shows for a run: metric number, param or tag text, or undefined. */
export function dataValue(run: Run, group: DataGroup, key: string): string | number | undefined {
  switch (group) {
    case "metrics":
      return run.data.metrics.find((m) => m.key === key)?.value;
    case "params":
      return run.data.params.find((p) => p.key === key)?.value;
    case "tags":
      return run.data.tags.find((t) => t.key === key)?.value;
  }
}
