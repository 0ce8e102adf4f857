import { describe, expect, it } from "vitest";
import { naturalCompare } from "./natural-compare.js";

const sorted = (keys: string[]): string[] => [...keys].sort(naturalCompare);

describe("naturalCompare", () => {
  it("orders digit runs by value", () => {
    expect(sorted(["m10", "m2", "m1", "m0", "m19", "m3"])).toEqual(["m0", "m1", "m2", "m3", "m10", "m19"]);
    expect(sorted(["layer_10/loss", "layer_9/loss", "layer_1/acc"])).toEqual(["layer_1/acc", "layer_9/loss", "layer_10/loss"]);
  });

  it("keeps plain text in code-unit order and prefixes first", () => {
    expect(sorted(["b", "a", "ab", "B", "a1"])).toEqual(["B", "a", "a1", "ab", "b"]);
  });

  it("handles numbers beyond 2^53 and leading zeros", () => {
    expect(sorted(["x99999999999999999999", "x100000000000000000000", "x5"])).toEqual(["x5", "x99999999999999999999", "x100000000000000000000"]);
    expect(sorted(["v010", "v9", "v10"])).toEqual(["v9", "v010", "v10"]);
    expect(naturalCompare("v010", "v10")).not.toBe(0);
  });

  it("is a total order: antisymmetric and zero only for equal strings", () => {
    const keys = ["a", "a0", "a00", "a1", "a01", "a10", "", "1", "01", "a b", "a-1", "é", "e"];
    for (const x of keys) {
      for (const y of keys) {
        expect(Math.sign(naturalCompare(x, y)) + Math.sign(naturalCompare(y, x))).toBe(0);
        if (x !== y) expect(naturalCompare(x, y)).not.toBe(0);
      }
    }
  });
});
