import { describe, expect, it } from "vitest";
import { assignRunColors } from "./assign-run-colors.js";
import { RUN_PALETTE, runColor } from "./run-colors.js";

/** Run-id-like hex strings (32 digits) from a seeded LCG, the same on every run of the test. */
function ids(n: number, seed = "run"): string[] {
  let state = [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);
  const word = (): string => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state.toString(16).padStart(8, "0");
  };
  return Array.from({ length: n }, () => word() + word() + word() + word());
}

/** Ids whose own colours collide: `n` runs whose id colour is the same. */
function sameOwnColour(n: number): string[] {
  const byColour = new Map<string, string[]>();
  for (const id of ids(2000)) {
    const group = byColour.get(runColor(id)) ?? [];
    group.push(id);
    if (group.length === n) return group;
    byColour.set(runColor(id), group);
  }
  throw new Error("no collision found");
}

const none = (): undefined => undefined;

describe("assignRunColors", () => {
  it("gives runs seen together distinct colours, up to the palette's size", () => {
    for (const n of [2, 5, 12, 20]) {
      const { colors, added } = assignRunColors(ids(n, `view-${String(n)}`), none);
      expect(new Set(colors.values()).size).toBe(n);
      expect(added).toHaveLength(n);
    }
  });

  it("keeps a run's own colour where no other run of the view has it, and resolves a collision with the palette's first free colour", () => {
    const [a, b, c] = sameOwnColour(3) as [string, string, string];
    const { colors } = assignRunColors([c, a, b], none);
    const own = runColor(a);
    // Taken in id order: the smallest id keeps the shared colour, the others get the first free ones.
    const [first, ...rest] = [a, b, c].sort();
    expect(colors.get(first ?? "")).toBe(own);
    const free = RUN_PALETTE.filter((p) => p !== own);
    expect(rest.map((id) => colors.get(id))).toEqual(free.slice(0, 2));
  });

  it("spreads a view larger than the palette evenly over it", () => {
    const { colors } = assignRunColors(ids(100), none);
    const uses = new Map<string, number>();
    for (const color of colors.values()) uses.set(color, (uses.get(color) ?? 0) + 1);
    expect([...uses.values()]).toEqual(RUN_PALETTE.map(() => 5));
  });

  it("gives the same colours to the same new runs in any order", () => {
    const view = ids(9);
    const forward = assignRunColors(view, none).colors;
    const backward = assignRunColors([...view].reverse(), none).colors;
    for (const id of view) expect(backward.get(id)).toBe(forward.get(id));
  });

  it("keeps known colours (chosen or given before) and avoids them for the new runs", () => {
    const [a, b] = sameOwnColour(2) as [string, string];
    const known = new Map([[a, runColor(a)]]);
    const { colors, added } = assignRunColors([a, b], (id) => known.get(id));
    expect(colors.get(a)).toBe(runColor(a));
    expect(colors.get(b)).not.toBe(runColor(a));
    expect(added).toEqual([[b, colors.get(b)]]);
    // Known colours are kept even when they collide: the user's choice wins.
    const both = new Map([
      [a, "#0060e8"],
      [b, "#0060e8"],
    ]);
    expect(assignRunColors([a, b], (id) => both.get(id))).toEqual({ colors: both, added: [] });
  });

  it("lists a run shown twice once", () => {
    const [a] = ids(1);
    expect(assignRunColors([a ?? "", a ?? ""], none).added).toHaveLength(1);
  });
});
