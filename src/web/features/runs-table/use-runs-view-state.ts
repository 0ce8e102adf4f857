import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { readRunsViewState, writeRunsViewState, type RunsViewState } from "./runs-url-state.js";

/**
 * The runs table's view state, read from and written to the URL (the only place it lives).
 * Selection and column width changes replace the history entry; filter, sort, columns and view
 * type push one, so Back undoes them (and not every step of a resize). Updates are flushed
 * synchronously: a checkbox bound to the URL must show its new state on the click, not a
 * transition later.
 */
export function useRunsViewState(): [RunsViewState, (change: Partial<RunsViewState>) => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readRunsViewState(params), [params]);
  const update = useCallback(
    (change: Partial<RunsViewState>) => {
      const replace = Object.keys(change).every((k) => k === "selected" || k === "widths");
      setParams((prev) => writeRunsViewState({ ...readRunsViewState(prev), ...change }, prev), { replace, flushSync: true });
    },
    [setParams],
  );
  return [state, update];
}
