import { describe, expect, it } from "vitest";
import { enterCompletes, suggest, writeKey, type SuggestionSource } from "./suggest.js";

const source: SuggestionSource = {
  keys: { params: ["lr", "batch size"], metrics: ["loss", "val.loss", "accuracy"], tags: ["team", "mlflow.user"] },
  valuesOf: (entity, key) => (entity === "tag" && key === "team" ? ["vision", "nlp", "o'brien"] : []),
};

/** Applies the first suggestion, as pressing Tab in the box does. */
function accept(text: string, caret = text.length): string {
  const set = suggest(text, caret, source);
  const first = set.items[0];
  if (!first) throw new Error(`no suggestion for ${text}`);
  return text.slice(0, set.from) + first.insert + text.slice(set.to);
}

describe("suggest", () => {
  it("offers prefixes and matching keys for a field", () => {
    const labels = suggest("", 0, source).items.map((i) => i.label);
    expect(labels).toContain("metrics.");
    expect(labels).toContain("status");
    expect(suggest("los", 3, source).items.map((i) => i.label)).toEqual(["metrics.loss", "metrics.val.loss"]);
  });

  it("completes keys after a prefix, quoting keys the tokenizer would split", () => {
    expect(accept("metrics.lo")).toBe("metrics.loss ");
    expect(accept("params.batch")).toBe("params.`batch size` ");
    expect(accept("metrics.val.")).toBe("metrics.val.loss ");
  });

  it("offers comparators that fit the field", () => {
    expect(suggest("metrics.loss ", 13, source).items.map((i) => i.label)).toEqual(["=", "!=", "<", "<=", ">", ">="]);
    expect(suggest("tags.team ", 10, source).items.map((i) => i.label)).toContain("LIKE");
  });

  it("offers tag values seen, quoted", () => {
    expect(accept("tags.team = ")).toBe("tags.team = 'vision' ");
    expect(accept("tags.team = 'n")).toBe("tags.team = 'nlp' ");
    expect(accept("tags.team = o")).toBe('tags.team = "o\'brien" ');
    expect(accept("status = ")).toBe("status = 'RUNNING' ");
  });

  it("offers AND after a complete clause", () => {
    expect(accept("metrics.loss < 1 ")).toBe("metrics.loss < 1 AND ");
  });

  it("keeps text after the caret", () => {
    expect(accept("metrics.lo AND tags.team = 'x'", 10)).toBe("metrics.loss  AND tags.team = 'x'");
  });
});

describe("writeKey", () => {
  it("leaves simple dotted keys bare and quotes the rest", () => {
    expect(writeKey("val.loss")).toBe("val.loss");
    expect(writeKey("train/acc")).toBe("`train/acc`");
    expect(writeKey("a`b c")).toBe('"a`b c"');
  });
});

describe("enterCompletes", () => {
  /** Whether Enter, with the first item highlighted and the caret at the end, inserts it. */
  const enterPicks = (text: string, caret = text.length) => {
    const set = suggest(text, caret, source);
    return enterCompletes(text, set, set.items[0]);
  };

  it("completes a half-typed field, key or value", () => {
    expect(enterPicks("met")).toBe(true);
    expect(enterPicks("los")).toBe(true);
    expect(enterPicks("metrics.lo")).toBe(true);
    expect(enterPicks("attributes.sta")).toBe(true);
    expect(enterPicks("tags.team = vi")).toBe(true);
    expect(enterPicks("tags.team = 'vi")).toBe(true);
    expect(enterPicks("metrics.loss < 1 AND stat")).toBe(true);
  });

  it("leaves a finished filter to be applied, even while the list offers the next token", () => {
    expect(suggest("metrics.loss < 0.5 ", 19, source).items.map((i) => i.label)).toEqual(["AND"]);
    expect(enterPicks("metrics.loss < 0.5 ")).toBe(false);
    expect(enterPicks("metrics.loss < 0.5")).toBe(false);
    expect(enterPicks("tags.team = 'vision'")).toBe(false);
    expect(enterPicks("status = 'RUNNING' A")).toBe(false);
  });

  it("does not take Enter for an empty word, a comparator or an item that is already typed", () => {
    expect(enterPicks("")).toBe(false);
    expect(enterPicks("metrics.")).toBe(false);
    expect(enterPicks("metrics.loss ")).toBe(false);
    expect(enterPicks("metrics.loss <")).toBe(false);
    expect(enterPicks("metrics.loss")).toBe(false);
    expect(enterPicks("status")).toBe(false);
  });

  it("does not complete in the middle of a word", () => {
    expect(enterPicks("metrics.loss < 1", 10)).toBe(false);
    expect(enterPicks("metrics.lo < 1", 10)).toBe(true);
  });

  it("is false without a highlighted item", () => {
    const set = suggest("met", 3, source);
    expect(enterCompletes("met", set, undefined)).toBe(false);
  });
});
