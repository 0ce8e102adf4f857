import { useEffect, useState, type ReactNode } from "react";
import { MAX_SMOOTHING } from "../../../core/charts/index.js";
import { withXAxis, type ChartSettings, type ChartXAxis } from "./chart-settings.js";
import { X_AXIS_LABEL } from "./chart-series.js";

const AXES: readonly ChartXAxis[] = ["step", "time", "relative"];
/** The slider writes to the URL (and refetches) once it rests this long. */
const SMOOTHING_DEBOUNCE_MS = 250;

/** The chart settings controls: x axis, log scale, smoothing, ignore outliers; `children` go at the right end. */
export function ChartToolbar({ settings, onChange, children }: { settings: ChartSettings; onChange: (change: (s: ChartSettings) => ChartSettings) => void; children?: ReactNode }) {
  const [smoothing, setSmoothing] = useState(settings.smoothing);
  useEffect(() => setSmoothing(settings.smoothing), [settings.smoothing]);
  useEffect(() => {
    if (smoothing === settings.smoothing) return;
    const timer = setTimeout(() => onChange((s) => ({ ...s, smoothing })), SMOOTHING_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [smoothing, settings.smoothing, onChange]);

  return (
    <div className="toolbar chart-toolbar" role="toolbar" aria-label="Chart settings">
      <div className="segmented" role="group" aria-label="X axis">
        {AXES.map((axis) => (
          <button key={axis} type="button" aria-pressed={settings.xAxis === axis} onClick={() => onChange((s) => withXAxis(s, axis))}>
            {X_AXIS_LABEL[axis]}
          </button>
        ))}
      </div>
      <label>
        <input type="checkbox" checked={settings.yScale === "log"} onChange={(e) => onChange((s) => ({ ...s, yScale: e.target.checked ? "log" : "linear" }))} /> Log scale
      </label>
      <label title="Scale the y axis to the 1st–99th percentile of the values, so a few extreme values do not flatten the rest">
        <input type="checkbox" checked={settings.ignoreOutliers} onChange={(e) => onChange((s) => ({ ...s, ignoreOutliers: e.target.checked }))} /> Ignore outliers
      </label>
      <label title="Exponential moving average (debiased), applied to the full series before sampling">
        Smoothing
        <input
          type="range"
          aria-label="Smoothing"
          min={0}
          max={MAX_SMOOTHING}
          step={0.01}
          value={smoothing}
          onChange={(e) => setSmoothing(Number(e.target.value))}
        />
        <span className="chart-smoothing-value mono" data-testid="smoothing-value">
          {smoothing.toFixed(2)}
        </span>
      </label>
      <span className="toolbar-spacer" />
      {children}
    </div>
  );
}
