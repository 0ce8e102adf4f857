import { useCallback, useLayoutEffect, useRef } from "react";

/**
 * A callback whose identity never changes but that always runs the latest `fn`: lets memoised rows
 * skip re-rendering when a parent re-renders with handlers closing over new state.
 */
export function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn);
  useLayoutEffect(() => {
    latest.current = fn;
  });
  return useCallback((...args: A) => latest.current(...args), []);
}
