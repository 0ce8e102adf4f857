import { isMarkerValue, type ChartPoint } from "./downsample-min-max.js";

/** The largest smoothing weight the server accepts and the UI offers. */
export const MAX_SMOOTHING = 0.99;

/**
 * A streaming debiased EMA: feed the values in series order, get each one's smoothed value. The
 * server smooths a long series in one pass with it (`store/sql/smoothed-sampler.ts`) and
 * `smoothEma` smooths points held in memory, so both give the same numbers.
 */
export function createEma(weight: number): (y: number) => number {
  if (!(weight > 0)) return (y) => y;
  const w = Math.min(weight, 0.999);
  let average = 0;
  let decay = 1;
  return (y) => {
    if (isMarkerValue(y)) return y;
    average = average * w + (1 - w) * y;
    decay *= w;
    return average / (1 - decay);
  };
}

/**
 * Debiased exponential moving average, as TensorBoard's and W&B's smoothing slider do:
 * `s ← w·s + (1 − w)·y`, shown as `s / (1 − w^k)` after k finite values, so the line starts at the
 * first value instead of climbing from 0. NaN and ±Infinity values (and ±DBL_MAX, MLflow's stored
 * infinity) pass through unchanged and leave the average untouched. `weight` is clamped to
 * [0, 0.999]; 0 returns the points as they are. Points keep every other property.
 */
export function smoothEma<P extends ChartPoint>(points: readonly P[], weight: number): P[] {
  if (!(weight > 0)) return points.slice();
  const ema = createEma(weight);
  return points.map((p) => (isMarkerValue(p.y) ? p : { ...p, y: ema(p.y) }));
}

/**
 * How many values before a range start make a smoothed value exact to `tolerance` (relative to the
 * series' scale): the older values' total weight is w^k. The server starts a zoomed, smoothed read
 * that many points early instead of at the start of a long series.
 */
export function emaWarmUp(weight: number, tolerance = 1e-9): number {
  if (!(weight > 0)) return 0;
  return Math.ceil(Math.log(tolerance) / Math.log(Math.min(weight, 0.999)));
}
