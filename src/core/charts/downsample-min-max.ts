/**
 * Min/max downsampling for metric charts: a budget of N points per series that never hides a
 * spike, a dip or a NaN/±Infinity value, unlike MLflow's evenly strided 320 points (perf-anchors
 * §3.2, §3.7). The rule, shared by the server (which computes the per-bucket summaries in SQL,
 * `store/sql/metric-sampler.ts`) and the web UI (which calls `downsampleMinMax` on points it holds):
 *
 * 1. A series of at most N points is returned whole.
 * 2. Otherwise the x-range [first.x, last.x] is cut into B = max(1, ⌊(N − 2) / 2⌋) buckets of
 *    equal width (`minMaxBucketOf`). Each bucket knows its finite minimum and maximum (the first
 *    such point on ties) and its "markers": points whose y is NaN or ±Infinity. MLflow stores
 *    ±Infinity as ±DBL_MAX, so ±DBL_MAX counts as infinite too.
 * 3. The first and last points are always kept. Every marker is kept when there are at most B of
 *    them; otherwise the first marker of each bucket that has any.
 * 4. The remaining budget R = N − 2 − markers holds ⌊R / 2⌋ min/max pairs. When that is fewer than
 *    B, neighbouring buckets are merged into ⌊R / 2⌋ groups (one or more buckets each), so a few
 *    markers cost a little resolution, not half of it. With room for a single point only, the
 *    finite extreme farthest from the first (else last) value is kept.
 * 5. The result is a subset of the input, in input order, without duplicates: at most N points,
 *    the same output for the same input.
 *
 * Pure: no framework or Node imports (it also runs in the browser).
 */

/** A chart point: `y` may be NaN or ±Infinity. */
export interface ChartPoint {
  readonly x: number;
  readonly y: number;
}

/** True for the values drawn as markers: NaN, ±Infinity and ±DBL_MAX (how MLflow stores ±Infinity). */
export function isMarkerValue(y: number): boolean {
  return Number.isNaN(y) || Math.abs(y) >= Number.MAX_VALUE;
}

/** The number of buckets of the grid for a budget of `maxPoints` (≥ 3). */
export function minMaxBucketCount(maxPoints: number): number {
  return Math.max(1, Math.floor((maxPoints - 2) / 2));
}

/**
 * The bucket of `x` on a grid of `buckets` equal-width buckets over [x0, x1]: ⌊(x − x0)·B / (x1 − x0)⌋,
 * clamped to [0, B − 1]. The server evaluates the same IEEE-754 operations in the same order in SQL.
 */
export function minMaxBucketOf(x: number, x0: number, x1: number, buckets: number): number {
  if (!(x1 > x0)) return 0;
  const bucket = Math.floor(((x - x0) * buckets) / (x1 - x0));
  return bucket < 0 ? 0 : bucket >= buckets ? buckets - 1 : bucket;
}

/**
 * For integer x (steps, timestamps): the smallest integer x ≥ x0 in bucket `index` or later, so
 * bucket i holds exactly the integers in [start(i), start(i + 1)). start(B) is x1 + 1.
 */
export function minMaxBucketStart(index: number, x0: number, x1: number, buckets: number): number {
  if (index <= 0) return x0;
  if (index >= buckets || !(x1 > x0)) return x1 + 1;
  // The estimate is within a step or two of the answer; walk to it (bucketOf is non-decreasing in x).
  let x = Math.min(x1, x0 + Math.ceil((index * (x1 - x0)) / buckets));
  for (let i = 0; i < 8 && x > x0 && minMaxBucketOf(x - 1, x0, x1, buckets) >= index; i++) x--;
  for (let i = 0; i < 8 && minMaxBucketOf(x, x0, x1, buckets) < index; i++) x++;
  return x;
}

/** What the selection needs to know about one bucket. */
export interface MinMaxBucket<P> {
  /** The finite point with the smallest y (the first one on ties), if the bucket has one. */
  readonly min?: P | undefined;
  /** The finite point with the largest y (the first one on ties). */
  readonly max?: P | undefined;
  /** How many marker points (NaN, ±Infinity) the bucket holds. */
  readonly markerCount: number;
  /**
   * The bucket's markers in order: all of them when the series has at most `buckets.length`
   * markers in total (`keepsEveryMarker`), otherwise at least the first one.
   */
  readonly markers: readonly P[];
}

/** Whether every marker of a series fits the budget (else only each bucket's first is kept). */
export function keepsEveryMarker(totalMarkers: number, buckets: number): boolean {
  return totalMarkers <= buckets;
}

/** The first smallest `min` (or largest `max`) of buckets [from, to). */
function extremeOf<P>(buckets: readonly MinMaxBucket<P>[], from: number, to: number, yOf: (p: P) => number, wantMax: boolean): P | undefined {
  let best: P | undefined;
  for (let b = from; b < to; b++) {
    const bucket = buckets[b] as MinMaxBucket<P>;
    const p = wantMax ? bucket.max : bucket.min;
    if (p === undefined) continue;
    if (best === undefined || (wantMax ? yOf(p) > yOf(best) : yOf(p) < yOf(best))) best = p;
  }
  return best;
}

/**
 * Steps 3 to 5 of the rule, over bucket summaries (computed in memory by `downsampleMinMax`, in
 * SQL by the server). `compare` orders points as the input is ordered (0 only for the same point).
 */
export function selectMinMax<P>(
  first: P,
  last: P,
  buckets: readonly MinMaxBucket<P>[],
  maxPoints: number,
  yOf: (p: P) => number,
  compare: (a: P, b: P) => number,
): P[] {
  if (maxPoints < 3) return maxPoints < 1 ? [] : maxPoints < 2 || compare(first, last) === 0 ? [first] : [first, last];
  const bucketTotal = buckets.length;
  const totalMarkers = buckets.reduce((sum, b) => sum + b.markerCount, 0);
  const keepAll = keepsEveryMarker(totalMarkers, bucketTotal);
  // Never more markers than counted, so the budget holds even if a caller's lists disagree.
  const taken = buckets.map((b) => (keepAll ? Math.min(b.markerCount, b.markers.length) : Math.min(1, b.markerCount, b.markers.length)));
  const room = maxPoints - 2 - taken.reduce((sum, n) => sum + n, 0);
  const groups = Math.floor(room / 2);

  // Buckets are in x order, so the output is built in order: per group its markers, min and max
  // (sorted among themselves), between the first and the last point; equal neighbours are one point.
  const out: P[] = [first];
  const emit = (local: P[]): void => {
    if (local.length > 1) local.sort(compare);
    for (const p of local) if (compare(out[out.length - 1] as P, p) !== 0) out.push(p);
  };
  const markersOf = (from: number, to: number, into: P[]): void => {
    for (let b = from; b < to; b++) for (let k = 0; k < (taken[b] as number); k++) into.push((buckets[b] as MinMaxBucket<P>).markers[k] as P);
  };
  if (groups >= 1) {
    const groupCount = Math.min(groups, bucketTotal);
    for (let g = 0; g < groupCount; g++) {
      const from = Math.floor((g * bucketTotal) / groupCount);
      const to = Math.floor(((g + 1) * bucketTotal) / groupCount);
      const local: P[] = [];
      markersOf(from, to, local);
      const min = extremeOf(buckets, from, to, yOf, false);
      const max = extremeOf(buckets, from, to, yOf, true);
      if (min !== undefined) local.push(min);
      if (max !== undefined && max !== min) local.push(max);
      emit(local);
    }
  } else {
    const local: P[] = [];
    markersOf(0, bucketTotal, local);
    if (room >= 1) {
      // Room for one point only: the finite extreme farthest from the first (else last) value.
      const min = extremeOf(buckets, 0, bucketTotal, yOf, false);
      const max = extremeOf(buckets, 0, bucketTotal, yOf, true);
      const firstY = yOf(first);
      const lastY = yOf(last);
      const ref = !isMarkerValue(firstY) ? firstY : !isMarkerValue(lastY) ? lastY : undefined;
      const extreme = min === undefined || max === undefined || ref === undefined ? (max ?? min) : Math.abs(yOf(max) - ref) >= Math.abs(yOf(min) - ref) ? max : min;
      if (extreme !== undefined) local.push(extreme);
    }
    emit(local);
  }
  emit([last]);
  return out;
}

/**
 * At most `maxPoints` points of `points` (sorted by x) that keep the first and last points, every
 * bucket's minimum and maximum and every NaN/±Infinity point (see the rule above).
 */
export function downsampleMinMax<P extends ChartPoint>(points: readonly P[], maxPoints: number): P[] {
  const budget = Math.floor(maxPoints);
  if (!(budget >= 1)) return [];
  if (points.length <= budget) return points.slice();
  const first = points[0] as P;
  const last = points[points.length - 1] as P;
  if (budget === 1) return [first];
  if (budget === 2) return [first, last];
  const bucketTotal = minMaxBucketCount(budget);
  const mins: (number | undefined)[] = new Array<number | undefined>(bucketTotal).fill(undefined);
  const maxs: (number | undefined)[] = new Array<number | undefined>(bucketTotal).fill(undefined);
  const markers: number[][] = Array.from({ length: bucketTotal }, () => []);
  for (let i = 0; i < points.length; i++) {
    const { x, y } = points[i] as P;
    const b = minMaxBucketOf(x, first.x, last.x, bucketTotal);
    if (isMarkerValue(y)) {
      (markers[b] as number[]).push(i);
      continue;
    }
    const min = mins[b];
    if (min === undefined || y < (points[min] as P).y) mins[b] = i;
    const max = maxs[b];
    if (max === undefined || y > (points[max] as P).y) maxs[b] = i;
  }
  const buckets: MinMaxBucket<number>[] = markers.map((list, b) => ({ min: mins[b], max: maxs[b], markerCount: list.length, markers: list }));
  const picked = selectMinMax(0, points.length - 1, buckets, budget, (i) => (points[i] as P).y, (a, b) => a - b);
  return picked.map((i) => points[i] as P);
}
