import { parseRunFilter, type Comparison, type FilterNode } from "../../../core/search/index.js";
import { appendClause } from "../../utils/filter-text.js";

function parsed(text: string): FilterNode | undefined {
  try {
    return parseRunFilter(text);
  } catch {
    return undefined;
  }
}

function sameComparison(a: Comparison, b: Comparison): boolean {
  const values = (v: Comparison["value"]) => JSON.stringify(v);
  return a.entity === b.entity && a.key === b.key && a.comparator === b.comparator && values(a.value) === values(b.value);
}

/**
 * `filter` AND `clause`, unless the filter already requires that clause at its top level (compared
 * parsed, so `tags.team = 'a'` and ``tags.`team` = 'a'`` are one clause): clicking the same cell
 * twice must not grow the filter. A filter that does not parse just gets the clause appended.
 */
export function withClause(filter: string, clause: string): string {
  const added = parsed(clause);
  const current = parsed(filter);
  if (added?.type === "comparison" && current) {
    const required = current.type === "and" ? current.children : [current];
    if (required.some((node) => node.type === "comparison" && sameComparison(node, added))) return filter;
  }
  // AND binds tighter than OR: `a OR b AND c` would narrow only b.
  return appendClause(current?.type === "or" ? `(${filter.trim()})` : filter, clause);
}
