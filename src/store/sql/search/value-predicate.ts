import { sql, type RawBuilder, type SqlBool } from "kysely";
import { MlflowError } from "../../../core/index.js";
import type { Comparator } from "../../../core/search/index.js";
import type { SqlDialectName } from "../sql-executor.js";
import { likePredicate } from "./string-match.js";

// Operators come from this fixed table, never from the filter text.
const SQL_OPERATORS = { "=": "=", "!=": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">=" } as const;

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
