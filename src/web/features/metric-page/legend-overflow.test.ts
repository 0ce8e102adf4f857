import { describe, expect, it } from "vitest";
import { entriesCutOff } from "./legend-overflow.js";

describe("entriesCutOff", () => {
  it("counts the entries below a collapsed legend's three lines (20 px lines, 2 px apart)", () => {
    const lines = [20, 20, 42, 64, 64, 86, 108];
    expect(entriesCutOff(lines, 64)).toBe(2);
    expect(entriesCutOff(lines.slice(0, 5), 64)).toBe(0);
  });

  it("counts an entry cut in half, but not one off by a sub-pixel", () => {
    expect(entriesCutOff([20, 42, 70], 64)).toBe(1);
    expect(entriesCutOff([20, 42, 64.4], 64)).toBe(0);
    expect(entriesCutOff([], 64)).toBe(0);
  });
});
