/**
 * Building blocks of MLflow filter and order_by text. MLflow has no escape characters, so a key is
 * wrapped in backticks (or double quotes when it holds a backtick) and a value in single quotes (or
 * double quotes when it holds a single quote); a value holding both cannot be written at all.
 */
export type EntityPrefix = "attributes" | "params" | "metrics" | "tags";

export function quoteKey(key: string): string {
  return key.includes("`") ? `"${key}"` : `\`${key}\``;
}

/** `params.\`lr\``, or a bare `attributes.status` for attribute names (never need quoting). */
export function identifier(prefix: EntityPrefix, key: string): string {
  return prefix === "attributes" ? `attributes.${key}` : `${prefix}.${quoteKey(key)}`;
}

/** The quoted literal, or undefined when MLflow's grammar cannot express the value. */
export function quoteValue(value: string): string | undefined {
  if (!value.includes("'")) return `'${value}'`;
  if (!value.includes('"')) return `"${value}"`;
  return undefined;
}

/** `current AND clause`, keeping the user's own text as typed. */
export function appendClause(current: string, clause: string): string {
  const trimmed = current.trim();
  return trimmed ? `${trimmed} AND ${clause}` : clause;
}

/** An equality clause for a param or tag value, or undefined when it cannot be written. */
export function equalsClause(prefix: EntityPrefix, key: string, value: string): string | undefined {
  const literal = quoteValue(value);
  return literal === undefined ? undefined : `${identifier(prefix, key)} = ${literal}`;
}
