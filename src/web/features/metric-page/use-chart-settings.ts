import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { readChartSettings, writeChartSettings, type ChartSettings } from "./chart-settings.js";

/**
 * The chart settings of the page's URL, and a setter that replaces them there (no history entry per
 * tweak). The URL is written synchronously (flushSync), so a toggle shows at once; the charts take
 * the settings deferred (useDeferredValue) and redraw after that paint.
 */
export function useChartSettings(): [ChartSettings, (change: (current: ChartSettings) => ChartSettings) => void] {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const settings = useMemo(() => readChartSettings(new URLSearchParams(search)), [search]);
  const update = useCallback(
    (change: (current: ChartSettings) => ChartSettings) => setParams((prev) => writeChartSettings(prev, change(readChartSettings(prev))), { replace: true }),
    [setParams],
  );
  return [settings, update];
}
