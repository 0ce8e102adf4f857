import { localStorageOrNone } from "../../utils/local-storage.js";
import { createViewMemory, type ViewMemory } from "./view-memory.js";

/** Experiment sets whose layout is kept: one localStorage item of a few KB at most. */
const KEPT_SETS = 100;
const STORAGE_ITEM = "tracklet.runs-table.layouts";

let memory: ViewMemory | undefined;

/** The browser's memory of table layouts per experiment set (localStorage: it outlives the tab, as MLflow's does). */
export function runsViewMemory(): ViewMemory {
  // Without storage (denied by privacy settings) layouts are simply not remembered.
  memory ??= createViewMemory(localStorageOrNone(), STORAGE_ITEM, KEPT_SETS);
  return memory;
}
