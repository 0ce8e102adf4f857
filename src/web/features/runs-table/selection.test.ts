import { describe, expect, it } from "vitest";
import { selectRange, toggleAll, toggleSelection } from "./selection.js";

describe("selection", () => {
  const visible = ["a", "b", "c", "d", "e"];
  it("toggles one run", () => {
    expect(toggleSelection(["a"], "b")).toEqual(["a", "b"]);
    expect(toggleSelection(["a", "b"], "a")).toEqual(["b"]);
  });
  it("selects a range in either direction, keeping earlier picks", () => {
    expect(selectRange(["x"], visible, "b", "d")).toEqual(["x", "b", "c", "d"]);
    expect(selectRange([], visible, "e", "c")).toEqual(["c", "d", "e"]);
  });
  it("falls back to a toggle without a visible anchor", () => {
    expect(selectRange([], visible, undefined, "c")).toEqual(["c"]);
    expect(selectRange([], visible, "gone", "c")).toEqual(["c"]);
  });
  it("selects all, then clears all", () => {
    const all = toggleAll(["z"], visible);
    expect(all).toEqual(["z", ...visible]);
    expect(toggleAll(all, visible)).toEqual(["z"]);
  });
});
