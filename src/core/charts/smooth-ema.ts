import { isMarkerValue, type ChartPoint } from "./downsample-min-max.js";

/**
 * Debiased exponential moving average, as TensorBoard's and W&B's smoothing slider do:
 * `s ← w·s + (1 − w)·y`, shown as `s / (1 − w^k)` after k finite values, so the line starts at the
 * first value instead of climbing from 0. NaN and ±Infinity values (and ±DBL_MAX, MLflow's stored
 * infinity) pass through unchanged and leave the average untouched. `weight` is clamped to
 * [0, 0.999]; 0 returns the points as they are. Points keep every other property.
 */
export function smoothEma<P extends ChartPoint>(points: readonly P[], weight: number): P[] {
  if (!(weight > 0)) return points.slice();
  const w = Math.min(weight, 0.999);
  let average = 0;
  let decay = 1;
  return points.map((p) => {
    if (isMarkerValue(p.y)) return p;
    average = average * w + (1 - w) * p.y;
    decay *= w;
    return { ...p, y: average / (1 - decay) };
  });
}
