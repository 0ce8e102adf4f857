import { minMaxBucketOf, selectMinMax } from "../../core/charts/index.js";
import type { Metric } from "../../core/index.js";
import type { SummaryRow } from "./metric-summary-blocks.js";

interface Bucket {
  min: number | undefined;
  max: number | undefined;
  markerCount: number;
  markers: number[];
}

const NO_MARKERS: number[] = [];

/**
 * The candidate points of one summary read, held in typed arrays: a read offers ~4 points per
 * block (tens of thousands per request), so building a row object for each, as a generic bucket
 * would, is most of the read's time and garbage. Points are numbered for `selectMinMax`: 0 is
 * the first point, 1 the last, 2 + 2b and 3 + 2b bucket b's finite minimum and maximum, then the
 * markers (NaN, ±Infinity) in the order they are added.
 *
 * One table serves every series of a request (`reset` between them), so it is allocated once per
 * request; it is not shared across requests, which may interleave at their awaits.
 */
export class SampledPoints {
  private readonly step: Float64Array;
  private readonly timestamp: Float64Array;
  private readonly value: Float64Array;
  private readonly isNan: Float64Array;
  private readonly buckets: Bucket[];
  private markerEnd: number;
  private x0 = 0;
  private x1 = 0;

  /** `maxMarkers`: the most markers a series may add (a read with more goes the exact way). */
  constructor(
    readonly bucketTotal: number,
    private readonly maxMarkers: number,
  ) {
    const size = 2 + 2 * bucketTotal + maxMarkers;
    this.step = new Float64Array(size);
    this.timestamp = new Float64Array(size);
    this.value = new Float64Array(size);
    this.isNan = new Float64Array(size);
    this.buckets = Array.from({ length: bucketTotal }, (): Bucket => ({ min: undefined, max: undefined, markerCount: 0, markers: NO_MARKERS }));
    this.markerEnd = 2 + 2 * bucketTotal;
  }

  /** Starts a series whose first and last points (in series order) are given; buckets span their steps. */
  reset(first: SummaryRow, last: SummaryRow): void {
    this.set(0, first.step, first.timestamp, first.value, first.is_nan);
    this.set(1, last.step, last.timestamp, last.value, last.is_nan);
    this.x0 = first.step;
    this.x1 = last.step;
    this.step.fill(NaN, 2, 2 + 2 * this.bucketTotal);
    for (const b of this.buckets) {
      b.min = undefined;
      b.max = undefined;
      b.markerCount = 0;
      b.markers = NO_MARKERS;
    }
    this.markerEnd = 2 + 2 * this.bucketTotal;
  }

  /**
   * Offers a finite point to the bucket of its step. Points come in series order and comparisons
   * are strict, so the first point wins ties, as in downsampleMinMax.
   */
  offer(step: number, timestamp: number, value: number): void {
    const b = minMaxBucketOf(step, this.x0, this.x1, this.bucketTotal);
    const lo = 2 + 2 * b;
    if (Number.isNaN(this.step[lo]) || value < (this.value[lo] as number)) this.set(lo, step, timestamp, value, 0);
    const hi = lo + 1;
    if (Number.isNaN(this.step[hi]) || value > (this.value[hi] as number)) this.set(hi, step, timestamp, value, 0);
  }

  /** Adds a marker row to the bucket of its step; a bucket's markers must end up in series order (`sortMarkers`). */
  addMarker(r: SummaryRow): boolean {
    if (this.markerEnd >= this.step.length) return false;
    const i = this.markerEnd++;
    this.set(i, r.step, r.timestamp, r.value, r.is_nan);
    const bucket = this.buckets[minMaxBucketOf(r.step, this.x0, this.x1, this.bucketTotal)] as Bucket;
    if (bucket.markers === NO_MARKERS) bucket.markers = [];
    bucket.markers.push(i);
    bucket.markerCount++;
    return true;
  }

  /** The points `selectMinMax` keeps, in series order, as metrics of `key`. */
  select(maxPoints: number, key: string): Metric[] {
    for (let b = 0; b < this.bucketTotal; b++) {
      const bucket = this.buckets[b] as Bucket;
      const lo = 2 + 2 * b;
      if (!Number.isNaN(this.step[lo])) {
        bucket.min = lo;
        bucket.max = lo + 1;
      }
      if (bucket.markers.length > 1) bucket.markers.sort(this.compare);
    }
    const picked = selectMinMax<number>(0, 1, this.buckets, maxPoints, this.yOf, this.compare);
    const out = new Array<Metric>(picked.length);
    for (let k = 0; k < picked.length; k++) {
      const i = picked[k] as number;
      out[k] = { key, value: this.yOf(i), timestamp: this.timestamp[i] as number, step: this.step[i] as number };
    }
    return out;
  }

  /** How many more markers fit. */
  get markerRoom(): number {
    return this.maxMarkers - (this.markerEnd - 2 - 2 * this.bucketTotal);
  }

  private set(i: number, step: number, timestamp: number, value: number, isNan: number): void {
    this.step[i] = step;
    this.timestamp[i] = timestamp;
    this.value[i] = value;
    this.isNan[i] = isNan;
  }

  private readonly yOf = (i: number): number => (this.isNan[i] !== 0 ? NaN : (this.value[i] as number));

  /** Series order: (step, timestamp, value, is_nan); 0 only for the same row. */
  private readonly compare = (a: number, b: number): number =>
    (this.step[a] as number) - (this.step[b] as number) ||
    (this.timestamp[a] as number) - (this.timestamp[b] as number) ||
    (this.value[a] as number) - (this.value[b] as number) ||
    (this.isNan[a] as number) - (this.isNan[b] as number);
}
