import { formatMetric } from "../../utils/format.js";
import type { ChartXAxis } from "./chart-settings.js";
import { formatX, X_AXIS_LABEL } from "./chart-series.js";
import type { HoverState } from "./chart-interaction.js";

const MAX_ROWS = 10;

/**
 * The values at the hovered x: per run that has a point there its logged value, and the smoothed
 * value beside it when smoothing is on. The highlighted run comes first; at most ten rows. Nothing
 * where no run has a point.
 */
export function ChartTooltip({ hover, xAxis, smoothing, highlighted, width }: { hover: HoverState; xAxis: ChartXAxis; smoothing: boolean; highlighted: string | undefined; width: number }) {
  if (hover.rows.length === 0) return null;
  const rows = [...hover.rows].sort(
    (a, b) => Number(b.series.runId === highlighted) - Number(a.series.runId === highlighted) || (b.point.y ?? -Infinity) - (a.point.y ?? -Infinity),
  );
  const shown = rows.slice(0, MAX_ROWS);
  // The x of the nearest drawn point, not of the pointer: a step, a logged time.
  const x = rows.reduce((best, r) => (Math.abs(r.point.x - hover.x) < Math.abs(best - hover.x) ? r.point.x : best), rows[0]?.point.x ?? hover.x);
  // Flip to the pointer's left in the right half, so the tooltip never leaves the chart.
  const style = hover.left > width / 2 ? { right: width - hover.left + 14, top: hover.top + 12 } : { left: hover.left + 14, top: hover.top + 12 };
  return (
    <div className="tooltip-panel rmc-tooltip" role="tooltip" data-testid="chart-tooltip" style={style}>
      <div className="rmc-tooltip-x">
        {X_AXIS_LABEL[xAxis]} {formatX(x, xAxis)}
      </div>
      <table>
        {smoothing && (
          <thead>
            <tr>
              <th />
              <th>value</th>
              <th>smoothed</th>
            </tr>
          </thead>
        )}
        <tbody>
          {shown.map(({ series, point }) => (
            <tr key={series.runId} className={series.runId === highlighted ? "is-highlighted" : undefined}>
              <th scope="row">
                <span className="rmc-swatch" style={{ background: series.color }} />
                {series.runName}
                {xAxis !== "step" && <span className="faint"> · step {point.step}</span>}
              </th>
              <td className="mono">{formatMetric(point.raw)}</td>
              {smoothing && <td className="mono">{point.smoothed === undefined ? "" : formatMetric(point.smoothed)}</td>}
            </tr>
          ))}
        </tbody>
      </table>
      {rows.length > shown.length && <div className="faint">+{rows.length - shown.length} more runs</div>}
    </div>
  );
}
