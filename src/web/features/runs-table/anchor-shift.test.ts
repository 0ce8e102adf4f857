import { describe, expect, it } from "vitest";
import { anchorShift } from "./anchor-shift.js";

describe("anchorShift", () => {
  const before = ["a", "b", "c", "d", "e"];
  it("scrolls down by the rows that came in above the top row", () => {
    expect(anchorShift(before, ["x", "y", ...before], 2 * 30 + 5, 30)).toBe(60);
  });
  it("scrolls up by the rows that left above it", () => {
    expect(anchorShift(before, ["a", "c", "d", "e"], 3 * 30, 30)).toBe(-30);
  });
  it("does nothing at the top, when the top row stays, or when it is gone", () => {
    expect(anchorShift(before, ["x", ...before], 0, 30)).toBe(0);
    expect(anchorShift(before, before, 90, 30)).toBe(0);
    expect(anchorShift(before, ["a", "b"], 90, 30)).toBe(0);
  });
});
