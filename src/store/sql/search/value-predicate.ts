import { sql, type RawBuilder, type SqlBool } from "kysely";
import { MlflowError } from "../../../core/index.js";
import type { Comparator } from "../../../core/search/index.js";
import type { SqlDialectName } from "../sql-executor.js";
import { likePredicate } from "./string-match.js";

// Operators come from this fixed table, never from the filter text.
const SQL_OPERATORS = { "=": "=", "!=": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">=" } as const;

/**
 * The value column of a per-run probe (`WHERE run_uuid = runs.run_uuid AND key = ? AND value …`).
 * On SQLite the column is wrapped in the no-op unary `+`, which stops the planner from answering
 * the probe with a range scan of a (key, value) index — without statistics it prefers that, and
 * then scans every matching entry of the whole database once per candidate run (seconds on 10k
 * runs) instead of one primary-key lookup on (key, run_uuid). The column is TEXT or REAL and the
 * bound value already has that type, so losing the column's affinity changes no comparison.
 */
export function probeColumn(dialect: SqlDialectName, column: string): RawBuilder<unknown> {
  return dialect === "sqlite" ? sql`+${sql.ref(column)}` : sql`${sql.ref(column)}`;
}

/** `column <comparator> value` for one parsed clause; values are always bound parameters. */
export function valuePredicate(
  dialect: SqlDialectName,
  column: string | RawBuilder<unknown>,
  comparator: Comparator,
  value: string | number | readonly string[] | null,
): RawBuilder<SqlBool> {
  const ref = typeof column === "string" ? sql.ref(column) : column;
  switch (comparator) {
    case "=":
    case "!=":
    case "<":
    case "<=":
    case ">":
    case ">=":
      return sql<SqlBool>`${ref} ${sql.raw(SQL_OPERATORS[comparator])} ${value}`;
    case "LIKE":
    case "ILIKE":
      return likePredicate(dialect, ref, String(value), comparator === "LIKE");
    case "IN":
    case "NOT IN": {
      const items: readonly unknown[] = Array.isArray(value) ? value : [value];
      // MLflow drops list items that are not lower case, so a list can end up empty.
      if (items.length === 0) return comparator === "IN" ? sql<SqlBool>`1 = 0` : sql<SqlBool>`1 = 1`;
      const list = sql.join(items.map((v) => sql`${v}`));
      return comparator === "IN" ? sql<SqlBool>`${ref} IN (${list})` : sql<SqlBool>`${ref} NOT IN (${list})`;
    }
    case "IS NULL":
    case "IS NOT NULL":
      // Absence is decided by the caller (a key-membership test), never on a value column.
      throw MlflowError.invalidParameter(`Comparator '${comparator}' cannot be applied to a value.`);
  }
}
