/**
 * The run palette. A run is drawn in the colour it was given when first shown (`use-run-colors.ts`,
 * `assign-run-colors.ts`), kept for every later view, so adding, removing or reordering runs never
 * repaints a run.
 *
 * The palette is as large as it can be while its colours stay apart, so any two of them are easy to
 * tell apart: twenty colours, every pair at least 15 apart in CIEDE2000 (a thin line's colour differences look
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
