import { describe, expect, it } from "vitest";
import { isJsonText, jsonLayoutPieces, prettyJson, prettyJsonPrefix, startsAsJson } from "./pretty-json.js";

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

describe("prettyJsonPrefix", () => {
  const value = { history: [{ step: 1, loss: 0.5, tags: ["a", "b"], note: 'say "hi", {ok}' }, { step: 2, loss: 0.25, tags: [], note: "" }], id: 12345678901234567890n.toString() };
  const text = JSON.stringify(value);
  const pretty = JSON.stringify(value, null, 2);

  it("lays out the start of a cut file as the whole file's layout starts, wherever the cut falls", () => {
    for (let cut = 1; cut < text.length; cut++) {
      const laid = prettyJsonPrefix(text.slice(0, cut));
      expect(laid, text.slice(0, cut)).toBeDefined();
      // The layout of a prefix is a prefix of the layout, but for the space a cut before a value leaves after its colon.
      expect(pretty.startsWith((laid as string).replace(/: $/, ":")), laid).toBe(true);
      expect(laid).not.toMatch(/\n *$/);
    }
  });

  it("keeps an open string or number as far as it goes", () => {
    expect(prettyJsonPrefix('{"a":[1,2.5')).toBe('{\n  "a": [\n    1,\n    2.5');
    expect(prettyJsonPrefix('[{"note":"a, b: {c')).toBe('[\n  {\n    "note": "a, b: {c');
    expect(prettyJsonPrefix('{"loss":NaN,"x":[Infinity')).toBe('{\n  "loss": NaN,\n  "x": [\n    Infinity');
  });

  it("is undefined for text that is not the start of one JSON value", () => {
    for (const cut of ['{"a": 1}\n{"a": 2}\n{"a', "{a: 1, b: [", '"just a long string', "12345", "", "<html><body>", '{"a": 1]', '{"a" 1, "b": [']) {
      expect(prettyJsonPrefix(cut), cut).toBeUndefined();
    }
  });
});

describe("jsonLayoutPieces", () => {
  const pieces = (text: string, cut: boolean, size: number): string[] => {
    const it = jsonLayoutPieces(text, cut, 2, size);
    const out: string[] = [];
    for (let r = it.next(); !r.done; r = it.next()) out.push(r.value);
    return out;
  };
  const value = { a: [1, 2, { b: "x, y", c: [] }], d: { e: null, f: [[true], [false]] }, g: "NaN" };
  const text = JSON.stringify(value);

  it("lays out the text a piece at a time, each piece whole lines, the pieces together the whole layout", () => {
    for (const size of [1, 2, 3, 5, 8, 13, 1000]) {
      const got = pieces(text, false, size);
      expect(got.join(""), `pieces of ${size}`).toBe(prettyJson(text));
      for (const piece of got.slice(0, -1)) expect(piece.endsWith("\n"), JSON.stringify(piece)).toBe(true);
    }
    expect(pieces(text, false, 1).length).toBeGreaterThan(10);
  });

  it("does the same for a cut text, as prettyJsonPrefix lays it out", () => {
    for (let cut = 1; cut < text.length; cut++) {
      for (const size of [1, 4, 1000]) {
        // A piece that stops where the cut text ends leaves its line feed: invisible at the end of a <pre>.
        const joined = pieces(text.slice(0, cut), true, size).join("").replace(/\n$/, "");
        expect(joined, `${text.slice(0, cut)} / ${size}`).toBe(prettyJsonPrefix(text.slice(0, cut)));
      }
    }
  });
});

describe("isJsonText and startsAsJson", () => {
  it("judge a whole text, or a cut one as the start of one value", () => {
    expect(isJsonText('{"a": [1, NaN]}', false)).toBe(true);
    expect(isJsonText('{"a": [1, Na', true)).toBe(true);
    expect(isJsonText('{"a": 1}\n{"a": 2}', false)).toBe(false);
    expect(isJsonText('{"a": 1}\n{"a": 2}\n{"a', true)).toBe(false);
  });

  it("guess from the start of a long text, and decide a short one", () => {
    const lines = '{"a": 1}\n' + '{"a": 2}\n'.repeat(10);
    expect(startsAsJson(lines, false, 5)).toBe(true);
    expect(startsAsJson(lines, false, 12)).toBe(false);
    expect(startsAsJson(lines, false, 1000)).toBe(false);
    expect(startsAsJson('{"a": [1, 2]}', false, 1000)).toBe(true);
    expect(startsAsJson("not json at all", false, 5)).toBe(false);
  });
});
