import { useLayoutEffect, useMemo, useRef, useState } from "react";
import { RunColorButton } from "../../components/run-color-button.js";
import { formatCount } from "../../utils/format.js";
import type { PlotSeries } from "./chart-series.js";
import { entriesCutOff } from "./legend-overflow.js";
import { highlightClass } from "./highlight-class.js";
import { legendOrder } from "./legend-order.js";

interface Props {
  series: readonly PlotSeries[];
  highlighted: string | undefined;
  onHighlight: (runId: string | undefined) => void;
  /** Runs whose curves are hidden; clicking an entry hides or shows its run. */
  hidden: ReadonlySet<string>;
  onToggle: (runId: string) => void;
  /** Whether the chart shows a zoomed range: a run without values there may have some outside it. */
  zoomed: boolean;
  /** Runs still running: their entries carry a small pulsing dot. */
  live: ReadonlySet<string>;
}

/**
 * One entry per run, in its stable colour (its swatch recolours the run); hovering an entry highlights that run's curve, clicking
 * it hides or shows the curve (to see the runs behind it). A run without a value of the metric
 * stays listed (it was asked for) but reads "no values", so an empty legend entry is not taken for
 * a curve hidden behind the others; such runs come after those with values (`legendOrder`). At
 * most three lines are shown; "+N more" shows the rest (a scroll box hid them without saying so),
 * so a legend never grows a chart by more than that.
 */
export function ChartLegend({ series: given, highlighted, onHighlight, hidden, onToggle, zoomed, live }: Props) {
  const series = useMemo(() => legendOrder(given), [given]);
  const none = zoomed ? "no values in this range" : "no values";
  const list = useRef<HTMLUListElement>(null);
  const [expanded, setExpanded] = useState(false);
  const [cutOff, setCutOff] = useState(0);
  // Measured after layout (and again when the chart's width changes): which entries wrap past the
  // third line depends on the names' widths. Not on hover: the entries do not move then.
  useLayoutEffect(() => {
    const ul = list.current;
    if (!ul || expanded) return;
    const measure = (): void => {
      const top = ul.getBoundingClientRect().top;
      setCutOff(entriesCutOff(Array.from(ul.children, (li) => li.getBoundingClientRect().bottom - top), ul.clientHeight));
    };
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(ul);
    return () => observer.disconnect();
  }, [series, expanded]);

  return (
    <div className={`rmc-legend-box${expanded ? " is-expanded" : ""}`}>
      <ul className="rmc-legend" aria-label="Runs" ref={list}>
        {series.map((s) => (
          <li
            key={s.runId}
            data-testid="legend-entry"
            data-run-id={s.runId}
            data-color={s.color}
            className={
              [highlightClass(highlighted, s.runId), s.total === 0 ? "is-empty" : "", hidden.has(s.runId) ? "is-hidden" : "", live.has(s.runId) ? "is-live" : ""]
                .filter(Boolean)
                .join(" ") || undefined
            }
            onMouseEnter={() => onHighlight(hidden.has(s.runId) ? undefined : s.runId)}
            onMouseLeave={() => onHighlight(undefined)}
          >
            <RunColorButton runId={s.runId} runName={s.runName} color={s.color} mark="line" />
            <button
              type="button"
              className="rmc-legend-toggle"
              aria-pressed={!hidden.has(s.runId)}
              onClick={() => onToggle(s.runId)}
              title={`${s.total === 0 ? `${s.runName} has ${none} of this metric` : `${s.runName}: ${formatCount(s.shown)} of ${formatCount(s.total)} points`}${live.has(s.runId) ? " (running)" : ""}\nClick to ${hidden.has(s.runId) ? "show" : "hide"} it`}
            >
              <span className="rmc-legend-name">{s.runName}</span>
              {s.total === 0 && <span className="faint rmc-legend-none">· {none}</span>}
            </button>
          </li>
        ))}
      </ul>
      {(expanded || cutOff > 0) && (
        <button type="button" className="rmc-legend-more" data-testid="legend-more" aria-expanded={expanded} onClick={() => setExpanded(!expanded)}>
          {expanded ? "Show fewer" : `+${formatCount(cutOff)} more`}
        </button>
      )}
    </div>
  );
}
