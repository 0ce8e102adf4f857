import { describe, expect, it } from "vitest";
import { isTypeAheadKey, typeAhead, TYPE_AHEAD_RESET_MS, type TypeAheadState } from "./type-ahead.js";

const NAMES = ["model", "plots", "conda.yaml", "config.json", "Config.yaml", "metrics.json", "MLmodel", "notes.txt"];

/** Types `keys` one after another, `gap` ms apart, from the item at `start`: the names focused after each key. */
function type(keys: string, start = 0, gap = 100): (string | undefined)[] {
  let state: TypeAheadState | undefined;
  let current = start;
  let now = 1000;
  return [...keys].map((key) => {
    const result = typeAhead(NAMES, current, state, key, now);
    state = result.state;
    if (result.index !== undefined) current = result.index;
    now += gap;
    return result.index === undefined ? undefined : NAMES[result.index];
  });
}

describe("typeAhead", () => {
  it("moves to the next name starting with a typed character, ignoring case and wrapping around", () => {
    expect(type("c")).toEqual(["conda.yaml"]);
    expect(type("M", 1)).toEqual(["metrics.json"]);
    expect(type("p", 6)).toEqual(["plots"]);
  });

  it("adds quickly typed keys up into a prefix that stays on a name while it matches", () => {
    expect(type("conf")).toEqual(["conda.yaml", "conda.yaml", "conda.yaml", "config.json"]);
    expect(type("config.y")).toEqual(["conda.yaml", "conda.yaml", "conda.yaml", "config.json", "config.json", "config.json", "config.json", "Config.yaml"]);
  });

  it("cycles through the names starting with a character typed again and again", () => {
    expect(type("mmmm", 1)).toEqual(["metrics.json", "MLmodel", "model", "metrics.json"]);
  });

  it("starts over after a pause", () => {
    expect(type("cp", 0, TYPE_AHEAD_RESET_MS + 1)).toEqual(["conda.yaml", "plots"]);
    expect(type("cp", 0, TYPE_AHEAD_RESET_MS)).toEqual(["conda.yaml", undefined]);
  });

  it("leaves the focus where it is when nothing matches, but keeps the prefix", () => {
    let result = typeAhead(NAMES, 0, undefined, "z", 0);
    expect(result).toEqual({ state: { prefix: "z", at: 0 }, index: undefined, continued: false });
    result = typeAhead(NAMES, 0, result.state, "q", 50);
    expect(result).toEqual({ state: { prefix: "zq", at: 50 }, index: undefined, continued: true });
  });

  it("starts from the top when nothing is focused, and finds nothing in no names", () => {
    expect(typeAhead(NAMES, -1, undefined, "m", 0).index).toBe(0);
    expect(typeAhead([], -1, undefined, "m", 0).index).toBeUndefined();
  });
});

describe("isTypeAheadKey", () => {
  it("takes one printable character, and a space only inside a prefix", () => {
    for (const key of ["a", "Z", "7", ".", "_", "é", "📈", "?"]) expect(isTypeAheadKey(key, undefined, 0), key).toBe(true);
    for (const key of ["Enter", "ArrowDown", "Tab", "Shift", "Dead", "", "\u0000"]) expect(isTypeAheadKey(key, undefined, 0), key).toBe(false);
    expect(isTypeAheadKey(" ", undefined, 0)).toBe(false);
    expect(isTypeAheadKey(" ", { prefix: "my", at: 0 }, 300)).toBe(true);
    expect(isTypeAheadKey(" ", { prefix: "my", at: 0 }, TYPE_AHEAD_RESET_MS + 1)).toBe(false);
  });
});
