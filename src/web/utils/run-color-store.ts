import { useSyncExternalStore } from "react";
import { localStorageOrNone } from "./local-storage.js";
import { RUN_PALETTE } from "./run-colors.js";

/** Run id → palette colour, as kept in one localStorage item. */
export type RunColorMap = ReadonlyMap<string, string>;

const EMPTY: RunColorMap = new Map();
const PALETTE: ReadonlySet<string> = new Set(RUN_PALETTE);

/** The map stored in `text`; anything but palette colours keyed by strings is dropped. */
export function parseRunColorMap(text: string | null): RunColorMap {
  if (!text) return EMPTY;
  try {
    const stored: unknown = JSON.parse(text);
    if (!Array.isArray(stored)) return EMPTY;
    const map = new Map<string, string>();
    for (const entry of stored) {
      if (Array.isArray(entry) && typeof entry[0] === "string" && typeof entry[1] === "string" && PALETTE.has(entry[1])) map.set(entry[0], entry[1]);
    }
    return map;
  } catch {
    return EMPTY;
  }
}

/** `map` with each run set to its colour (undefined, or one outside the palette: removed), newest last, at most `limit` entries. */
export function withRunColors(map: RunColorMap, entries: Iterable<readonly [string, string | undefined]>, limit: number): RunColorMap {
  const next = new Map(map);
  for (const [runId, color] of entries) {
    next.delete(runId);
    if (color !== undefined && PALETTE.has(color)) next.set(runId, color);
  }
  while (next.size > limit) {
    const oldest = next.keys().next();
    if (oldest.done) break;
    next.delete(oldest.value);
  }
  return next;
}

export interface RunColorStore {
  /** The current map (the same object until it changes). */
  get(): RunColorMap;
  /** Sets or (with undefined) removes runs' colours, and re-renders every component using the map. */
  set(entries: Iterable<readonly [string, string | undefined]>): void;
  /** The map, re-rendering the component when it changes (in this tab or another). */
  use(): RunColorMap;
}

/** A run colour map kept in the localStorage item `item` (at most `limit` runs, the most recently set), synced across tabs. */
export function createRunColorStore(item: string, limit: number): RunColorStore {
  let current: RunColorMap | undefined;
  const listeners = new Set<() => void>();
  const get = (): RunColorMap => (current ??= parseRunColorMap(localStorageOrNone()?.getItem(item) ?? null));
  const notify = (): void => listeners.forEach((listener) => listener());
  const onStorage = (event: StorageEvent): void => {
    if (event.key !== item && event.key !== null) return;
    current = undefined;
    notify();
  };
  const subscribe = (listener: () => void): (() => void) => {
    if (listeners.size === 0) window.addEventListener("storage", onStorage);
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) window.removeEventListener("storage", onStorage);
    };
  };
  return {
    get,
    set(entries) {
      current = withRunColors(get(), entries, limit);
      try {
        localStorageOrNone()?.setItem(item, JSON.stringify([...current]));
      } catch {
        // Quota or denied storage: the colours hold in this page only.
      }
      notify();
    },
    use: () => useSyncExternalStore(subscribe, get, () => EMPTY),
  };
}
