/** Which child-run trees are open: local UI state, kept per search (see useRunRows). */
export type ExpandMode = "default" | "all" | "none";

export interface Expansion {
  /** The search this expansion belongs to. */
  searchKey: string;
  mode: ExpandMode;
  /** Runs flipped from the mode's default by a single toggle. */
  toggled: ReadonlySet<string>;
}

/** An expansion as stored with a history entry (JSON). */
export interface SavedExpansion {
  searchKey: string;
  mode: ExpandMode;
  toggled: readonly string[];
}

export const freshExpansion = (searchKey: string): Expansion => ({ searchKey, mode: "default", toggled: new Set() });

export function saveExpansion(expansion: Expansion): SavedExpansion {
  return { searchKey: expansion.searchKey, mode: expansion.mode, toggled: [...expansion.toggled] };
}

/** The saved expansion, if it belongs to this search: a saved tree never opens over another search's. */
export function restoreExpansion(saved: SavedExpansion | undefined, searchKey: string): Expansion | undefined {
  return saved?.searchKey === searchKey ? { searchKey, mode: saved.mode, toggled: new Set(saved.toggled) } : undefined;
}

export function isExpandMode(value: unknown): value is ExpandMode {
  return value === "default" || value === "all" || value === "none";
}
