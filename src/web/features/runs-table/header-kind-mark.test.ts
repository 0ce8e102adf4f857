import { describe, expect, it } from "vitest";
import { kindMark } from "./header-kind-mark.js";

// Widths as measured in Chromium: METRIC ≈ 40 px, "val/loss" ≈ 52 px, "train/loss" ≈ 69 px.
const space = (width: number, keyWidth: number, sorted = false) => ({ width, keyWidth, wordWidth: 40, sorted });

describe("kindMark", () => {
  it("shows the kind word where the whole key fits beside it", () => {
    expect(kindMark(space(120, 52))).toBe("word");
    expect(kindMark(space(112, 52))).toBe("word");
    expect(kindMark(space(111, 52))).toBe("letter");
  });

  it("leaves room for the sort arrow", () => {
    expect(kindMark(space(126, 52, true))).toBe("word");
    expect(kindMark(space(125, 52, true))).toBe("letter");
  });

  it("shrinks the kind to a letter while the key still fits whole beside it", () => {
    expect(kindMark(space(86, 52))).toBe("letter");
    expect(kindMark(space(85, 52))).toBe("none");
    expect(kindMark(space(56, 20))).toBe("letter");
  });

  it("keeps the letter beside a key cut short only where the key keeps most of the room", () => {
    expect(kindMark(space(120, 300))).toBe("letter");
    expect(kindMark(space(98, 300))).toBe("letter");
    expect(kindMark(space(97, 300))).toBe("none");
    expect(kindMark(space(80, 69))).toBe("none");
    expect(kindMark(space(56, 52))).toBe("none");
  });
});
