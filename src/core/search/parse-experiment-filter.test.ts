import { describe, expect, it } from "vitest";
import type { FilterNode } from "./filter-node.js";
import { parseExperimentFilter } from "./parse-filter.js";

function show(node: FilterNode | undefined): string {
  if (node === undefined) return "∅";
  if (node.type === "comparison") return `${node.entity}.${node.key} ${node.comparator} ${JSON.stringify(node.value)}`;
  return `${node.type}(${node.children.map(show).join(", ")})`;
}

// search_experiments (search-syntax.md §8); rows marked "extension" are Tracklet's additions.
const VALID: readonly (readonly [string | undefined, string])[] = [
  [undefined, "∅"],
  [" ", "∅"],
  ["name = 'Default'", 'attribute.name = "Default"'],
  ["attribute.name LIKE '%exp%'", 'attribute.name LIKE "%exp%"'],
  ["`attribute`.name != 'x'", 'attribute.name != "x"'],
  ["name ILIKE 'a%'", 'attribute.name ILIKE "a%"'],
  ["creation_time > 0", "attribute.creation_time > 0"],
  ["attribute.last_update_time <= 1700000000000", "attribute.last_update_time <= 1700000000000"],
  ["tags.owner = 'me'", 'tag.owner = "me"'],
  ["tag.KEY = 'v'", 'tag.KEY = "v"'],
  ["tag.`k e y 1` = 'v'", 'tag.k e y 1 = "v"'],
  ["tag.\"k e y 1\" != 'v'", 'tag.k e y 1 != "v"'],
  ["tags.team LIKE '%ml%'", 'tag.team LIKE "%ml%"'],
  ["name = 'a' AND tags.x != 'b'", 'and(attribute.name = "a", tag.x != "b")'],
  // extension
  ["name = 'a' OR name = 'b'", 'or(attribute.name = "a", attribute.name = "b")'],
  ["tags.x IN ('a', 'B')", 'tag.x IN ["a","B"]'],
  ["tags.x IS NULL", "tag.x IS NULL null"],
  ["(name LIKE 'a%' OR tags.x IS NOT NULL) AND creation_time > 5", 'and(or(attribute.name LIKE "a%", tag.x IS NOT NULL null), attribute.creation_time > 5)'],
];

describe("parseExperimentFilter: accepted filters", () => {
  it.each(VALID)("%j → %s", (filter, expected) => {
    expect(show(parseExperimentFilter(filter))).toBe(expected);
  });
});
