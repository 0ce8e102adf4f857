import { isExpandMode, type SavedExpansion } from "./run-expansion.js";

/** What the runs table showed in one history entry, to show it again on Back, Forward or a reload. */
export interface SavedView {
  /** Path and query of the entry: a stored view is never laid over another URL. */
  url: string;
  scrollTop: number;
  scrollLeft: number;
  /** The first row under the header and how far it was scrolled past: rows, not pixels, are put back. */
  anchor: { runId: string; offset: number } | undefined;
  activeRunId: string | undefined;
  expansion: SavedExpansion | undefined;
}

export interface ViewRestoreStore {
  read(entryKey: string): SavedView | undefined;
  save(entryKey: string, view: SavedView): void;
}

/** The part of `Storage` the store uses (sessionStorage in the browser, a stand-in in tests). */
export type KeyValueStorage = Pick<Storage, "getItem" | "setItem">;

/** Ids of runs toggled open or closed one by one beyond this are not kept: the rest of the view still is. */
const MAX_TOGGLED = 2000;

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === "object" && value !== null;
const isFiniteNumber = (value: unknown): value is number => typeof value === "number" && Number.isFinite(value);

function readExpansion(value: unknown): SavedExpansion | undefined {
  if (!isObject(value) || typeof value.searchKey !== "string" || !isExpandMode(value.mode) || !Array.isArray(value.toggled)) return undefined;
  return { searchKey: value.searchKey, mode: value.mode, toggled: value.toggled.filter((id): id is string => typeof id === "string") };
}

/** A stored view, checked field by field: storage is shared with whatever else runs on the origin. */
function readView(value: unknown): SavedView | undefined {
  if (!isObject(value) || typeof value.url !== "string" || !isFiniteNumber(value.scrollTop) || !isFiniteNumber(value.scrollLeft)) return undefined;
  const { anchor } = value;
  return {
    url: value.url,
    scrollTop: Math.max(0, value.scrollTop),
    scrollLeft: Math.max(0, value.scrollLeft),
    anchor: isObject(anchor) && typeof anchor.runId === "string" && isFiniteNumber(anchor.offset) ? { runId: anchor.runId, offset: anchor.offset } : undefined,
    activeRunId: typeof value.activeRunId === "string" ? value.activeRunId : undefined,
    expansion: readExpansion(value.expansion),
  };
}

/**
 * Views by history entry key, in one storage item: the `limit` most recently saved entries, oldest
 * first (as React Router's ScrollRestoration keeps its positions in sessionStorage). Storage that
 * is missing, full or holds garbage loses views, never the page.
 */
export function createViewRestoreStore(storage: KeyValueStorage | undefined, itemName: string, limit: number): ViewRestoreStore {
  const load = (): [string, unknown][] => {
    try {
      const parsed: unknown = JSON.parse(storage?.getItem(itemName) ?? "[]");
      return Array.isArray(parsed) ? parsed.filter((e): e is [string, unknown] => Array.isArray(e) && e.length === 2 && typeof e[0] === "string") : [];
    } catch {
      return [];
    }
  };
  const write = (entries: readonly [string, unknown][]): boolean => {
    try {
      storage?.setItem(itemName, JSON.stringify(entries));
      return true;
    } catch {
      return false;
    }
  };
  return {
    read(entryKey) {
      return readView(load().find(([key]) => key === entryKey)?.[1]);
    },
    save(entryKey, view) {
      const kept = view.expansion && view.expansion.toggled.length > MAX_TOGGLED ? { ...view, expansion: undefined } : view;
      const entries = [...load().filter(([key]) => key !== entryKey), [entryKey, kept] as [string, unknown]].slice(-Math.max(1, limit));
      // Over the storage quota: keep this entry, the one the user is most likely to come back to.
      if (!write(entries)) write(entries.slice(-1));
    },
  };
}
