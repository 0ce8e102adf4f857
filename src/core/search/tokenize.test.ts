import { describe, expect, it } from "vitest";
import { tokenize } from "./tokenize.js";

const kinds = (text: string): string => tokenize(text).map((t) => (t.problem === undefined ? t.kind : `${t.kind}!`)).join(" ");

// [text, token kinds ("!" marks a token with a problem)]
const KINDS: readonly (readonly [string, string])[] = [
  ["metrics.acc>0.9", "word dot word operator number"],
  ["tags.in = 'x'", "word dot word operator string"],
  ["a AND b or c", "word keyword word keyword word"],
  ["x in ('a', \"b\")", "word keyword lparen string comma string rparen"],
  ["tags.`a b`.c", "word dot backtick dot word"],
  ["tags.v.2", "word dot word dot word"],
  [".5 -.5 -1 1. 1e-3 1E3", "number number number number number number"],
  ["1abc 0x1F 1.2.3", "invalid! invalid! invalid!"],
  ["- 1", "invalid! number"],
  ["== <> ~ != <=", "operator operator operator operator operator"],
  ["'open", "string!"],
  ["`open", "backtick!"],
  ["'it''s' \"a\\\"b\" `a``b`", "string! string! backtick!"],
  ["a; b", "word invalid! word"],
  ["-- x /* y", "invalid! word invalid! word"],
  ["ASC desc True null IS not", "keyword keyword keyword keyword keyword keyword"],
  ["tags.AND.IS", "word dot word dot word"],
  ["données.é", "word dot word"],
];

describe("tokenize", () => {
  it.each(KINDS)("%j → %s", (text, expected) => {
    expect(kinds(text)).toBe(expected);
  });

  it("gives exact spans, values and upper-cased keyword values", () => {
    expect(tokenize("  tags.`a b` like 'x'")).toEqual([
      { kind: "word", text: "tags", span: { start: 2, end: 6 } },
      { kind: "dot", text: ".", span: { start: 6, end: 7 } },
      { kind: "backtick", text: "`a b`", span: { start: 7, end: 12 }, value: "a b" },
      { kind: "keyword", text: "like", span: { start: 13, end: 17 }, value: "LIKE" },
      { kind: "string", text: "'x'", span: { start: 18, end: 21 }, value: "x" },
    ]);
  });

  it("never throws and covers astral characters in one invalid token", () => {
    expect(tokenize("a 😀 b").map((t) => [t.kind, t.text, t.span.start, t.span.end])).toEqual([
      ["word", "a", 0, 1],
      ["invalid", "😀", 2, 4],
      ["word", "b", 5, 6],
    ]);
  });

  it("runs an unterminated string to the end of the text", () => {
    const [, , token] = tokenize("x = 'abc AND y");
    expect(token?.span).toEqual({ start: 4, end: 14 });
    expect(token?.problem).toMatch(/Unterminated string/);
  });

  it("handles long inputs", () => {
    const text = "tags.k = 'v' AND ".repeat(5_000) + "tags.k = 'v'";
    expect(tokenize(text)).toHaveLength(5_001 * 5 + 5_000);
  });
});
