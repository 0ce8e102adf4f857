import { isMarkerValue, keepsEveryMarker, minMaxBucketCount, minMaxBucketOf, selectMinMax } from "./downsample-min-max.js";

interface Bucket<P> {
  min?: P | undefined;
  max?: P | undefined;
  markerCount: number;
  markers: P[];
}

export interface MinMaxAccumulatorOptions<P> {
  /** The x-range of the grid: the first and last x of the points that will be pushed. */
  readonly x0: number;
  readonly x1: number;
  readonly maxPoints: number;
  readonly xOf: (p: P) => number;
  readonly yOf: (p: P) => number;
  /** The series order (0 only for the same point); points may be pushed in another order. */
  readonly compare: (a: P, b: P) => number;
}

/**
 * `downsampleMinMax` over a stream: points are pushed one at a time and only the per-bucket
 * summaries are held (O(max_points) memory, whatever the series length), then `result()` gives
 * exactly what `downsampleMinMax` would have picked from the whole series. Used by the server for
 * values it computes while streaming (the smoothed series), which SQL cannot aggregate.
 */
export class MinMaxAccumulator<P> {
  private readonly buckets: Bucket<P>[];
  private readonly budget: number;
  private totalMarkers = 0;
  private first: P | undefined;
  private last: P | undefined;
  /** Every point while there are at most `budget` of them (then the series is returned whole). */
  private whole: P[] | undefined = [];
  count = 0;

  constructor(private readonly o: MinMaxAccumulatorOptions<P>) {
    this.budget = Math.floor(o.maxPoints);
    this.buckets = Array.from({ length: minMaxBucketCount(this.budget) }, () => ({ markerCount: 0, markers: [] }));
  }

  push(p: P): void {
    const { compare, yOf } = this.o;
    this.count++;
    if (this.first === undefined || compare(p, this.first) < 0) this.first = p;
    if (this.last === undefined || compare(p, this.last) > 0) this.last = p;
    if (this.whole) {
      if (this.whole.length < this.budget) this.whole.push(p);
      else this.whole = undefined;
    }
    const bucket = this.buckets[minMaxBucketOf(this.o.xOf(p), this.o.x0, this.o.x1, this.buckets.length)] as Bucket<P>;
    const y = yOf(p);
    if (isMarkerValue(y)) return this.pushMarker(bucket, p);
    // The first point (in series order) wins ties, as in downsampleMinMax.
    const { min, max } = bucket;
    if (min === undefined || y < yOf(min) || (y === yOf(min) && compare(p, min) < 0)) bucket.min = p;
    if (max === undefined || y > yOf(max) || (y === yOf(max) && compare(p, max) < 0)) bucket.max = p;
  }

  private pushMarker(bucket: Bucket<P>, p: P): void {
    const { compare } = this.o;
    bucket.markerCount++;
    this.totalMarkers++;
    if (keepsEveryMarker(this.totalMarkers, this.buckets.length)) {
      bucket.markers.push(p);
      return;
    }
    // Too many to keep them all: from now on each bucket holds only its first marker.
    if (this.totalMarkers === this.buckets.length + 1) {
      for (const b of this.buckets) if (b.markers.length > 1) b.markers = [b.markers.reduce((a, m) => (compare(m, a) < 0 ? m : a))];
    }
    const held = bucket.markers[0];
    if (held === undefined || compare(p, held) < 0) bucket.markers = [p];
  }

  /** The picked points, in series order. */
  result(): P[] {
    const { compare } = this.o;
    if (this.budget < 1 || this.first === undefined || this.last === undefined) return [];
    if (this.whole) return this.whole.sort(compare);
    for (const b of this.buckets) if (b.markers.length > 1) b.markers.sort(compare);
    return selectMinMax(this.first, this.last, this.buckets, this.budget, this.o.yOf, compare);
  }
}
