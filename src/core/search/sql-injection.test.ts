import { describe, expect, it } from "vitest";
import type { FilterNode } from "./filter-node.js";
import { parseRunFilter } from "./parse-filter.js";
import { parseRunOrderBy } from "./parse-order-by.js";
import { SearchSyntaxError } from "./search-syntax-error.js";

/** Every leaf must be a plain comparison whose value is data, never SQL. */
function leaves(node: FilterNode): FilterNode[] {
  return node.type === "comparison" ? [node] : node.children.flatMap(leaves);
}

function outcome(filter: string): string {
  try {
    const node = parseRunFilter(filter);
    if (node === undefined) return "empty";
    return leaves(node)
      .map((c) => (c.type === "comparison" ? `${c.entity}.${c.key} ${c.comparator} ${JSON.stringify(c.value)}` : "?"))
      .join(" | ");
  } catch (e) {
    expect(e).toBeInstanceOf(SearchSyntaxError);
    expect((e as SearchSyntaxError).errorCode).toBe("INVALID_PARAMETER_VALUE");
    return `rejected at ${(e as SearchSyntaxError).position.start}`;
  }
}

// Injection-looking inputs either become plain string data or are rejected.
const CASES: readonly (readonly [string, string])[] = [
  ["tags.x = 'a'' OR 1=1 --'", "rejected at 9"],
  ["tags.x = 'a'; DROP TABLE runs; --", "rejected at 12"],
  ["params.x = '1'' OR ''1''=''1'", "rejected at 11"],
  ["tags.x = 'a\\' OR 1=1 --'", "rejected at 9"],
  ["metrics.x > 1 UNION SELECT * FROM users", "rejected at 14"],
  ["run_id IN ('a'); DELETE FROM runs", "rejected at 15"],
  ["run_id IN ('a') OR run_id IN (SELECT run_uuid FROM runs)", "rejected at 30"],
  ["tags.x = 'a' OR 1=1", "rejected at 16"],
  ["tags.x = 'a' AND (SELECT 1) = 1", "rejected at 18"],
  ["status = 'RUNNING' OR status != 'RUNNING' --", "rejected at 42"],
  ["tags.x = CHAR(65)", "rejected at 9"],
  ["tags.x = x'41'", "rejected at 9"],
  ["params.x = 'a' || 'b'", "rejected at 15"],
  ["tags.x LIKE '%' ESCAPE '!'", "rejected at 16"],
  ["tags.x = $$a$$", "rejected at 9"],
  ["tags.x = :param", "rejected at 9"],
  ["tags.x = ?", "rejected at 9"],
  ["tags.x = 'a' AND 1", "rejected at 17"],
  ['tags.x = "1\' OR \'1\'=\'1"', 'tag.x = "1\' OR \'1\'=\'1"'],
  ["tags.\"x' OR 1=1 --\" = 'v'", 'tag.x\' OR 1=1 -- = "v"'],
  ["tags.`x; DROP TABLE tags` = 'v'", 'tag.x; DROP TABLE tags = "v"'],
  ["params.x LIKE '%; DELETE FROM runs; --%'", 'param.x LIKE "%; DELETE FROM runs; --%"'],
  ["tags.x = 'a\u0000b'", 'tag.x = "a\\u0000b"'],
  ["run_id IN ('a'' , ''b')", "rejected at 11"],
  ["tags.x IN ('1) OR (1=1')", 'tag.x IN ["1) OR (1=1"]'],
];

describe("SQL-injection-looking filters", () => {
  it.each(CASES)("%j → %s", (filter, expected) => {
    expect(outcome(filter)).toBe(expected);
  });

  it("keeps order_by keys as data", () => {
    expect(parseRunOrderBy(["metrics.`a; DROP TABLE runs` DESC"])).toEqual([{ entity: "metric", key: "a; DROP TABLE runs", ascending: false }]);
    expect(() => parseRunOrderBy(["metrics.a; DROP TABLE runs"])).toThrow(SearchSyntaxError);
    expect(() => parseRunOrderBy(["metrics.a DESC, 1"])).toThrow(SearchSyntaxError);
  });
});
