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
  /** Window sizes to try, smallest first (see DEFAULT_SEARCH_WINDOWS). */
  windows?: readonly number[];
}

/**
 * Sizes of the ordered windows tried before the full plan. A page of 100 needs about 100 / m
 * candidates for a filter that m of the runs match, so the first window serves filters matching
 * down to ~10 % of the runs, the second down to ~1 %.
 */
export const DEFAULT_SEARCH_WINDOWS: readonly number[] = [1000, 10_000];

interface WindowRow {
  run_uuid: string;
  /** The first sort key's value: a number (metric, start_time) or a string (param, tag). */
  v: number | string;
}

/** Where the first sort key's values live, in an index that yields them in order. */
type Source =
  | { kind: "keyed"; table: "latest_metrics" | "params" | "tags"; key: string; ascending: boolean }
  | { kind: "start_time"; ascending: boolean };

function sourceOf(order: readonly OrderKey[]): Source | undefined {
  const first = order[0];
  if (first === undefined) return { kind: "start_time", ascending: false };
  switch (first.entity) {
    case "metric":
      return { kind: "keyed", table: "latest_metrics", key: first.key, ascending: first.ascending };
    case "param":
      return { kind: "keyed", table: "params", key: first.key, ascending: first.ascending };
    case "tag":
      return { kind: "keyed", table: "tags", key: first.key, ascending: first.ascending };
    case "attribute":
      return first.key === "start_time" ? { kind: "start_time", ascending: first.ascending } : undefined;
    case "dataset":
      return undefined;
  }
}

/**
 * Top-k plan for runs/search when the first sort key has an ordered index (a metric, param or
 * tag key, or start_time — which covers MLflow's default order). The full plan computes the sort
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

  /** The first `size` runs in sort order, as (run_uuid, v): one subquery shape for every source. */
  const windowOf = (size: number): AliasedRawBuilder<WindowRow, "w"> => {
    if (source.kind === "start_time") {
      const byStart = db
        .selectFrom("runs as r")
        .select(["r.run_uuid as run_uuid", "r.start_time as v"])
        .where("r.experiment_id", "in", search.experimentIds)
        .where("r.lifecycle_stage", "in", search.stages)
        .where("r.start_time", "is not", null)
        .orderBy("r.start_time", direction)
        .limit(size);
      return sql<WindowRow>`(${byStart})`.as("w");
    }
    // CROSS JOIN keeps the ordered index as the outer loop on SQLite (its planner never reorders
    // a CROSS JOIN); each entry then costs one primary-key lookup of its run.
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
    return sql<WindowRow>`(${window.orderBy(sql`k.value`, direction).limit(size)})`.as("w");
  };

  // A window must hold a good margin of candidates beyond the rows asked for; deep pages go to
  // the full plan, which reads each run of the experiments once whatever the offset.
  for (const size of (search.windows ?? DEFAULT_SEARCH_WINDOWS).filter((s) => need * 2 <= s)) {
    // One pass over the window: its size, and the last value in sort order (the boundary).
    const stats = await exec.first(
      db
        .selectFrom(windowOf(size))
        .select((eb) => [eb.fn.countAll<number>().as("n"), (source.ascending ? eb.fn.max("w.v") : eb.fn.min("w.v")).as("boundary")]),
    );
    const full = Number(stats?.n ?? 0) >= size;
    let query = db
      .selectFrom(windowOf(size))
      .crossJoin("runs")
      .selectAll("runs")
      .whereRef("runs.run_uuid", "=", "w.run_uuid");
    if (full && stats?.boundary != null) query = query.where("w.v", source.ascending ? "<" : ">", stats.boundary);
    const filter = search.filter;
    if (filter) query = query.where((eb) => compileRunFilter(eb, filter, exec.dialect));
    query = query.orderBy("w.v", direction);
    for (const term of tail) query = query.orderBy(term.expression, term.direction);
    const rows = await exec.all(query.limit(search.limit).offset(search.offset));
    if (rows.length === search.limit) return rows;
    // The window held every indexed value and still fell short: the page reaches NaN or missing values.
    if (!full) return undefined;
  }
  return undefined;
}
