import { describe, expect, it } from "vitest";
import { CLAMP_CHARS, clampValue, isLongValue } from "./long-value.js";

describe("isLongValue / clampValue", () => {
  it("leaves short values as they are", () => {
    expect(isLongValue("0.001")).toBe(false);
    expect(clampValue("a\nb\nc")).toBe("a\nb\nc");
    expect(clampValue("x".repeat(CLAMP_CHARS))).toBe("x".repeat(CLAMP_CHARS));
  });
  it("cuts long single-line values at the character limit", () => {
    const value = "p".repeat(6000);
    expect(isLongValue(value)).toBe(true);
    expect(clampValue(value)).toBe(`${"p".repeat(CLAMP_CHARS)}…`);
  });
  it("keeps only the first three lines of a many-line value", () => {
    expect(isLongValue("1\n2\n3\n4")).toBe(true);
    expect(clampValue("1\n2\n3\n4\n5")).toBe("1\n2\n3…");
  });
});
