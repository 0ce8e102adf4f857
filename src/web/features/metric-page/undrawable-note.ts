import type { ChartYScale } from "./chart-settings.js";
import type { PlotSeries } from "./chart-series.js";

/**
 * Why a chart with points has no line to draw, or undefined when it has one: every value is NaN or
 * infinite (drawn as markers only), or, on a log scale, ≤ 0. Said on the chart, so markers on an
 * axis that has no data of its own are not taken for a broken chart.
 */
export function undrawableNote(series: readonly PlotSeries[], yScale: ChartYScale): string | undefined {
  let nan = 0;
  let infinite = 0;
  let offScale = 0;
  for (const s of series) {
    for (const y of s.points.y) if (!Number.isNaN(y)) return undefined;
    for (const m of s.markers) {
      if (Number.isNaN(m.raw)) nan++;
      else infinite++;
    }
    offScale += s.offScale;
  }
  if (offScale > 0 && yScale === "log") return nan + infinite > 0 ? "No value > 0 to draw on a log scale; the others are NaN or infinite" : "No value > 0 to draw on a log scale";
  if (nan > 0 && infinite > 0) return "All values are NaN or infinite";
  if (nan > 0) return "All values are NaN";
  if (infinite > 0) return "All values are infinite";
  return undefined;
}

/** The y-range of a chart that has markers but no line (`undrawableNote`): any will do, so a plain one. */
export const UNDRAWABLE_Y_RANGE: Record<ChartYScale, [number, number]> = { linear: [0, 1], log: [1, 10] };
