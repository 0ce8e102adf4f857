import { sql, type RawBuilder } from "kysely";
import type { SqlDialectName } from "./sql-executor.js";

/** The per-run key/value tables: params, tags and latest metrics. */
export type RunKeyedTable = "latest_metrics" | "params" | "tags";

/** Migration 0004's covering (run_uuid, key, value, …) index of each table. */
const COVERING_INDEX: Readonly<Record<RunKeyedTable, string>> = {
  latest_metrics: "tracklet_latest_metrics_run_key",
  params: "tracklet_params_run_key_value",
  tags: "tracklet_tags_run_key_value",
};

/**
 * `table` as a FROM source for reads by run: on SQLite pinned to its covering (run_uuid, key, value)
 * index, which yields one run's entries in key order. Left to itself the planner picks the primary
 * key's unique (key, run_uuid) index — a unique lookup looks cheapest without statistics — and then
 * reads the table row for the value: a second B-tree search per entry, about two thirds of a
 * filtered page's time. Worse, for a comparison on the value it may pick a (key, value) index and
 * range-scan every matching entry of the whole database once per candidate run (seconds on 10k runs).
 */
export function runKeyedSource(dialect: SqlDialectName, table: RunKeyedTable): RawBuilder<unknown> {
  return dialect === "sqlite" ? sql`${sql.table(table)} INDEXED BY ${sql.raw(COVERING_INDEX[table])}` : sql`${sql.table(table)}`;
}
