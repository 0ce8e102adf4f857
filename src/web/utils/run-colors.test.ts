import { describe, expect, it } from "vitest";
import { RUN_PALETTE, runColor, runColors, runShade } from "./run-colors.js";

/** Run-id-like hex strings from a seeded LCG. */
function runIds(n: number): string[] {
  let state = 7;
  return Array.from({ length: n }, () =>
    Array.from({ length: 4 }, () => {
      state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
      return state.toString(16).padStart(8, "0");
    }).join(""),
  );
}

describe("runColor", () => {
  it("depends on the run id only: the same in any order, list or session", () => {
    const ids = runIds(50);
    const forward = ids.map(runColor);
    const backward = [...ids].reverse().map(runColor).reverse();
    expect(backward).toEqual(forward);
    expect(runColor("0123456789abcdef0123456789abcdef")).toBe(runColor("0123456789abcdef0123456789abcdef"));
  });

  it("is a palette colour, and the palette has no duplicates", () => {
    expect(new Set(RUN_PALETTE).size).toBe(RUN_PALETTE.length);
    for (const id of runIds(100)) expect(RUN_PALETTE).toContain(runColor(id));
  });

  it("spreads run ids over the whole palette", () => {
    const counts = new Map<string, number>();
    for (const id of runIds(1200)) counts.set(runColor(id), (counts.get(runColor(id)) ?? 0) + 1);
    expect(counts.size).toBe(RUN_PALETTE.length);
    // 100 expected per colour; a poor hash would pile them up.
    for (const n of counts.values()) expect(n).toBeGreaterThan(60);
  });

  it("differs between ids that differ in one character", () => {
    const colors = new Set(["run-a", "run-b", "run-c", "run-d"].map(runColor));
    expect(colors.size).toBeGreaterThan(1);
  });
});

describe("runColors", () => {
  it("keeps each run's own hue in every view, so a run is recognised by its colour anywhere", () => {
    const ids = runIds(40);
    const small = runColors(ids.slice(0, 3));
    const large = runColors(ids);
    for (const id of ids.slice(0, 3)) {
      expect(small.get(id)).toBe(runColor(id));
      expect([0, 1, 2].map((k) => runShade(runColor(id), k))).toContain(large.get(id));
    }
  });

  it("tells apart runs of one view that share a hue by shade, whatever their order", () => {
    const ids = runIds(300);
    const same = ids.filter((id) => runColor(id) === runColor(ids[0] as string)).sort();
    const [a, b, c] = same as [string, string, string];
    const colours = runColors([c, b, a]);
    expect(colours.get(a)).toBe(runColor(a));
    expect(new Set([a, b, c].map((id) => colours.get(id))).size).toBe(3);
    expect(runColors([a, b, c])).toEqual(colours);
    expect(runColors(ids.slice(0, 30)).size).toBe(30);
  });

  it("makes shades that stay apart from their colour", () => {
    for (const color of RUN_PALETTE) {
      expect(runShade(color, 0)).toBe(color);
      expect(runShade(color, 1)).toMatch(/^#[0-9a-f]{6}$/);
      expect(labDistance(color, runShade(color, 1))).toBeGreaterThanOrEqual(15);
      expect(labDistance(color, runShade(color, 2))).toBeGreaterThanOrEqual(15);
      expect(labDistance(runShade(color, 1), runShade(color, 2))).toBeGreaterThanOrEqual(24);
    }
  });
});

/** CIE76 distance between two #rrggbb colours (sRGB → XYZ D65 → CIELAB). */
function labDistance(a: string, b: string): number {
  const lab = (hex: string): [number, number, number] => {
    const [r, g, bl] = [1, 3, 5].map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16) / 255;
      return c > 0.04045 ? ((c + 0.055) / 1.055) ** 2.4 : c / 12.92;
    }) as [number, number, number];
    const f = (v: number): number => (v > 0.008856 ? Math.cbrt(v) : 7.787 * v + 16 / 116);
    const x = f((r * 0.4124 + g * 0.3576 + bl * 0.1805) / 0.95047);
    const y = f(r * 0.2126 + g * 0.7152 + bl * 0.0722);
    const z = f((r * 0.0193 + g * 0.1192 + bl * 0.9505) / 1.08883);
    return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
  };
  const [p, q] = [lab(a), lab(b)];
  return Math.hypot(p[0] - q[0], p[1] - q[1], p[2] - q[2]);
}

describe("RUN_PALETTE", () => {
  it("keeps every pair of colours apart, so two runs never look alike", () => {
    for (const [i, a] of RUN_PALETTE.entries()) for (const b of RUN_PALETTE.slice(i + 1)) expect(labDistance(a, b), `${a} vs ${b}`).toBeGreaterThanOrEqual(24);
  });
});
