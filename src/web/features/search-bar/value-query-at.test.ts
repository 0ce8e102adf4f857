import { describe, expect, it } from "vitest";
import { sameValueQuery, valueQueryAt } from "./value-query-at.js";

const at = (text: string) => valueQueryAt(text, text.length);

describe("valueQueryAt", () => {
  it("finds the tag or param value being typed, after any string comparator and in IN lists", () => {
    expect(at("tags.team = 'vi")).toEqual({ entity: "tag", key: "team", prefix: "vi" });
    expect(at("tags.team = ")).toEqual({ entity: "tag", key: "team", prefix: "" });
    expect(at("params.lr != '0.")).toEqual({ entity: "param", key: "lr", prefix: "0." });
    expect(at("tags.`a b` LIKE \"x")).toEqual({ entity: "tag", key: "a b", prefix: "x" });
    expect(at("params.opt ILIKE 'A")).toEqual({ entity: "param", key: "opt", prefix: "A" });
    expect(at("metrics.loss < 1 AND tags.team IN ('nlp', 'sp")).toEqual({ entity: "tag", key: "team", prefix: "sp" });
    // Only the text before the caret counts.
    expect(valueQueryAt("tags.team = 'nlp' AND x", 15)).toEqual({ entity: "tag", key: "team", prefix: "nl" });
  });

  it("is nothing elsewhere: metrics, attributes, keys, comparators, finished values", () => {
    expect(at("metrics.loss < ")).toBeUndefined();
    expect(at("attributes.status = 'RUN")).toBeUndefined();
    expect(at("tags.tea")).toBeUndefined();
    expect(at("tags.team ")).toBeUndefined();
    expect(at("tags.team = 'nlp' ")).toBeUndefined();
  });

  it("compares queries by content", () => {
    expect(sameValueQuery(at("tags.a = 'x"), at("tags.a = 'x"))).toBe(true);
    expect(sameValueQuery(at("tags.a = 'x"), at("tags.a = 'xy"))).toBe(false);
    expect(sameValueQuery(undefined, undefined)).toBe(true);
    expect(sameValueQuery(at("tags.a = 'x"), undefined)).toBe(false);
  });
});
