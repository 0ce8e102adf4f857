import { sql, type RawBuilder, type SqlBool } from "kysely";
import type { SqlDialectName } from "../sql-executor.js";

/**
 * MLflow's LIKE is case-sensitive and ILIKE is not, on every backend; `%` and `_` are the only
 * wildcards and there is no escape character. SQLite's LIKE ignores ASCII case, so a
 * case-sensitive match becomes GLOB with the pattern translated; PostgreSQL gets `ESCAPE ''` so a
 * backslash in the pattern stays literal.
 */
export function likePredicate(dialect: SqlDialectName, column: string | RawBuilder<unknown>, pattern: string, caseSensitive: boolean): RawBuilder<SqlBool> {
  const ref = typeof column === "string" ? sql.ref(column) : column;
  if (dialect === "postgres") {
    return caseSensitive ? sql<SqlBool>`${ref} LIKE ${pattern} ESCAPE ''` : sql<SqlBool>`${ref} ILIKE ${pattern} ESCAPE ''`;
  }
  return caseSensitive ? sql<SqlBool>`${ref} GLOB ${likeToGlob(pattern)}` : sql<SqlBool>`${ref} LIKE ${pattern}`;
}

/** `%` → `*`, `_` → `?`; GLOB's own specials (`*`, `?`, `[`) are bracketed so they match literally. */
export function likeToGlob(pattern: string): string {
  let out = "";
  for (const ch of pattern) {
    if (ch === "%") out += "*";
    else if (ch === "_") out += "?";
    else if (ch === "*" || ch === "?" || ch === "[") out += `[${ch}]`;
    else out += ch;
  }
  return out;
}
