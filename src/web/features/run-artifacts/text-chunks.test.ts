import { describe, expect, it } from "vitest";
import { textChunks } from "./text-chunks.js";

describe("textChunks", () => {
  it("cuts after every n-th line, keeping the line feeds, with each chunk's line count and widest line", () => {
    expect(textChunks("a\nbbb\ncc\nd\ne", 2)).toEqual([
      { text: "a\nbbb\n", lines: 2, width: 3 },
      { text: "cc\nd\n", lines: 2, width: 2 },
      { text: "e", lines: 1, width: 1 },
    ]);
  });

  it("gives back the text when joined, whether or not it ends with a line feed", () => {
    for (const text of ["one line", "x\n", "\n\n\n", "a\nb\nc\nd\n", "long ".repeat(1000)]) {
      expect(textChunks(text, 2).map((c) => c.text).join(""), text).toBe(text);
    }
    expect(textChunks("\n\n\n", 2).map((c) => c.lines)).toEqual([2, 1]);
  });

  it("has no chunk for no text", () => {
    expect(textChunks("")).toEqual([]);
  });
});
