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

/**
 * The colours of the runs of one view: each run's own `runColor`, except that two runs never share
 * one while the palette lasts. On a clash the run with the smaller id keeps its colour and the other
 * takes the next free one, so the result depends on the set of runs, never on their order, and
 * equals `runColor` for every run that clashes with no other (most runs of most views).
 */
export function runColors(runIds: readonly string[]): Map<string, string> {
  const out = new Map<string, string>();
  const taken = new Set<number>();
  const n = RUN_PALETTE.length;
  for (const id of [...new Set(runIds)].sort()) {
    let slot = hash(id) % n;
    if (taken.size < n) while (taken.has(slot)) slot = (slot + 1) % n;
    taken.add(slot);
    out.set(id, RUN_PALETTE[slot] as string);
  }
  return out;
}
