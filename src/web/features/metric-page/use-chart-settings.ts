import { useCallback, useMemo } from "react";
import { useSearchParams } from "react-router";
import { readChartSettings, writeChartSettings, type ChartSettings, type ChartZoom } from "./chart-settings.js";

/**
 * The chart settings of the page's URL, and a setter that writes them there. A zoom in or out is a
 * history entry, so Back undoes it as users expect of a drag-to-zoom (Grafana's time ranges do the
 * same); every other tweak replaces the entry, so the smoothing slider does not fill the history.
 * The URL is written synchronously (flushSync), so a toggle shows at once; the charts take the
 * settings deferred (useDeferredValue) and redraw after that paint.
 */
export function useChartSettings(): [ChartSettings, (change: (current: ChartSettings) => ChartSettings) => void] {
  const [params, setParams] = useSearchParams();
  const search = params.toString();
  const settings = useMemo(() => readChartSettings(new URLSearchParams(search)), [search]);
  const update = useCallback(
    (change: (current: ChartSettings) => ChartSettings) => {
      const current = readChartSettings(new URLSearchParams(window.location.search));
      const next = change(current);
      setParams(writeChartSettings(new URLSearchParams(window.location.search), next), { replace: sameZoom(current.zoom, next.zoom) });
    },
    [setParams],
  );
  return [settings, update];
}

const sameZoom = (a: ChartZoom | undefined, b: ChartZoom | undefined): boolean => a?.min === b?.min && a?.max === b?.max;
