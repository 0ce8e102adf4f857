import { useCallback, useEffect, useMemo } from "react";
import { useSearchParams } from "react-router";
import { columnsUnsaid, hasViewParams, readRunsViewState, writeRunsViewState, type RunsViewState } from "./runs-url-state.js";
import { runsViewMemory } from "./runs-view-memory.js";
import { experimentSetKey, type RememberedView } from "./view-memory.js";

const LAYOUT_KEYS: readonly (keyof RunsViewState)[] = ["columns", "sort", "widths"];

/** Whether a change is to the table's layout, which is remembered per experiment set. */
export function isLayoutChange(change: Partial<RunsViewState>): boolean {
  return LAYOUT_KEYS.some((k) => k in change);
}

export interface RunsViewControl {
  /** The URL says nothing about the view and no layout is remembered: the table may suggest columns. */
  bare: boolean;
  /** The URL names no columns (no `c`), whatever else it says: the table may suggest columns. */
  columnsUnsaid: boolean;
  /** Forgets the remembered layout and shows `columns` (the suggested defaults) unsorted at default widths. */
  resetLayout: (columns: readonly string[]) => void;
}

/**
 * The runs table's view state, read from and written to the URL. A URL with any view parameter is
 * shown as it says (links stay reproducible); a bare one (the experiments list's links) gets the
 * layout last used for the same experiments, written into the URL so that it can be shared from
 * there. Every layout change is remembered (see view-memory.ts for what is and why).
 *
 * Selection and column width changes replace the history entry; filter, sort, columns and view
 * type push one, so Back undoes them (and not every step of a resize). Updates are flushed
 * synchronously: a checkbox bound to the URL must show its new state on the click, not a
 * transition later.
 */
export function useRunsViewState(experimentIds: readonly string[]): [RunsViewState, (change: Partial<RunsViewState>, remember?: boolean) => void, RunsViewControl] {
  const [params, setParams] = useSearchParams();
  const setKey = experimentSetKey(experimentIds);
  const own = hasViewParams(params);
  const remembered = useMemo<RememberedView | undefined>(() => (own ? undefined : runsViewMemory().read(setKey)), [own, setKey]);
  const state = useMemo(() => ({ ...readRunsViewState(params), ...remembered }), [params, remembered]);
  useEffect(() => {
    if (remembered) setParams((prev) => (hasViewParams(prev) ? prev : writeRunsViewState({ ...readRunsViewState(prev), ...remembered }, prev)), { replace: true });
  }, [remembered, setParams]);
  const update = useCallback(
    (change: Partial<RunsViewState>, remember = isLayoutChange(change)) => {
      const replace = Object.keys(change).every((k) => k === "selected" || k === "widths");
      setParams(
        (prev) => {
          const next = { ...readRunsViewState(prev), ...change };
          if (remember) runsViewMemory().remember(setKey, { columns: next.columns, sort: next.sort, widths: next.widths });
          return writeRunsViewState(next, prev);
        },
        { replace, flushSync: true },
      );
    },
    [setParams, setKey],
  );
  const resetLayout = useCallback(
    (columns: readonly string[]) => {
      runsViewMemory().forget(setKey);
      setParams((prev) => writeRunsViewState({ ...readRunsViewState(prev), columns, sort: undefined, widths: {} }, prev), { flushSync: true });
    },
    [setParams, setKey],
  );
  return [state, update, { bare: !own && remembered === undefined, columnsUnsaid: columnsUnsaid(params) && remembered === undefined, resetLayout }];
}
