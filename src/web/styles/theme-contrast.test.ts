// The layer rule keeps Node built-ins out of the browser bundle; this test never ships in it, and
// Vite's `?raw` cannot stand in: Vitest empties every CSS import (`css.include` is unset).
// eslint-disable-next-line no-restricted-imports
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const css = readFileSync(new URL("./base.css", import.meta.url), "utf8");

const TOKENS = ["--text", "--text-muted", "--text-faint", "--bg", "--bg-subtle"] as const;
type Token = (typeof TOKENS)[number];

/** The hex colour each token gets in one block of declarations. */
function tokensOf(block: string): Record<Token, string> {
  const read = (token: Token) => {
    const match = new RegExp(`\\s${token}:\\s*(#[0-9a-f]{6})\\s*;`, "i").exec(block);
    if (!match?.[1]) throw new Error(`${token} not found as a 6-digit hex colour`);
    return match[1];
  };
  return Object.fromEntries(TOKENS.map((t) => [t, read(t)])) as Record<Token, string>;
}

/** The light theme is the first :root block; the dark one the :root inside the prefers-color-scheme query. */
function themes(text: string): { light: Record<Token, string>; dark: Record<Token, string> } {
  const light = /:root\s*\{([^}]*)\}/.exec(text)?.[1];
  const dark = /@media\s*\(prefers-color-scheme:\s*dark\)\s*\{\s*:root\s*\{([^}]*)\}/.exec(text)?.[1];
  if (!light || !dark) throw new Error("base.css: light or dark :root block not found");
  return { light: tokensOf(light), dark: tokensOf(dark) };
}

/** WCAG 2.x relative luminance of a #rrggbb colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(1 + 2 * i, 3 + 2 * i), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(1) + 0.0722 * channel(2);
}

export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

describe("contrast", () => {
  it("follows the WCAG formula", () => {
    expect(contrast("#000000", "#ffffff")).toBeCloseTo(21, 5);
    expect(contrast("#ffffff", "#ffffff")).toBe(1);
    // The reviewer's measurement of the old light faint text.
    expect(contrast("#8a929c", "#ffffff")).toBeCloseTo(3.15, 2);
  });
});

describe("theme text contrast (WCAG AA, small text)", () => {
  const { light, dark } = themes(css);
  describe.each([
    ["light", light],
    ["dark", dark],
  ] as const)("%s theme", (_name, theme) => {
    it.each(["--text", "--text-muted", "--text-faint"] as const)("%s is at least 4.5:1 on --bg and --bg-subtle", (fg) => {
      expect(contrast(theme[fg], theme["--bg"])).toBeGreaterThanOrEqual(4.5);
      expect(contrast(theme[fg], theme["--bg-subtle"])).toBeGreaterThanOrEqual(4.5);
    });

    it("keeps the hierarchy: text, then muted, then faint, each closer to the background", () => {
      const bg = theme["--bg"];
      expect(contrast(theme["--text"], bg)).toBeGreaterThan(contrast(theme["--text-muted"], bg));
      expect(contrast(theme["--text-muted"], bg)).toBeGreaterThan(contrast(theme["--text-faint"], bg));
    });
  });

  it("faint is lighter than muted in the light theme and darker in the dark one", () => {
    expect(luminance(light["--text-faint"])).toBeGreaterThan(luminance(light["--text-muted"]));
    expect(luminance(dark["--text-faint"])).toBeLessThan(luminance(dark["--text-muted"]));
  });
});
