/**
 * The syntax tree of a search filter. `parseRunFilter` / `parseExperimentFilter` build it; the
 * store compiles it to SQL and the web UI uses it (and its spans) to explain the filter.
 */

/** What a clause or order key refers to. Prefixes map onto these (`metrics.` → "metric"). */
export type SearchEntity = "metric" | "param" | "tag" | "attribute" | "dataset";

/** Comparators, upper-cased. `IN`/`NOT IN` on tags and params, `OR` and `( )` are Tracklet extensions. */
export type Comparator = "=" | "!=" | "<" | "<=" | ">" | ">=" | "LIKE" | "ILIKE" | "IN" | "NOT IN" | "IS NULL" | "IS NOT NULL";

/** 0-based UTF-16 code-unit offsets into the parsed text; `end` is exclusive. */
export interface SourceSpan {
  start: number;
  end: number;
}

/** One `field comparator value` clause, already checked against MLflow's per-entity rules. */
export interface Comparison {
  type: "comparison";
  entity: SearchEntity;
  /** Canonical key: quotes removed, attribute aliases resolved (`created` → `start_time`). */
  key: string;
  comparator: Comparator;
  /** number for numeric fields, string for string fields, string[] for IN lists, null for IS [NOT] NULL. */
  value: string | number | readonly string[] | null;
  span: SourceSpan;
}

/**
 * `AND` / `OR` (the latter a Tracklet extension) over two or more children. Written as a union of
 * the two shapes (rather than one interface with `type: "and" | "or"`) so that checking
 * `node.type === "and"` and then `"or"` narrows what is left to `Comparison`.
 */
export type LogicalNode = LogicalNodeOf<"and"> | LogicalNodeOf<"or">;

interface LogicalNodeOf<T extends "and" | "or"> {
  type: T;
  children: readonly FilterNode[];
  span: SourceSpan;
}

export type FilterNode = Comparison | LogicalNode;
