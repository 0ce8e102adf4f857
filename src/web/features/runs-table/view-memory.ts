import { readRunsViewState, writeRunsViewState, EMPTY_VIEW_STATE, type RunsViewState } from "./runs-url-state.js";
import type { KeyValueStorage } from "./view-restore-store.js";

/**
 * What the runs table remembers per set of experiments: how the table is laid out (columns, sort,
 * widths), as MLflow keeps its runs page's facets per experiment. Not which runs it shows: a filter
 * or a "Deleted" view coming back on its own would hide runs with nothing on the page to say why
 * (new runs "missing"), and a selection is a moment's work. Those stay in the URL only.
 */
export type RememberedView = Pick<RunsViewState, "columns" | "sort" | "widths">;

export interface ViewMemory {
  read(setKey: string): RememberedView | undefined;
  remember(setKey: string, view: RememberedView): void;
  forget(setKey: string): void;
}

/** The key of a set of experiments: the table's sorted ids, so `/experiments/2,1` and `/experiments/1,2` share one. */
export function experimentSetKey(experimentIds: readonly string[]): string {
  return [...experimentIds].sort().join(",");
}

type Entries = [string, string][];

function readEntries(storage: KeyValueStorage | undefined, item: string): Entries {
  try {
    const parsed: unknown = JSON.parse(storage?.getItem(item) ?? "[]");
    if (!Array.isArray(parsed)) return [];
    return parsed.filter((e): e is [string, string] => Array.isArray(e) && e.length === 2 && typeof e[0] === "string" && typeof e[1] === "string");
  } catch {
    return [];
  }
}

/**
 * One storage item (localStorage in the browser) of the last `capacity` experiment sets used, most
 * recent last. A view is kept as its URL parameters and read back through the URL codec, so a stored
 * view is checked exactly as a hand-edited link is.
 */
export function createViewMemory(storage: KeyValueStorage | undefined, item: string, capacity: number): ViewMemory {
  const write = (entries: Entries) => {
    try {
      storage?.setItem(item, JSON.stringify(entries.slice(-capacity)));
    } catch {
      // Storage full or denied: the view is simply not remembered.
    }
  };
  return {
    read(setKey) {
      const entry = readEntries(storage, item).find(([key]) => key === setKey);
      if (!entry) return undefined;
      const { columns, sort, widths } = readRunsViewState(new URLSearchParams(entry[1]));
      return { columns, sort, widths };
    },
    remember(setKey, view) {
      const others = readEntries(storage, item).filter(([key]) => key !== setKey);
      write([...others, [setKey, writeRunsViewState({ ...EMPTY_VIEW_STATE, ...view }).toString()]]);
    },
    forget(setKey) {
      write(readEntries(storage, item).filter(([key]) => key !== setKey));
    },
  };
}
