import { formatMetric } from "../../utils/format.js";
import { rampGradient } from "./parallel-axes.js";

interface Props {
  /** The colouring metric's name and range, when there is one. */
  metric: { label: string; min: number; max: number } | undefined;
  /** Some run is drawn dashed over an axis: the key says what the dashes mean. */
  showsBridges: boolean;
  /** The hovered run's name and its value of the metric (undefined: it has none). */
  hovered: { name: string; value: number | undefined } | undefined;
}

/** The colour ramp, the key to the dashed lines, and the name of the run under the mouse. */
export function ParallelLegend({ metric, showsBridges, hovered }: Props) {
  return (
    <div className="parallel-legend">
      {metric && (
        <>
          <span className="muted">Colour: {metric.label}</span>
          <span className="mono">{formatMetric(metric.min)}</span>
          <span className="parallel-ramp" style={{ background: rampGradient() }} aria-hidden="true" />
          <span className="mono">{formatMetric(metric.max)}</span>
        </>
      )}
      {showsBridges && (
        <span className="parallel-key muted" data-testid="parallel-bridge-key">
          <svg width="22" height="8" aria-hidden="true">
            <line x1="1" y1="4" x2="21" y2="4" />
          </svg>
          skips an axis the run has no value on (n/a)
        </span>
      )}
      {hovered && (
        <span className="parallel-hovered" data-testid="parallel-hovered">
          {hovered.name}
          {metric && ` · ${metric.label} ${hovered.value === undefined ? "n/a" : formatMetric(hovered.value)}`}
        </span>
      )}
    </div>
  );
}
