/**
 * Run colours, the same for a run in every chart, legend and view: derived from the run id, not
 * from its position in a list, so adding, removing or reordering runs never repaints the others.
 * Twelve hues chosen to stay apart from each other and readable on the light and the dark theme.
 * Two runs of a small selection can share a colour (12 buckets); the legend names them apart.
 */
export const RUN_PALETTE = [
  "#2f6fdf", // blue
  "#e8590c", // orange
  "#2b9a66", // green
  "#d6336c", // pink
  "#7950f2", // violet
  "#0c8599", // teal
  "#c99a06", // ochre
  "#e03131", // red
  "#5c940d", // olive
  "#ae3ec9", // grape
  "#1c7ed6", // azure
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
