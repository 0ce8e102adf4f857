import { describe, expect, it } from "vitest";
import { encodeJson } from "./encode-json.js";

describe("encodeJson", () => {
  it.each([
    ["plain values pass through", { a: 1, b: "x", c: [1, 2], d: { e: true } }, '{"a":1,"b":"x","c":[1,2],"d":{"e":true}}'],
    ["NaN and infinities become MLflow's strings", { m: [NaN, Infinity, -Infinity, 0.5] }, '{"m":["NaN","Infinity","-Infinity",0.5]}'],
    ["a NaN deep inside an object", { runs: [{ data: { metrics: [{ key: "k", value: NaN }] } }] }, '{"runs":[{"data":{"metrics":[{"key":"k","value":"NaN"}]}}]}'],
    ["empty lists are omitted", { a: [], b: { c: [] }, d: [1] }, '{"b":{},"d":[1]}'],
    ["an empty list inside a list becomes null, as the replacer renders it", { a: [[], [1]] }, '{"a":[null,[1]]}'],
    ["real nulls stay null", { a: null, b: [null] }, '{"a":null,"b":[null]}'],
    ["strings that look like the fixed-up tokens are left alone", { a: "null", b: "[]", c: ["[]"] }, '{"a":"null","b":"[]","c":["[]"]}'],
    ["strings that look like the tokens next to a real NaN", { a: "null", v: NaN }, '{"a":"null","v":"NaN"}'],
    ["undefined fields are omitted", { a: undefined, b: 2 }, '{"b":2}'],
    ["int64-sized numbers stay numbers", { t: 1_700_000_000_000 }, '{"t":1700000000000}'],
  ])("%s", (_name, value, expected) => {
    expect(encodeJson(value)).toBe(expected);
  });

  it("an empty object or a lone NaN at the top", () => {
    expect(encodeJson({})).toBe("{}");
    expect(encodeJson(NaN)).toBe('"NaN"');
  });
});
