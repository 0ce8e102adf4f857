import { formatMetric } from "../../utils/format.js";
import { highlightClass } from "./highlight-class.js";
import type { SingleValueBars as Bars } from "./single-values.js";

interface Props {
  bars: Bars;
  /** The chart's height: more runs than fit scroll inside it (300 runs made a chart 6,000 px tall). */
  height: number;
  highlighted: string | undefined;
  onHighlight: (runId: string | undefined) => void;
}

/**
 * A metric each run logged once, one bar per run from zero, its value written beside it
 * (`single-values.ts` says when). Hovering a bar highlights the run, as a line does.
 */
export function SingleValueBars({ bars: { bars, zero }, height, highlighted, onHighlight }: Props) {
  return (
    <div className="rmc-bars" data-testid="single-value-bars" style={{ maxHeight: height }}>
      <p className="faint rmc-bars-note">Logged once per run: one bar each.</p>
      <ul className="rmc-bars-list" aria-label="Values">
        {bars.map((bar) => (
          <li
            key={bar.runId}
            data-testid="value-bar"
            data-run-id={bar.runId}
            data-value={bar.value}
            className={highlightClass(highlighted, bar.runId) || undefined}
            onMouseEnter={() => onHighlight(bar.runId)}
            onMouseLeave={() => onHighlight(undefined)}
          >
            <span className="rmc-bars-name" title={bar.runName}>
              {bar.runName}
            </span>
            <span className="rmc-bars-track" aria-hidden="true">
              {zero > 0 && zero < 1 && <span className="rmc-bars-zero" style={{ left: `${zero * 100}%` }} />}
              <span className="rmc-bars-bar" style={{ left: `${bar.from * 100}%`, width: `${(bar.to - bar.from) * 100}%`, background: bar.color }} />
            </span>
            <span className={bar.value === undefined ? "rmc-bars-value faint" : "rmc-bars-value"}>{bar.value === undefined ? "no value" : formatMetric(bar.value)}</span>
          </li>
        ))}
      </ul>
    </div>
  );
}
