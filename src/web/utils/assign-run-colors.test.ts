import { describe, expect, it } from "vitest";
import { assignRunColors, colorUses } from "./assign-run-colors.js";
import { RUN_PALETTE } from "./run-colors.js";

/** Run-id-like hex strings (32 digits) from a seeded LCG, the same on every run of the test. */
function ids(n: number, seed = "run"): string[] {
  let state = [...seed].reduce((h, c) => Math.imul(h ^ c.charCodeAt(0), 16777619) >>> 0, 2166136261);
  const word = (): string => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state.toString(16).padStart(8, "0");
  };
  return Array.from({ length: n }, () => word() + word() + word() + word());
}

const none = (): undefined => undefined;
const [blue, orange, green, red] = RUN_PALETTE;

describe("assignRunColors", () => {
  it("gives the runs of a first view the palette's first, most distinct colours, one each", () => {
    const view = ids(4);
    const { colors, added } = assignRunColors(view, none);
    expect([...view].sort().map((id) => colors.get(id))).toEqual([blue, orange, green, red]);
    expect(added).toHaveLength(4);
    for (const n of [12, 20]) expect(new Set(assignRunColors(ids(n, `view-${String(n)}`), none).colors.values()).size).toBe(n);
  });

  it("takes turns through the palette across views: new runs get the colours least given so far", () => {
    const first = assignRunColors(ids(2, "a"), none);
    const given = colorUses(new Map(first.added));
    const second = assignRunColors(ids(2, "b"), none, given);
    expect(second.added.map(([, c]) => c)).toEqual([green, red]);
  });

  it("spreads a view larger than the palette evenly over it", () => {
    const { colors } = assignRunColors(ids(100), none);
    const uses = colorUses(colors);
    expect(RUN_PALETTE.map((c) => uses.get(c))).toEqual(RUN_PALETTE.map(() => 5));
  });

  it("gives the same colours to the same new runs in any order", () => {
    const view = ids(9);
    const forward = assignRunColors(view, none).colors;
    const backward = assignRunColors([...view].reverse(), none).colors;
    for (const id of view) expect(backward.get(id)).toBe(forward.get(id));
  });

  it("keeps known colours (chosen or given before) and gives the new runs others", () => {
    const [a, b] = ids(2) as [string, string];
    const known = new Map([[a, blue ?? ""]]);
    const { colors, added } = assignRunColors([a, b], (id) => known.get(id), colorUses(known));
    expect(colors.get(a)).toBe(blue);
    expect(added).toEqual([[b, orange]]);
    // Known colours are kept even when they collide: the user's choice wins.
    const both = new Map([
      [a, blue ?? ""],
      [b, blue ?? ""],
    ]);
    expect(assignRunColors([a, b], (id) => both.get(id))).toEqual({ colors: both, added: [] });
  });

  it("lists a run shown twice once", () => {
    const [a] = ids(1);
    expect(assignRunColors([a ?? "", a ?? ""], none).added).toHaveLength(1);
  });
});

describe("colorUses", () => {
  it("counts the runs of each colour over several maps", () => {
    expect(colorUses(new Map([["a", blue ?? ""], ["b", blue ?? ""]]), new Map([["c", orange ?? ""]]))).toEqual(
      new Map([
        [blue, 2],
        [orange, 1],
      ]),
    );
  });
});
