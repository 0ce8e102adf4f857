import { quoteKey, quoteValue } from "../../utils/filter-text.js";

/**
 * Kept well under what servers take: MLflow's SQL store joins one subquery per tag/param clause,
 * and SQLite refuses a join of more than 64 tables; a long filter also costs every server time to
 * parse and plan. Exclusions that do not fit are left out: their runs may come back, which costs
 * room in a page, never a wrong value.
 */
export const MAX_FILTER_LENGTH = 2000;
export const MAX_EXCLUDED_VALUES = 40;

const PREFIX = { tag: "tags", param: "params" } as const;

/** `tags.\`key\``, or undefined for a key MLflow's grammar cannot write (a backtick and a double quote). */
function fieldOf(entity: "tag" | "param", key: string): string | undefined {
  return key.includes("`") && key.includes('"') ? undefined : `${PREFIX[entity]}.${quoteKey(key)}`;
}

/**
 * A string literal, or undefined when it cannot be written: MLflow has no escapes, so a value
 * with both quote characters is out, and so is one ending in a backslash (read as escaping the
 * closing quote, by MLflow's tokenizer and by core/search alike).
 */
export function valueLiteral(value: string): string | undefined {
  return value.endsWith("\\") ? undefined : quoteValue(value);
}

/**
 * The ILIKE pattern of a typed prefix: `'typed%'`. `%` and `_` typed stay wildcards (the answer is
 * a superset; the list ranks it against what was typed), but the prefix stops at a backslash,
 * which PostgreSQL and MySQL read as LIKE's escape character.
 */
export function prefixPattern(prefix: string): string | undefined {
  return quoteValue(`${searchablePrefix(prefix)}%`);
}

/** What of a typed prefix goes into the pattern: up to a backslash (see prefixPattern). */
export function searchablePrefix(prefix: string): string {
  const cut = prefix.indexOf("\\");
  return cut < 0 ? prefix : prefix.slice(0, cut);
}

/**
 * The filter of one round of the search for values of a tag or param: runs whose value starts with
 * `prefix` (any case) and is none of `exclude` (the values found so far, most useful first), in
 * MLflow's standard syntax. Undefined when the key or the prefix cannot be written.
 */
export function valueSearchFilter(entity: "tag" | "param", key: string, prefix: string, exclude: readonly string[] = []): string | undefined {
  const field = fieldOf(entity, key);
  const pattern = prefixPattern(prefix);
  if (field === undefined || pattern === undefined) return undefined;
  let filter = `${field} ILIKE ${pattern}`;
  let excluded = 0;
  for (const value of exclude) {
    if (excluded === MAX_EXCLUDED_VALUES) break;
    const literal = valueLiteral(value);
    const clause = literal === undefined ? undefined : ` AND ${field} != ${literal}`;
    // A shorter value further down may still fit.
    if (clause === undefined || filter.length + clause.length > MAX_FILTER_LENGTH) continue;
    filter += clause;
    excluded++;
  }
  return filter;
}
