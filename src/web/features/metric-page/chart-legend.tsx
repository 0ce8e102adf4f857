import { formatCount } from "../../utils/format.js";
import type { PlotSeries } from "./chart-series.js";

/**
 * One entry per run, in its stable colour; hovering an entry highlights that run's curve. A run
 * without a value of the metric stays listed (it was asked for) but reads "no values", so an empty
 * legend entry is not taken for a curve hidden behind the others.
 */
export function ChartLegend({ series, highlighted, onHighlight }: { series: readonly PlotSeries[]; highlighted: string | undefined; onHighlight: (runId: string | undefined) => void }) {
  return (
    <ul className="rmc-legend" aria-label="Runs">
      {series.map((s) => (
        <li
          key={s.runId}
          data-testid="legend-entry"
          data-run-id={s.runId}
          data-color={s.color}
          className={[highlighted === s.runId ? "is-highlighted" : highlighted ? "is-dimmed" : "", s.total === 0 ? "is-empty" : ""].filter(Boolean).join(" ") || undefined}
          onMouseEnter={() => onHighlight(s.runId)}
          onMouseLeave={() => onHighlight(undefined)}
          title={s.total === 0 ? `${s.runName} has no values of this metric` : `${s.runName}: ${formatCount(s.shown)} of ${formatCount(s.total)} points`}
        >
          <span className="rmc-swatch" style={{ background: s.color }} />
          {s.runName}
          {s.total === 0 && <span className="faint"> · no values</span>}
        </li>
      ))}
    </ul>
  );
}
