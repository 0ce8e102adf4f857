import { formatCount } from "../../utils/format.js";
import type { PlotSeries } from "./chart-series.js";

interface Props {
  series: readonly PlotSeries[];
  highlighted: string | undefined;
  onHighlight: (runId: string | undefined) => void;
  /** Runs whose curves are hidden; clicking an entry hides or shows its run. */
  hidden: ReadonlySet<string>;
  onToggle: (runId: string) => void;
  /** Whether the chart shows a zoomed range: a run without values there may have some outside it. */
  zoomed: boolean;
}

/**
 * One entry per run, in its stable colour; hovering an entry highlights that run's curve, clicking
 * it hides or shows the curve (to see the runs behind it). A run without a value of the metric
 * stays listed (it was asked for) but reads "no values", so an empty legend entry is not taken for
 * a curve hidden behind the others.
 */
export function ChartLegend({ series, highlighted, onHighlight, hidden, onToggle, zoomed }: Props) {
  const none = zoomed ? "no values in this range" : "no values";
  return (
    <ul className="rmc-legend" aria-label="Runs">
      {series.map((s) => (
        <li
          key={s.runId}
          data-testid="legend-entry"
          data-run-id={s.runId}
          data-color={s.color}
          className={[highlighted === s.runId ? "is-highlighted" : highlighted ? "is-dimmed" : "", s.total === 0 ? "is-empty" : "", hidden.has(s.runId) ? "is-hidden" : ""].filter(Boolean).join(" ") || undefined}
          onMouseEnter={() => onHighlight(hidden.has(s.runId) ? undefined : s.runId)}
          onMouseLeave={() => onHighlight(undefined)}
        >
          <button
            type="button"
            aria-pressed={!hidden.has(s.runId)}
            onClick={() => onToggle(s.runId)}
            title={`${s.total === 0 ? `${s.runName} has ${none} of this metric` : `${s.runName}: ${formatCount(s.shown)} of ${formatCount(s.total)} points`}\nClick to ${hidden.has(s.runId) ? "show" : "hide"} it`}
          >
            <span className="rmc-swatch" style={{ background: s.color }} />
            {s.runName}
            {s.total === 0 && <span className="faint rmc-legend-none">· {none}</span>}
          </button>
        </li>
      ))}
    </ul>
  );
}
