import { formatCount } from "../../utils/format.js";
import type { PlotSeries } from "./chart-series.js";

/** One entry per run, in its stable colour; hovering an entry highlights that run's curve. */
export function ChartLegend({ series, highlighted, onHighlight }: { series: readonly PlotSeries[]; highlighted: string | undefined; onHighlight: (runId: string | undefined) => void }) {
  return (
    <ul className="rmc-legend" aria-label="Runs">
      {series.map((s) => (
        <li
          key={s.runId}
          data-testid="legend-entry"
          data-run-id={s.runId}
          data-color={s.color}
          className={highlighted === s.runId ? "is-highlighted" : highlighted ? "is-dimmed" : undefined}
          onMouseEnter={() => onHighlight(s.runId)}
          onMouseLeave={() => onHighlight(undefined)}
          title={`${s.runName}: ${formatCount(s.shown)} of ${formatCount(s.total)} points`}
        >
          <span className="rmc-swatch" style={{ background: s.color }} />
          {s.runName}
        </li>
      ))}
    </ul>
  );
}
