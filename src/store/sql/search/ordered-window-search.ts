import { sql, type AliasedRawBuilder, type SqlBool } from "kysely";
import type { FilterNode, OrderKey } from "../../../core/search/index.js";
import type { RunRow } from "../database-schema.js";
import type { SqlExecutor } from "../sql-executor.js";
import { compileRunFilter } from "./compile-run-filter.js";
import { compileRunOrder } from "./compile-run-order.js";

export interface OrderedWindowSearch {
  experimentIds: readonly number[];
  stages: readonly string[];
  filter: FilterNode | undefined;
  /** The parsed order_by; empty means MLflow's default (start_time DESC, run_id ASC). */
  order: readonly OrderKey[];
  offset: number;
  limit: number;
  /** A fixed sequence of window sizes, as multiples of offset + limit, in place of the adaptive ones (tests). */
  windowFactors?: readonly number[];
}

/**
 * Window sizes in multiples of the rows asked for (offset + limit). The first window is small: an
 * unfiltered sort or a filter most runs pass fills the page from it. When it comes back short, the
 * share of its rows that passed the filter sizes the next one for the rows still needed (with a
 * margin against that estimate's noise), and a filter too rare for any window sends the search to
 * the full plan at once instead of after more doomed windows.
 */
const FIRST_WINDOW_FACTOR = 2;
const SIZE_MARGIN = 1.5;

/**
 * Above this many rows a window costs about what the full plan does (which reads each run of the
 * experiments once, whatever the offset), so deep pages go straight to the full plan.
 */
const MAX_WINDOW = 10_000;

interface WindowRow {
  run_uuid: string;
  /** The first sort key's value: a number (metric, start_time) or a string (param, tag). */
  v: number | string;
  /** Rows in the window. */
  n: number;
  /** The window's last value in sort order: its boundary. */
  b: number | string;
}

/** Where the first sort key's values live, in an index that yields them in (key, value) order. */
interface Source {
  table: "latest_metrics" | "params" | "tags";
  key: string;
  ascending: boolean;
}

/**
 * Only metric, param and tag keys need a window. MLflow's default order (start_time DESC) and an
 * order on start_time are already top-k in the full plan: SQLite walks the (experiment_id,
 * start_time) index and stops once the page is full.
 */
function sourceOf(order: readonly OrderKey[]): Source | undefined {
  const first = order[0];
  if (first === undefined) return undefined;
  switch (first.entity) {
    case "metric":
      return { table: "latest_metrics", key: first.key, ascending: first.ascending };
    case "param":
      return { table: "params", key: first.key, ascending: first.ascending };
    case "tag":
      return { table: "tags", key: first.key, ascending: first.ascending };
    case "attribute":
    case "dataset":
      return undefined;
  }
}

/**
 * Top-k plan for runs/search when the first sort key is a metric, param or tag. The full plan computes the sort
 * key of every run that passes the filter and sorts them all; this one walks the index in sort
 * order over the searched experiments' runs, keeps the first `window` of them, applies the filter
 * to those only, and sorts that handful by the complete order.
 *
 * The answer is exact or nothing. Every run whose sort value is strictly better than the last
 * value in the window is inside the window, so if at least offset + limit filtered runs are
 * strictly better than that boundary, they are the true first rows: ties with the boundary
 * (which may continue outside the window) are excluded from the count. When the window holds the
 * whole index range there is no boundary. Runs with NaN or without the key sort after every
 * value and are not in the window, so a page reaching them returns undefined too, and the
 * caller runs the full plan. Larger windows are tried before giving up.
 */
export async function searchByOrderedWindow(exec: SqlExecutor, search: OrderedWindowSearch): Promise<RunRow[] | undefined> {
  const source = sourceOf(search.order);
  if (source === undefined || search.experimentIds.length === 0) return undefined;
  const need = search.offset + search.limit;
  const direction = source.ascending ? "asc" : "desc";
  // Ties on the first key are ordered by the rest of order_by and MLflow's tie-breakers.
  const tail = compileRunOrder(search.order.slice(1));
  const { db } = exec;

  /** The first `size` runs of the searched experiments in sort order, as (run_uuid, v). */
  const orderedRuns = (size: number) => {
    // CROSS JOIN keeps the ordered index as the outer loop on SQLite (its planner never reorders
    // a CROSS JOIN); each entry then costs one covering-index lookup of its run.
    // The three tables share the (run_uuid, key, value) columns read here; one name keeps the
    // builder's types simple, and `value` is selected untyped because its type differs.
    const table = `${source.table} as k` as "params as k";
    let window = db
      .selectFrom(table)
      .crossJoin("runs as r")
      .select(["k.run_uuid as run_uuid", sql<number | string>`k.value`.as("v")])
      .whereRef("r.run_uuid", "=", "k.run_uuid")
      .where("k.key", "=", source.key)
      .where("r.experiment_id", "in", search.experimentIds)
      .where("r.lifecycle_stage", "in", search.stages)
      .where(sql<SqlBool>`k.value IS NOT NULL`);
    if (source.table === "latest_metrics") window = window.where(sql<SqlBool>`k.is_nan = ${exec.dialect === "sqlite" ? sql`0` : sql`false`}`);
    return window.orderBy(sql`k.value`, direction).limit(size);
  };

  /**
   * The window with, on every row, its row count `n` and its last value in sort order `b`
   * (window functions over the limited subquery: the index is walked once).
   */
  const windowOf = (size: number): AliasedRawBuilder<WindowRow, "w"> => {
    const last = source.ascending ? sql`max(ranked.v)` : sql`min(ranked.v)`;
    return sql<WindowRow>`(SELECT ranked.run_uuid, ranked.v, count(*) OVER () AS n, ${last} OVER () AS b FROM (${orderedRuns(size)}) AS ranked)`.as("w");
  };

  const pageOf = (size: number): Promise<RunRow[]> => {
    let query = db
      .selectFrom(windowOf(size))
      .crossJoin("runs")
      .selectAll("runs")
      .whereRef("runs.run_uuid", "=", "w.run_uuid")
      // A window short of `size` rows holds every indexed value: no boundary to exclude.
      .where((eb) => eb.or([eb("w.n", "<", size), eb("w.v", source.ascending ? "<" : ">", eb.ref("w.b"))]));
    const filter = search.filter;
    if (filter) query = query.where((eb) => compileRunFilter(eb, filter, exec.dialect));
    query = query.orderBy("w.v", direction);
    for (const term of tail) query = query.orderBy(term.expression, term.direction);
    return exec.all(query.limit(search.limit).offset(search.offset));
  };

  // A short page means the boundary cut it, or it reaches NaN or missing values: a larger window
  // or the full plan decides.
  if (search.windowFactors) {
    for (const size of search.windowFactors.map((f) => f * need).filter((n) => n <= MAX_WINDOW)) {
      const rows = await pageOf(size);
      if (rows.length === search.limit) return rows;
    }
    return undefined;
  }
  let size = FIRST_WINDOW_FACTOR * need;
  while (size <= MAX_WINDOW) {
    const rows = await pageOf(size);
    if (rows.length === search.limit) return rows;
    // About offset + rows.length of the window's runs passed the filter beyond its boundary.
    const passed = Math.max(1, search.offset + rows.length);
    size = Math.max(2 * size, Math.ceil((need * size * SIZE_MARGIN) / passed));
  }
  return undefined;
}
