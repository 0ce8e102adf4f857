/**
 * Log axes for the compare view's scatter and parallel coordinates. A sweep of `lr` over
 * 0.001, 0.003, 0.01, 0.03 on a linear axis leaves two thirds of it empty and presses three values
 * against the floor; on a log axis they are evenly spaced. So an all-positive field spanning a
 * decade or more is drawn on whichever scale leaves the smaller empty stretch between its values,
 * and a log axis says so.
 */

/** The share of the axis taken by the widest gap between neighbouring values (sorted, distinct). */
function widestGapShare(sorted: readonly number[]): number {
  const span = (sorted.at(-1) ?? 0) - (sorted[0] ?? 0);
  let widest = 0;
  for (let i = 1; i < sorted.length; i++) widest = Math.max(widest, (sorted[i] ?? 0) - (sorted[i - 1] ?? 0));
  return span > 0 ? widest / span : 1;
}

export function wantsLogScale(values: readonly number[]): boolean {
  if (!values.every((v) => v > 0 && Number.isFinite(v))) return false;
  const sorted = [...new Set(values)].sort((a, b) => a - b);
  if (sorted.length < 3 || (sorted.at(-1) ?? 0) / (sorted[0] ?? 1) < 10) return false;
  return widestGapShare(sorted.map(Math.log10)) < widestGapShare(sorted);
}

/** Where `v` sits between `min` and `max` on a log scale: 0 … 1 (0.5 when they are equal). */
export function logPosition(v: number, min: number, max: number): number {
  const lo = Math.log10(min);
  const span = Math.log10(max) - lo;
  return span > 0 ? (Math.log10(v) - lo) / span : 0.5;
}

/** 10^k written without float residue (1e-7, not 1.0000000000000001e-7). */
function power(k: number): number {
  return Number(`1e${k}`);
}

/**
 * Ticks inside [min, max]: the powers of ten, every n-th of them when there are more than `count`
 * + 1; where fewer than three powers fall inside, the 1-2-5 steps of each decade instead.
 */
export function logTicks(min: number, max: number, count = 5): number[] {
  if (!(min > 0) || !(max >= min) || !Number.isFinite(max)) return [];
  const first = Math.floor(Math.log10(min));
  const last = Math.ceil(Math.log10(max));
  const inside = (v: number) => v >= min * (1 - 1e-12) && v <= max * (1 + 1e-12);
  const decades: number[] = [];
  for (let k = first; k <= last; k++) if (inside(power(k))) decades.push(k);
  if (decades.length >= 3) {
    const every = Math.ceil(decades.length / (count + 1));
    return decades.filter((k) => (k - (decades[0] ?? 0)) % every === 0).map(power);
  }
  const ticks: number[] = [];
  for (let k = first; k <= last; k++) for (const m of [1, 2, 5]) if (inside(m * power(k))) ticks.push(Number((m * power(k)).toPrecision(1)));
  return ticks;
}

/** A scatter's log axis: the values' range with 5 % of its decades to spare on each side, and its ticks. */
export function paddedLogAxis(values: readonly number[], count = 5): { domain: [number, number]; ticks: number[] } {
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  const pad = 10 ** (Math.log10(hi / lo) * 0.05);
  const domain: [number, number] = [lo / pad, hi * pad];
  return { domain, ticks: logTicks(domain[0], domain[1], count) };
}
