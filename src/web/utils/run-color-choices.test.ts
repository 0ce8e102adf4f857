import { describe, expect, it } from "vitest";
import { KEPT_CHOICES, parseRunColorChoices, withRunColor } from "./run-color-choices.js";
import { RUN_PALETTE } from "./run-colors.js";

const [blue, orange] = RUN_PALETTE;

describe("parseRunColorChoices", () => {
  it("reads [run id, palette colour] pairs", () => {
    expect([...parseRunColorChoices(JSON.stringify([["a", blue], ["b", orange]]))]).toEqual([
      ["a", blue],
      ["b", orange],
    ]);
  });

  it("drops what is not a palette colour keyed by a string, and survives anything stored", () => {
    const stored = JSON.stringify([["a", "red"], ["b", "#123456"], [1, blue], ["c"], "d", ["e", blue, "extra"], ["f", "javascript:alert(1)"]]);
    expect([...parseRunColorChoices(stored)]).toEqual([["e", blue]]);
    for (const text of [null, "", "{", "null", "{}", '"x"', "42"]) expect(parseRunColorChoices(text).size).toBe(0);
  });
});

describe("withRunColor", () => {
  it("sets, replaces and clears a run's colour without touching the given map", () => {
    const none = parseRunColorChoices(null);
    const one = withRunColor(none, "a", blue);
    expect(none.size).toBe(0);
    expect(one.get("a")).toBe(blue);
    expect(withRunColor(one, "a", orange).get("a")).toBe(orange);
    expect(withRunColor(one, "a", undefined).has("a")).toBe(false);
  });

  it("ignores a colour outside the palette (clearing the run's choice)", () => {
    expect(withRunColor(withRunColor(new Map(), "a", blue), "a", "#000000").has("a")).toBe(false);
  });

  it("keeps the most recent choices only, a re-chosen run counting as recent", () => {
    let choices = new Map<string, string>() as ReadonlyMap<string, string>;
    for (let i = 0; i < KEPT_CHOICES; i++) choices = withRunColor(choices, `run-${i}`, blue);
    choices = withRunColor(choices, "run-0", orange);
    choices = withRunColor(choices, "newest", blue);
    expect(choices.size).toBe(KEPT_CHOICES);
    expect(choices.has("run-1")).toBe(false);
    expect(choices.get("run-0")).toBe(orange);
    expect(choices.has("newest")).toBe(true);
  });
});
