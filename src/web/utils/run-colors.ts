/**
 * Run colours, the same for a run in every chart, legend and view: derived from the run id, not
 * from its position in a list, so adding, removing or reordering runs never repaints the others.
 * Twelve colours chosen to stay apart from each other (no pair closer than 24 in CIELAB; a bright blue
 * next to an azure, and a pink next to a red, read as one run on thin lines) and readable on the
 * light and the dark theme.
 */
export const RUN_PALETTE = [
  "#2f6fdf", // blue
  "#e8590c", // orange
  "#2b9a66", // green
  "#f06595", // pink
  "#7950f2", // violet
  "#0c8599", // teal
  "#c99a06", // ochre
  "#e03131", // red
  "#5c940d", // olive
  "#ae3ec9", // grape
  "#1864ab", // navy
  "#8d6e63", // brown
] as const;

/** FNV-1a over the id's UTF-16 code units: fast, well spread for hex ids, stable across sessions. */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function runColor(runId: string): string {
  return RUN_PALETTE[hash(runId) % RUN_PALETTE.length] as string;
}

/** `hex` mixed with white (amount > 0) or black (amount < 0), as #rrggbb. */
function mix(hex: string, amount: number): string {
  const target = amount > 0 ? 255 : 0;
  const t = Math.abs(amount);
  return `#${[1, 3, 5]
    .map((i) => {
      const c = parseInt(hex.slice(i, i + 2), 16);
      return Math.round(c + (target - c) * t)
        .toString(16)
        .padStart(2, "0");
    })
    .join("")}`;
}

/** The shades a hue takes when several runs of one view share it: itself, lighter, darker. */
const SHADES = [0, 0.42, -0.38] as const;

/** Shade `k` of a palette colour (0 is the colour itself). */
export function runShade(color: string, k: number): string {
  const amount = SHADES[k % SHADES.length] ?? 0;
  return amount === 0 ? color : mix(color, amount);
}

/**
 * The colours of the runs of one view. Every run keeps its own hue (`runColor`) in every view, so a
 * run is recognised by its colour wherever it appears; two runs of one view that share a hue are told
 * apart by shade: the run with the smaller id keeps the colour itself, the next one a lighter shade,
 * the next a darker one. (Moving a clashing run to another hue made a run change colour between two
 * views of different runs.) The result depends on the set of runs, never on their order.
 */
export function runColors(runIds: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const seen = new Map<string, number>();
  for (const id of [...new Set(runIds)].sort()) {
    const color = runColor(id);
    const k = seen.get(color) ?? 0;
    seen.set(color, k + 1);
    out.set(id, runShade(color, k));
  }
  return out;
}
