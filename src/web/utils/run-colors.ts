/**
 * The run palette, and each run id's own colour in it. A run is drawn in the colour it was given
 * when first shown (`use-run-colors.ts`: its id's own colour unless another run of that view had
 * it), kept for every later view, so adding, removing or reordering runs never repaints a run.
 *
 * The palette is as large as it can be while its colours stay apart, so any two of them are easy to
 * tell apart:
 * twenty colours, every pair at least 15 apart in CIEDE2000 (a thin line's colour differences look
 * smaller than a swatch's), each with a contrast of at least 3:1 on the light and the dark theme's
 * backgrounds (WCAG's floor for graphics), so no run fades into either theme. They were chosen by
 * maximising the smallest pairwise distance among all sRGB colours meeting the contrast floor with
 * some chroma (greys read as "disabled"); `run-colors.test.ts` checks all three properties.
 */
export const RUN_PALETTE = [
  "#0060e8", // blue
  "#e06800", // orange
  "#10a000", // green
  "#d01820", // red
  "#a000f8", // violet
  "#008878", // teal
  "#f84890", // pink
  "#806800", // olive
  "#0098d8", // sky
  "#c02090", // raspberry
  "#287838", // forest
  "#b08848", // tan
  "#7060a0", // slate violet
  "#c87868", // salmon
  "#f818e8", // magenta
  "#889050", // khaki
  "#7888e8", // periwinkle
  "#986038", // brown
  "#b078b0", // orchid
  "#a85060", // rose
] as const;

/** What each palette colour is called, for the colour picker's buttons (same order as `RUN_PALETTE`). */
export const RUN_PALETTE_NAMES: readonly string[] = ["blue", "orange", "green", "red", "violet", "teal", "pink", "olive", "sky", "raspberry", "forest", "tan", "slate violet", "salmon", "magenta", "khaki", "periwinkle", "brown", "orchid", "rose"];

/**
 * FNV-1a over the id's UTF-16 code units, then MurmurHash3's finaliser: FNV's low bits alone are
 * weakly mixed, and a palette of twenty takes the hash modulo 4 × 5. Stable across sessions.
 */
function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/** The run's colour: the same wherever the run is shown. */
export function runColor(runId: string): string {
  return RUN_PALETTE[hash(runId) % RUN_PALETTE.length] as string;
}
