import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState, type RefObject, type UIEvent } from "react";
import { NavigationType, useLocation, useNavigationType } from "react-router";
import type { RunTreeRow } from "./build-run-tree.js";
import { HEADER_HEIGHT, ROW_HEIGHT } from "./grid-metrics.js";
import { restoreStep } from "./restore-step.js";
import { saveExpansion, type Expansion } from "./run-expansion.js";
import type { ActiveRow } from "./runs-grid.js";
import { createViewRestoreStore, type SavedView, type ViewRestoreStore } from "./view-restore-store.js";

/** History entries whose table view is kept (one sessionStorage item; a view is a few hundred bytes). */
const KEPT_ENTRIES = 50;
const STORAGE_ITEM = "tracklet.runs-table.views";

let store: ViewRestoreStore | undefined;
function viewStore(): ViewRestoreStore {
  if (!store) {
    let storage: Storage | undefined;
    try {
      storage = window.sessionStorage;
    } catch {
      // Storage denied (privacy settings): views are simply not kept.
    }
    store = createViewRestoreStore(storage, STORAGE_ITEM, KEPT_ENTRIES);
  }
  return store;
}

/** Whether the table has been shown in this document yet: see mayRestore. */
let shownInDocument = false;

/**
 * React Router keys the entry a document starts on "default" whatever it is, so a view saved under
 * that key may be another page load's. When the document starts there, it is the same entry only
 * if the browser reloaded it or came back to it.
 */
function mayRestore(entryKey: string): boolean {
  if (entryKey !== "default" || shownInDocument) return true;
  const [navigation] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
  return navigation?.type === "reload" || navigation?.type === "back_forward";
}

export interface TableEntry {
  entryKey: string;
  url: string;
  /** The view to show again: only when the entry is returned to (Back, Forward, reload). */
  saved: SavedView | undefined;
}

/** The history entry the table shows, and its saved view if the user has come back to it. */
export function useTableEntry(): TableEntry {
  const { key, pathname, search } = useLocation();
  const navigationType = useNavigationType();
  const url = pathname + search;
  const saved = useMemo(() => {
    if (navigationType !== NavigationType.Pop || !mayRestore(key)) return undefined;
    const view = viewStore().read(key);
    return view?.url === url ? view : undefined;
  }, [key, navigationType, url]);
  return { entryKey: key, url, saved };
}

interface Options {
  rows: readonly RunTreeRow[];
  loadedRuns: number;
  canLoadMore: boolean;
  fetchingMore: boolean;
  loadMore: () => void;
  scrollRef: RefObject<HTMLDivElement | null>;
  expansion: Expansion;
  active: ActiveRow;
  setActive: (active: ActiveRow) => void;
}

/** Events by which the user takes over: a restore still waiting for pages is dropped. */
const TAKE_OVER = ["wheel", "touchstart", "keydown", "pointerdown"] as const;

/**
 * Keeps the table's view (scroll offsets, open trees, cursor row) per history entry, and shows it
 * again when the entry is returned to. It is saved when the entry is left (another entry, another
 * page, or the document: a reload) and put back before the first paint when the rows are at hand
 * (Back with the runs still cached), or once enough pages have loaded (after a reload). Entries
 * left by a replace (a selection change, a resize) are gone from history, so theirs is not saved.
 * Returns the grid's scroll handler.
 */
export function useViewRestore(entry: TableEntry, options: Options): (event: UIEvent<HTMLDivElement>) => void {
  const { rows, scrollRef } = options;
  const navigationType = useNavigationType();
  const [pending, setPending] = useState(entry.saved);
  const [pendingFor, setPendingFor] = useState(entry.saved);
  if (entry.saved !== pendingFor) {
    setPendingFor(entry.saved);
    setPending(entry.saved);
  }

  // Kept from scroll events: when the entry is left, the grid may be gone or already cut short.
  const scroll = useRef({ top: 0, left: 0 });
  const onScroll = useCallback((event: UIEvent<HTMLDivElement>) => {
    scroll.current = { top: event.currentTarget.scrollTop, left: event.currentTarget.scrollLeft };
  }, []);
  // A grid mounted afresh (after a search's first load) starts at the top, without a scroll event.
  const grid = useRef<HTMLDivElement | null>(null);
  useLayoutEffect(() => {
    if (scrollRef.current === grid.current) return;
    grid.current = scrollRef.current;
    scroll.current = { top: grid.current?.scrollTop ?? 0, left: grid.current?.scrollLeft ?? 0 };
  });

  // What the entry shows, as of the last commit: cleanups of the effects below run after the next
  // render, whose rows and expansion may already be another entry's.
  const latest = useRef({ entry, rows, expansion: options.expansion, active: options.active, pending });
  useEffect(() => {
    latest.current = { entry, rows, expansion: options.expansion, active: options.active, pending };
  });
  const snapshot = useCallback((): SavedView => {
    const { entry: shown, rows: shownRows, expansion, active, pending: notYetRestored } = latest.current;
    // Left before it was restored: it is kept as it was, not as the top of the table it showed meanwhile.
    if (notYetRestored) return notYetRestored;
    const { top, left } = scroll.current;
    const first = Math.min(shownRows.length - 1, Math.floor(top / ROW_HEIGHT));
    const anchorRow = shownRows[first];
    return {
      url: shown.url,
      scrollTop: top,
      scrollLeft: left,
      anchor: anchorRow ? { runId: anchorRow.node.run.info.run_id, offset: top - first * ROW_HEIGHT } : undefined,
      activeRunId: active.runId,
      expansion: saveExpansion(expansion),
    };
  }, []);

  // The entry left is saved as it is left, before anything of the next one is laid out (the next
  // rows, a restored scroll offset); whether it is kept is known on arriving at the next one: not
  // after a replace, which took its place in history. Leaving the page keeps it at once.
  const unmounting = useRef(false);
  useLayoutEffect(() => {
    shownInDocument = true;
    unmounting.current = false;
    return () => {
      unmounting.current = true;
    };
  }, []);
  const leaving = useRef<{ key: string; view: SavedView } | undefined>(undefined);
  useLayoutEffect(() => {
    if (leaving.current && navigationType !== NavigationType.Replace) viewStore().save(leaving.current.key, leaving.current.view);
    leaving.current = undefined;
    const key = entry.entryKey;
    return () => {
      if (unmounting.current) viewStore().save(key, snapshot());
      else leaving.current = { key, view: snapshot() };
    };
    // `navigationType` changes only with the entry.
  }, [entry.entryKey, snapshot]);
  useEffect(() => {
    const onHide = () => viewStore().save(latest.current.entry.entryKey, snapshot());
    window.addEventListener("pagehide", onHide);
    return () => window.removeEventListener("pagehide", onHide);
  }, [snapshot]);

  const { loadedRuns, canLoadMore, fetchingMore, loadMore, setActive } = options;
  useLayoutEffect(() => {
    const element = scrollRef.current;
    if (!pending || !element) return;
    const step = restoreStep(pending, {
      rowIds: rows.map((r) => r.node.run.info.run_id),
      loadedRuns,
      canLoadMore,
      fetchingMore,
      viewportRows: Math.ceil(Math.max(0, element.clientHeight - HEADER_HEIGHT) / ROW_HEIGHT),
    });
    if (step.kind === "wait") return;
    if (step.kind === "load-more") {
      loadMore();
      return;
    }
    element.scrollTop = step.scrollTop;
    element.scrollLeft = pending.scrollLeft;
    scroll.current = { top: element.scrollTop, left: element.scrollLeft };
    setActive({ runId: pending.activeRunId, reveal: false });
    setPending(undefined);
  }, [pending, rows, loadedRuns, canLoadMore, fetchingMore, loadMore, setActive, scrollRef]);

  useEffect(() => {
    if (!pending) return;
    const stop = () => setPending(undefined);
    for (const type of TAKE_OVER) window.addEventListener(type, stop, { capture: true, passive: true });
    return () => {
      for (const type of TAKE_OVER) window.removeEventListener(type, stop, { capture: true });
    };
  }, [pending]);

  return onScroll;
}
