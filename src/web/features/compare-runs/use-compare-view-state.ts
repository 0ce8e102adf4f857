import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { readCompareViewState, writeCompareViewState, type CompareViewState } from "./compare-url-state.js";

/**
 * The compare view's settings, read from and written to the URL (the only place they live). Typing
 * in the key search replaces the history entry; every other change pushes one, so Back undoes it.
 */
export function useCompareViewState(): [CompareViewState, (change: Partial<CompareViewState>) => void] {
  const [params, setParams] = useSearchParams();
  const state = useMemo(() => readCompareViewState(params), [params]);
  const update = useCallback(
    (change: Partial<CompareViewState>) => {
      const onlySearch = Object.keys(change).every((k) => k === "search");
      setParams((prev) => writeCompareViewState({ ...readCompareViewState(prev), ...change }), { replace: onlySearch, flushSync: true });
    },
    [setParams],
  );
  return [state, update];
}
