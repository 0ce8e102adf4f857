import { createRunColorStore } from "./run-color-store.js";

/**
 * Colours the user chose for runs, which win over the colour a run was given (`use-run-colors.ts`):
 * like MLflow and W&B, the user can recolour a run. Kept in this browser (localStorage, synced across
 * its tabs), as MLflow keeps its run colours; nothing is written to the server, so a run's colour
 * never changes for anyone else. At most the 1,000 most recent choices: an item of a few tens of KB.
 */
export const runColorChoices = createRunColorStore("tracklet.run-colors", 1000);
