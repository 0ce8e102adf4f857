import { describe, expect, it } from "vitest";
import { RUN_PALETTE } from "./run-colors.js";

const channels = (hex: string): [number, number, number] => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16) / 255) as [number, number, number];
const linear = (c: number): number => (c > 0.04045 ? ((c + 0.055) / 1.055) ** 2.4 : c / 12.92);

/** WCAG relative luminance and contrast ratio. */
function contrast(a: string, b: string): number {
  const luminance = (hex: string): number => {
    const [r, g, bl] = channels(hex).map(linear) as [number, number, number];
    return 0.2126 * r + 0.7152 * g + 0.0722 * bl;
  };
  const [hi, lo] = [luminance(a), luminance(b)].sort((p, q) => q - p) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** sRGB → XYZ D65 → CIELAB. */
function lab(hex: string): [number, number, number] {
  const [r, g, bl] = channels(hex).map(linear) as [number, number, number];
  const f = (v: number): number => (v > 0.008856 ? Math.cbrt(v) : 7.787 * v + 16 / 116);
  const x = f((r * 0.4124 + g * 0.3576 + bl * 0.1805) / 0.95047);
  const y = f(r * 0.2126 + g * 0.7152 + bl * 0.0722);
  const z = f((r * 0.0193 + g * 0.1192 + bl * 0.9505) / 1.08883);
  return [116 * y - 16, 500 * (x - y), 200 * (y - z)];
}

/** CIEDE2000 colour difference (Sharma, Wu & Dalal 2005). */
function deltaE2000(hexA: string, hexB: string): number {
  const [L1, a1, b1] = lab(hexA);
  const [L2, a2, b2] = lab(hexB);
  const rad = Math.PI / 180;
  const cBar = (Math.hypot(a1, b1) + Math.hypot(a2, b2)) / 2;
  const g = 0.5 * (1 - Math.sqrt(cBar ** 7 / (cBar ** 7 + 25 ** 7)));
  const [a1p, a2p] = [(1 + g) * a1, (1 + g) * a2];
  const [c1, c2] = [Math.hypot(a1p, b1), Math.hypot(a2p, b2)];
  const hue = (b: number, a: number): number => (a === 0 && b === 0 ? 0 : (Math.atan2(b, a) / rad + 360) % 360);
  const [h1, h2] = [hue(b1, a1p), hue(b2, a2p)];
  let dh = 0;
  if (c1 * c2 !== 0) dh = h2 - h1 > 180 ? h2 - h1 - 360 : h2 - h1 < -180 ? h2 - h1 + 360 : h2 - h1;
  const dH = 2 * Math.sqrt(c1 * c2) * Math.sin((dh * rad) / 2);
  const lBar = (L1 + L2) / 2;
  const cpBar = (c1 + c2) / 2;
  let hBar = h1 + h2;
  if (c1 * c2 !== 0) hBar = (Math.abs(h1 - h2) > 180 ? (hBar < 360 ? hBar + 360 : hBar - 360) : hBar) / 2;
  const t = 1 - 0.17 * Math.cos((hBar - 30) * rad) + 0.24 * Math.cos(2 * hBar * rad) + 0.32 * Math.cos((3 * hBar + 6) * rad) - 0.2 * Math.cos((4 * hBar - 63) * rad);
  const rc = 2 * Math.sqrt(cpBar ** 7 / (cpBar ** 7 + 25 ** 7));
  const rt = -Math.sin(2 * 30 * Math.exp(-(((hBar - 275) / 25) ** 2)) * rad) * rc;
  const sl = 1 + (0.015 * (lBar - 50) ** 2) / Math.sqrt(20 + (lBar - 50) ** 2);
  const sc = 1 + 0.045 * cpBar;
  const sh = 1 + 0.015 * cpBar * t;
  const [dl, dc, dhh] = [(L2 - L1) / sl, (c2 - c1) / sc, dH / sh];
  return Math.sqrt(dl ** 2 + dc ** 2 + dhh ** 2 + rt * dc * dhh);
}

describe("deltaE2000", () => {
  it("gives the known differences of sRGB extremes", () => {
    expect(deltaE2000("#ffffff", "#ffffff")).toBe(0);
    expect(deltaE2000("#000000", "#ffffff")).toBeCloseTo(100, 0);
    expect(deltaE2000("#ff0000", "#00ff00")).toBeCloseTo(86.6, 0);
  });
});

describe("RUN_PALETTE", () => {
  it("keeps every pair of colours apart (CIEDE2000 ≥ 15), so two different colours never read as one", () => {
    for (const [i, a] of RUN_PALETTE.entries()) for (const b of RUN_PALETTE.slice(i + 1)) expect(deltaE2000(a, b), `${a} vs ${b}`).toBeGreaterThanOrEqual(15);
  });

  it("is readable on the light and the dark theme (contrast ≥ 3:1 on their page and card backgrounds)", () => {
    // base.css: --bg and --bg-subtle, light and dark.
    for (const background of ["#ffffff", "#f6f7f9", "#16181c", "#1c1f24"]) for (const color of RUN_PALETTE) expect(contrast(color, background), `${color} on ${background}`).toBeGreaterThanOrEqual(3);
  });
});
