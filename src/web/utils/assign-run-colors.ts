import { RUN_PALETTE } from "./run-colors.js";
import { runColor } from "./run-colors.js";

export interface RunColorAssignment {
  /** Every run's colour. */
  colors: Map<string, string>;
  /** The runs that had none and were given one here, to be kept (in the order given). */
  added: [string, string][];
}

/**
 * Colours for a view's runs. A run that has one (`known`: chosen by the user or given in an earlier
 * view) keeps it; the others get, one by one, a colour as little used in the view as can be: their
 * id's own colour (`runColor`) when it is, else the first such colour of the palette (the palette
 * starts with its most distinct colours). So five runs seen together get five colours, where their
 * ids alone gave two runs in three the same one in a view of five (42 % of views of five).
 *
 * The runs without a colour are taken in the order of their ids, not the view's: two views of the
 * same new runs, in any order, give the same colours before either has kept them.
 */
export function assignRunColors(runIds: readonly string[], known: (runId: string) => string | undefined): RunColorAssignment {
  const colors = new Map<string, string>();
  const uses = new Map<string, number>(RUN_PALETTE.map((c) => [c, 0]));
  const fresh: string[] = [];
  for (const id of new Set(runIds)) {
    const color = known(id);
    if (color === undefined) {
      fresh.push(id);
      continue;
    }
    colors.set(id, color);
    uses.set(color, (uses.get(color) ?? 0) + 1);
  }
  const added: [string, string][] = [];
  for (const id of fresh.sort()) {
    const least = Math.min(...uses.values());
    const own = runColor(id);
    const color = uses.get(own) === least ? own : (RUN_PALETTE.find((c) => uses.get(c) === least) ?? own);
    colors.set(id, color);
    uses.set(color, (uses.get(color) ?? 0) + 1);
    added.push([id, color]);
  }
  return { colors, added };
}
