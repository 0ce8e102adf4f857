import { sql, type RawBuilder, type SqlBool } from "kysely";
import { MlflowError } from "../../../core/index.js";
import type { Comparator } from "../../../core/search/index.js";
import type { SqlDialectName } from "../sql-executor.js";
import { likePredicate } from "./string-match.js";

// Operators come from this fixed table, never from the filter text.
const SQL_OPERATORS: Partial<Record<Comparator, string>> = { "=": "=", "!=": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">=" };

/** `column <comparator> value` for one parsed clause; values are always bound parameters. */
export function valuePredicate(
  dialect: SqlDialectName,
  column: string,
  comparator: Comparator,
  value: string | number | readonly string[] | null,
): RawBuilder<SqlBool> {
  const ref = sql.ref(column);
  const operator = SQL_OPERATORS[comparator];
  if (operator !== undefined) return sql<SqlBool>`${ref} ${sql.raw(operator)} ${value as string | number}`;
  switch (comparator) {
    case "LIKE":
    case "ILIKE":
      return likePredicate(dialect, column, String(value), comparator === "LIKE");
    case "IN":
    case "NOT IN": {
      const list = sql.join((value as readonly string[]).map((v) => sql`${v}`));
      return comparator === "IN" ? sql<SqlBool>`${ref} IN (${list})` : sql<SqlBool>`${ref} NOT IN (${list})`;
    }
    default:
      throw MlflowError.invalidParameter(`Comparator '${comparator}' cannot be applied here.`);
  }
}
