import { useEffect, useMemo } from "react";
import { assignRunColors, colorUses } from "./assign-run-colors.js";
import { runColorChoices } from "./run-color-choices.js";
import { createRunColorStore } from "./run-color-store.js";

/**
 * Colours given to runs the first time they were shown (`assign-run-colors.ts`), kept so a run has
 * the same colour in every later view of this browser, whatever runs it is shown with. The 5,000
 * most recently given: an item of about 250 KB at most; a run given a colour longer ago than that
 * is given one again when next shown.
 */
export const givenRunColors = createRunColorStore("tracklet.run-colors.given", 5000);

/** The colour a run has when the user has not chosen one: the one it was given, if any. */
export function givenRunColor(runId: string): string | undefined {
  return givenRunColors.get().get(runId);
}

/**
 * The colours of a view's runs, by run id: the user's choice, else the colour the run was given in
 * an earlier view, else one given now (distinct from the view's other runs where the palette allows,
 * taking turns through the palette across views) and kept after the render.
 */
export function useRunColors(runIds: readonly string[]): Map<string, string> {
  const chosen = runColorChoices.use();
  const given = givenRunColors.use();
  const uses = useMemo(() => colorUses(given, chosen), [given, chosen]);
  const { colors, added } = useMemo(() => assignRunColors(runIds, (id) => chosen.get(id) ?? given.get(id), uses), [runIds, chosen, given, uses]);
  useEffect(() => {
    // Another view may have given some of these runs a colour since: the first one given stays.
    const kept = givenRunColors.get();
    const fresh = added.filter(([id]) => !kept.has(id));
    if (fresh.length > 0) givenRunColors.set(fresh);
  }, [added]);
  return colors;
}
