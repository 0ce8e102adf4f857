import { describe, expect, it } from "vitest";
import { legendOrder } from "./legend-order.js";

const entry = (id: string, total: number) => ({ id, total });

describe("legendOrder", () => {
  it("puts runs with values first, keeping the order within each group", () => {
    const series = [entry("a", 0), entry("b", 5), entry("c", 0), entry("d", 2), entry("e", 9)];
    expect(legendOrder(series).map((s) => s.id)).toEqual(["b", "d", "e", "a", "c"]);
  });

  it("returns the same array when nothing moves", () => {
    const ordered = [entry("a", 1), entry("b", 2), entry("c", 0)];
    expect(legendOrder(ordered)).toBe(ordered);
    const empty = [entry("a", 0), entry("b", 0)];
    expect(legendOrder(empty)).toBe(empty);
    expect(legendOrder([])).toEqual([]);
  });
});
