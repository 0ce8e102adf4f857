import { describe, expect, it } from "vitest";
import { prettyJson } from "./pretty-json.js";

describe("prettyJson", () => {
  it("indents objects and arrays by two spaces", () => {
    expect(prettyJson('{"a":1,"b":[true,null,"x"],"c":{"d":-2.5e3}}')).toBe(
      ['{', '  "a": 1,', '  "b": [', "    true,", "    null,", '    "x"', "  ],", '  "c": {', '    "d": -2.5e3', "  }", "}"].join("\n"),
    );
  });

  it("gives the same layout as JSON.stringify for ordinary JSON", () => {
    const value = { model: "cnn", layers: [{ units: 64, act: "relu" }, { units: 10 }], empty: {}, none: [], nested: [[1, 2], []] };
    expect(prettyJson(JSON.stringify(value))).toBe(JSON.stringify(value, null, 2));
    expect(prettyJson(JSON.stringify(value, null, 4))).toBe(JSON.stringify(value, null, 2));
  });

  it("keeps numbers, strings and escapes exactly as written", () => {
    expect(prettyJson('{"id":12345678901234567890,"lr":1.50}')).toBe('{\n  "id": 12345678901234567890,\n  "lr": 1.50\n}');
    expect(prettyJson('["a\\"b,c:{d}", "\\\\", "\\u00e9"]')).toBe('[\n  "a\\"b,c:{d}",\n  "\\\\",\n  "\\u00e9"\n]');
  });

  it("accepts the NaN and Infinity Python writes", () => {
    expect(prettyJson('{"loss":NaN,"best":-Infinity,"x":Infinity}')).toBe('{\n  "loss": NaN,\n  "best": -Infinity,\n  "x": Infinity\n}');
  });

  it("pretty-prints scalars as they are", () => {
    expect(prettyJson(" 42 ")).toBe("42");
    expect(prettyJson('"text"')).toBe('"text"');
  });

  it("is undefined for text that is not JSON, such as a cut-off file or JSON lines", () => {
    for (const text of ['{"a": 1', '{"a": 1}\n{"a": 2}', "{a: 1}", "", "nan", '{"a": "unterminated}', "<html></html>", "[1,]"]) {
      expect(prettyJson(text), text).toBeUndefined();
    }
  });
});
