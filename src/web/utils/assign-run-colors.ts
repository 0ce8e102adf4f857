import { RUN_PALETTE } from "./run-colors.js";

export interface RunColorAssignment {
  /** Every run's colour. */
  colors: Map<string, string>;
  /** The runs that had none and were given one here, to be kept (in the order given). */
  added: [string, string][];
}

/**
 * Colours for a view's runs. A run that has one (`known`: chosen by the user or given in an earlier
 * view) keeps it; the others get, one by one, the colour least used among the view's runs, of those
 * the one least given so far in this browser (`given`: uses per colour), then the palette's first
 * (it starts with its most distinct colours: blue, orange, green, red). So the runs of one view differ,
 * as far as twenty colours go, and runs first shown in different views take turns through the
 * palette, so they are unlikely to share a colour when shown together later. (Each id's own colour
 * gave two runs of five one colour in 42 % of views, and neighbours in the palette often.)
 *
 * The runs without a colour are taken in the order of their ids, not the view's: two views of the
 * same new runs, in any order, give the same colours before either has kept them.
 */
export function assignRunColors(runIds: readonly string[], known: (runId: string) => string | undefined, given: ReadonlyMap<string, number> = new Map()): RunColorAssignment {
  const colors = new Map<string, string>();
  const inView = new Map<string, number>(RUN_PALETTE.map((c) => [c, 0]));
  const overall = new Map<string, number>(RUN_PALETTE.map((c) => [c, given.get(c) ?? 0]));
  const fresh: string[] = [];
  for (const id of new Set(runIds)) {
    const color = known(id);
    if (color === undefined) {
      fresh.push(id);
      continue;
    }
    colors.set(id, color);
    inView.set(color, (inView.get(color) ?? 0) + 1);
  }
  const added: [string, string][] = [];
  for (const id of fresh.sort()) {
    let best: string = RUN_PALETTE[0];
    for (const color of RUN_PALETTE) {
      const [view, all] = [inView.get(color) ?? 0, overall.get(color) ?? 0];
      const [bestView, bestAll] = [inView.get(best) ?? 0, overall.get(best) ?? 0];
      if (view < bestView || (view === bestView && all < bestAll)) best = color;
    }
    colors.set(id, best);
    inView.set(best, (inView.get(best) ?? 0) + 1);
    overall.set(best, (overall.get(best) ?? 0) + 1);
    added.push([id, best]);
  }
  return { colors, added };
}

/** How many runs have each colour in `maps` (the colours given and chosen in this browser). */
export function colorUses(...maps: ReadonlyMap<string, string>[]): Map<string, number> {
  const uses = new Map<string, number>();
  for (const map of maps) for (const color of map.values()) uses.set(color, (uses.get(color) ?? 0) + 1);
  return uses;
}
