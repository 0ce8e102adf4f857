import { describe, expect, it } from "vitest";
import { parseRunColorMap, withRunColors } from "./run-color-store.js";
import { RUN_PALETTE } from "./run-colors.js";

const [blue, orange] = RUN_PALETTE;

describe("parseRunColorMap", () => {
  it("reads [run id, palette colour] pairs", () => {
    expect([...parseRunColorMap(JSON.stringify([["a", blue], ["b", orange]]))]).toEqual([
      ["a", blue],
      ["b", orange],
    ]);
  });

  it("drops what is not a palette colour keyed by a string, and survives anything stored", () => {
    const stored = JSON.stringify([["a", "red"], ["b", "#123456"], [1, blue], ["c"], "d", ["e", blue, "extra"], ["f", "javascript:alert(1)"]]);
    expect([...parseRunColorMap(stored)]).toEqual([["e", blue]]);
    for (const text of [null, "", "{", "null", "{}", '"x"', "42"]) expect(parseRunColorMap(text).size).toBe(0);
  });
});

describe("withRunColors", () => {
  it("sets, replaces and clears runs' colours without touching the given map", () => {
    const none = parseRunColorMap(null);
    const one = withRunColors(none, [["a", blue]], 10);
    expect(none.size).toBe(0);
    expect(one.get("a")).toBe(blue);
    expect(withRunColors(one, [["a", orange]], 10).get("a")).toBe(orange);
    expect(withRunColors(one, [["a", undefined]], 10).has("a")).toBe(false);
  });

  it("ignores a colour outside the palette (clearing the run's colour)", () => {
    expect(withRunColors(new Map([["a", blue ?? ""]]), [["a", "#000000"]], 10).has("a")).toBe(false);
  });

  it("keeps the most recently set runs only, a run set again counting as recent", () => {
    const many = withRunColors(new Map(), Array.from({ length: 10 }, (_, i) => [`run-${String(i)}`, blue] as const), 10);
    const next = withRunColors(many, [["run-0", orange], ["newest", blue]], 10);
    expect(next.size).toBe(10);
    expect(next.has("run-1")).toBe(false);
    expect(next.get("run-0")).toBe(orange);
    expect(next.has("newest")).toBe(true);
  });
});
