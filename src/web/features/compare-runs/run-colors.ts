/**
 * Tableau 10: distinct at a glance, readable on both the light and the dark theme. Colours follow a
 * run's place in the selection, so the first ten runs never share one.
 */
const PALETTE = ["#4e79a7", "#f28e2b", "#e15759", "#76b7b2", "#59a14f", "#edc948", "#b07aa1", "#ff9da7", "#9c755f", "#bab0ac"] as const;

export function runColor(index: number): string {
  return PALETTE[((index % PALETTE.length) + PALETTE.length) % PALETTE.length] ?? PALETTE[0];
}
