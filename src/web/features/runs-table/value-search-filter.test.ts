import { describe, expect, it } from "vitest";
import { parseRunFilter, type FilterNode } from "../../../core/search/index.js";
import { MAX_EXCLUDED_VALUES, MAX_FILTER_LENGTH, prefixPattern, searchablePrefix, valueLiteral, valueSearchFilter } from "./value-search-filter.js";

/** The comparisons of a filter as core/search (the reference for MLflow's grammar) reads them. */
function clauses(filter: string | undefined): [string, string, unknown][] {
  if (filter === undefined) throw new Error("no filter");
  const out: [string, string, unknown][] = [];
  const walk = (node: FilterNode | undefined): void => {
    if (!node) return;
    if ("children" in node) node.children.forEach(walk);
    else out.push([`${node.entity}.${node.key}`, node.comparator, node.value]);
  };
  walk(parseRunFilter(filter));
  return out;
}

describe("valueSearchFilter", () => {
  it("asks for values starting with the prefix, in any case, without those already found", () => {
    const filter = valueSearchFilter("tag", "team", "vi", ["vision", "viz"]);
    expect(filter).toBe("tags.`team` ILIKE 'vi%' AND tags.`team` != 'vision' AND tags.`team` != 'viz'");
    expect(clauses(filter)).toEqual([
      ["tag.team", "ILIKE", "vi%"],
      ["tag.team", "!=", "vision"],
      ["tag.team", "!=", "viz"],
    ]);
    expect(valueSearchFilter("param", "lr", "")).toBe("params.`lr` ILIKE '%'");
  });

  it("quotes keys and values so that the parser reads them back exactly", () => {
    const awkward = ["it's", 'say "hi"', "a\\b", "%_", "AND x = 'y", "日本", " spaced "];
    const filter = valueSearchFilter("tag", "we`ird key", "o'", awkward);
    expect(filter).toContain('tags."we`ird key" ILIKE "o\'%"');
    expect(clauses(filter)).toEqual([["tag.we`ird key", "ILIKE", "o'%"], ...awkward.map((v) => ["tag.we`ird key", "!=", v])]);
    expect(clauses(valueSearchFilter("param", 'a"b.c', "x"))).toEqual([['param.a"b.c', "ILIKE", "x%"]]);
  });

  it("leaves out values it cannot write, and gives up on keys and prefixes it cannot write", () => {
    expect(valueLiteral(`both ' and "`)).toBeUndefined();
    expect(valueLiteral("C:\\dir\\")).toBeUndefined();
    expect(clauses(valueSearchFilter("tag", "k", "", [`both ' and "`, "C:\\dir\\", "ok"]))).toEqual([
      ["tag.k", "ILIKE", "%"],
      ["tag.k", "!=", "ok"],
    ]);
    expect(valueSearchFilter("tag", 'a`b"c', "x")).toBeUndefined();
    expect(valueSearchFilter("tag", "k", `'"`)).toBeUndefined();
  });

  it("cuts the prefix at a backslash, LIKE's escape character on some servers", () => {
    expect(prefixPattern("C:\\Us")).toBe("'C:%'");
    expect(searchablePrefix("C:\\Us")).toBe("C:");
    expect(prefixPattern("50%_x")).toBe("'50%_x%'");
    expect(clauses(valueSearchFilter("tag", "path", "C:\\dir\\"))).toEqual([["tag.path", "ILIKE", "C:%"]]);
  });

  it("stays under the length and clause caps, fitting shorter values after a long one", () => {
    const many = Array.from({ length: 100 }, (_, i) => `value-${i}`);
    const capped = clauses(valueSearchFilter("tag", "k", "v", many));
    expect(capped).toHaveLength(1 + MAX_EXCLUDED_VALUES);
    expect(capped.slice(1).map(([, , v]) => v)).toEqual(many.slice(0, MAX_EXCLUDED_VALUES));

    const long = ["x".repeat(MAX_FILTER_LENGTH), ...Array.from({ length: 30 }, (_, i) => `${"y".repeat(100)}${i}`), "short"];
    const filter = valueSearchFilter("tag", "k", "", long) ?? "";
    expect(filter.length).toBeLessThanOrEqual(MAX_FILTER_LENGTH);
    const values = clauses(filter).slice(1).map(([, , v]) => v);
    expect(values).not.toContain(long[0]);
    expect(values).toContain("short");
    expect(values.length).toBeGreaterThan(10);
  });
});
