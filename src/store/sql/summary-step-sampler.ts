import { sql as q, type SqlBool } from "kysely";
import { minMaxBucketCount, minMaxBucketOf, selectMinMax } from "../../core/charts/index.js";
import { blockSizeOf, F, isMarkerRow, LEVEL_COUNT, PageView, type SummaryRow } from "./metric-summary-blocks.js";
import { MetricSummaryCache, type SeriesSummary } from "./metric-summary-cache.js";
import { DOUBLE_MAX } from "./row-mappers.js";
import { sqlText } from "./sql-executor.js";
import type { StoreContext } from "./store-context.js";

export interface StepPlan {
  runId: string;
  key: string;
  budget: number;
  /** Inclusive step bounds. */
  min?: number | undefined;
  max?: number | undefined;
}

/**
 * A level is used when a bucket spans at least this many of its blocks. More would cut fewer blocks
 * at bucket edges but read more: a 10k-point series at 1,000 points has 20 points per bucket.
 */
const BLOCKS_PER_BUCKET = 2;
/** `markerRows` as SQL text (one statement per block range holding markers; see `sqlText`). */
const MARKER_ROWS = `SELECT step, timestamp, value, is_nan FROM metrics WHERE run_uuid = ? AND key = ?
  AND (step, timestamp, value, is_nan) >= (?, ?, ?, ?) AND (step, timestamp, value, is_nan) <= (?, ?, ?, ?)
  AND (is_nan != 0 OR value >= ? OR value <= ?) ORDER BY step, timestamp, value, is_nan`;
/** Series whose count is remembered (a few dozen bytes each); past it the memo starts over. */
const MAX_REMEMBERED_COUNTS = 100_000;

interface Bucket {
  min?: SummaryRow | undefined;
  max?: SummaryRow | undefined;
  markerCount: number;
  markers: SummaryRow[];
}

const yOf = (r: SummaryRow): number => (r.is_nan ? NaN : r.value);
const byStep = (a: SummaryRow, b: SummaryRow): number => a.step - b.step || a.timestamp - b.timestamp || a.value - b.value || a.is_nan - b.is_nan;
const tuple = (r: SummaryRow): readonly [number, number, number, number] => [r.step, r.timestamp, r.value, r.is_nan];

/**
 * The x = step sampled read from the summary cache (metric-summary-cache.ts): the cost is the
 * number of blocks read, O(max_points × BLOCKS_PER_BUCKET), whatever the series length.
 *
 * Each block's min and max point goes to the bucket holding that point's own step, then every
 * bucket keeps its min and max (`selectMinMax`) as in `downsampleMinMax`. That keeps every spike
 * and dip (a series' extreme is its block's extreme, so it is always a candidate of its own
 * bucket) but is an approximation where a block straddles a bucket edge: the bucket on one side
 * sees only the block's extremes, so its own local extreme inside that block may be replaced by
 * the next one among its other blocks. With ≥ 2 blocks per bucket that touches at most one block
 * per bucket edge. Exact parts: the first and last point, every NaN/±Infinity marker
 * (read as raw rows from the blocks that count any), and at a range's edges the rows of the
 * blocks cut by min_x/max_x (read raw). Returns undefined when no level is fine enough for the
 * budget or markers outnumber the buckets; the caller then takes the exact per-bucket path.
 */
export class SummaryStepSampler {
  readonly cache: MetricSummaryCache;
  private readonly counts = new Map<string, { count: number; version: number; generation: number }>();
  constructor(private readonly ctx: StoreContext) {
    this.cache = new MetricSummaryCache(ctx);
  }

  /** `seriesCount`: the series' `count(*)` when the caller has it. */
  async sample(p: StepPlan, first: SummaryRow, last: SummaryRow, seriesCount?: number): Promise<{ rows: SummaryRow[]; total: number } | undefined> {
    const bucketTotal = minMaxBucketCount(p.budget);
    const n = seriesCount ?? (await this.count(p));
    if (n === 0) return undefined;
    // Points in the range, estimated from the steps it spans, to size blocks to buckets.
    const ranged = p.min !== undefined || p.max !== undefined;
    const span = ranged ? await this.seriesSpan(p) : undefined;
    const estimate = span && span[1] > span[0] ? Math.min(n, (n * (last.step - first.step + 1)) / (span[1] - span[0] + 1)) : n;
    let level = -1;
    for (let k = 0; k < LEVEL_COUNT && blockSizeOf(k) * BLOCKS_PER_BUCKET * bucketTotal <= estimate; k++) level = k;
    if (level < 0) return undefined;
    const summary = await this.cache.fresh(p.runId, p.key, n);
    return this.fromLevel(p, first, last, level, summary, bucketTotal);
  }

  private async fromLevel(p: StepPlan, first: SummaryRow, last: SummaryRow, level: number, summary: SeriesSummary, bucketTotal: number) {
    const pages = (await this.cache.pages(p.runId, p.key, level, p.min, p.max)).map((page) => new PageView(page.blocks));
    if (pages.length === 0 || summary.point_count === 0) return undefined;
    const lo = p.min ?? -Infinity;
    const hi = p.max ?? Infinity;
    const buckets: Bucket[] = Array.from({ length: bucketTotal }, () => ({ markerCount: 0, markers: [] }));
    const bucketOf = (r: SummaryRow): Bucket => buckets[minMaxBucketOf(r.step, first.step, last.step, bucketTotal)] as Bucket;
    // In series order, strict comparisons: the first point wins ties, as in downsampleMinMax.
    const offer = (b: Bucket, r: SummaryRow): void => {
      if (b.min === undefined || r.value < b.min.value) b.min = r;
      if (b.max === undefined || r.value > b.max.value) b.max = r;
    };
    // `offer` for a stored point (step, timestamp, value at `base`), without building a row unless it wins.
    const offerAt = (page: PageView, block: number, base: number, isNan: number): void => {
      const value = page.get(block, base + 2);
      if (isNan !== 0 || Math.abs(value) >= DOUBLE_MAX) return;
      const step = page.get(block, base);
      const b = buckets[minMaxBucketOf(step, first.step, last.step, bucketTotal)] as Bucket;
      const lower = b.min === undefined || value < b.min.value;
      const higher = b.max === undefined || value > b.max.value;
      if (!lower && !higher) return;
      const r: SummaryRow = { step, timestamp: page.get(block, base + 1), value, is_nan: 0 };
      if (lower) b.min = r;
      if (higher) b.max = r;
    };
    let total = 0;
    let markers = 0;
    const rawRow = (r: SummaryRow): void => {
      total++;
      const b = bucketOf(r);
      if (isMarkerRow(r)) {
        b.markers.push(r);
        markers++;
      } else offer(b, r);
    };

    const dirty: [SummaryRow, SummaryRow][] = [];
    // Blocks wholly inside the range; the ones an edge cuts, or outside it, are read raw below.
    const isInside = (page: PageView, i: number): boolean => !(page.get(i, F.firstStep) < lo || page.get(i, F.lastStep) > hi);
    let firstInside: SummaryRow | undefined;
    let lastInside: SummaryRow | undefined;
    for (let k = 0; k < pages.length && !firstInside; k++) {
      const page = pages[k] as PageView;
      for (let i = 0; i < page.length && !firstInside; i++) if (isInside(page, i)) firstInside = page.row(i, "first");
    }
    for (let k = pages.length - 1; k >= 0 && !lastInside; k--) {
      const page = pages[k] as PageView;
      for (let i = page.length - 1; i >= 0 && !lastInside; i--) if (isInside(page, i)) lastInside = page.row(i, "last");
    }
    if (!firstInside || !lastInside) return undefined;
    // Rows of the range before the first whole block (a cut block), in order.
    if (p.min !== undefined) for (const r of await this.rawRows(p, undefined, firstInside)) rawRow(r);
    for (const page of pages) {
      for (let block = 0; block < page.length; block++) {
        if (!isInside(page, block)) continue;
        total += page.get(block, F.count);
        const blockMarkers = page.get(block, F.markers);
        if (blockMarkers > 0) {
          markers += blockMarkers;
          const range: [SummaryRow, SummaryRow] = [page.row(block, "first"), page.row(block, "last")];
          const previous = dirty[dirty.length - 1];
          // Adjacent dirty blocks are read as one range.
          if (previous && block > 0 && byStep(previous[1], page.row(block - 1, "last")) === 0) previous[1] = range[1];
          else dirty.push(range);
        }
        // The block's first and last rows are candidates too: on a trend, the extreme of a bucket cut
        // through this block lies near the cut, and the block edge nearest it beats a farther block.
        // In row order (first, min, max, last), so equal values keep the earliest row.
        offerAt(page, block, F.firstStep, page.get(block, F.firstIsNan));
        if (!Number.isNaN(page.get(block, F.minStep))) {
          offerAt(page, block, F.minStep, 0);
          offerAt(page, block, F.maxStep, 0);
        }
        offerAt(page, block, F.lastStep, page.get(block, F.lastIsNan));
      }
    }
    if (p.max !== undefined) for (const r of await this.rawRows(p, lastInside, undefined)) rawRow(r);
    // Too many markers to keep them all: the exact path keeps each bucket's first one.
    if (markers > bucketTotal) return undefined;
    for (const [from, to] of dirty) for (const r of await this.markerRows(p, from, to)) bucketOf(r).markers.push(r);
    for (const b of buckets) {
      if (b.markers.length > 1) b.markers.sort(byStep);
      b.markerCount = b.markers.length;
    }
    return { rows: selectMinMax<SummaryRow>(first, last, buckets, p.budget, yOf, byStep), total };
  }

  /**
   * The series' current point count: the freshness key of its summary. Counting scans the series'
   * index range (~1 ms per 10k points), so a count is remembered with the database's foreign-write
   * version and the run's own-write generation taken before it, and reused while neither moved:
   * no commit since can have added or removed a row. Metrics rows are insert-only, so a write by
   * any connection (MLflow included) moves one of the two.
   */
  async count(p: Pick<StepPlan, "runId" | "key">): Promise<number> {
    const { sql, metricWrites } = this.ctx;
    const version = sql.foreignWriteVersion?.();
    const generation = metricWrites.generation(p.runId);
    const id = `${p.runId}\u0000${p.key}`;
    const known = this.counts.get(id);
    if (version !== undefined && known?.version === version && known.generation === generation) return known.count;
    const row = await sql.first(sqlText<{ n: number }>("SELECT count(*) AS n FROM metrics WHERE run_uuid = ? AND key = ?", [p.runId, p.key]));
    const count = Number(row?.n ?? 0);
    if (version !== undefined) {
      if (this.counts.size >= MAX_REMEMBERED_COUNTS) this.counts.clear();
      this.counts.set(id, { count, version, generation });
    }
    return count;
  }

  private async seriesSpan(p: StepPlan): Promise<[number, number] | undefined> {
    const { sql } = this.ctx;
    const end = (direction: "asc" | "desc") =>
      sql.first(sql.db.selectFrom("metrics").select("step").where("run_uuid", "=", p.runId).where("key", "=", p.key).orderBy("step", direction).limit(1));
    const [a, b] = [await end("asc"), await end("desc")];
    return a && b ? [Number(a.step), Number(b.step)] : undefined;
  }

  /** The series' raw rows in (step, timestamp, value, is_nan) order, the order its blocks were cut in. */
  private seriesRows(p: StepPlan) {
    const { sql } = this.ctx;
    return sql.db
      .selectFrom("metrics")
      .select(["step", "timestamp", "value", "is_nan"])
      .where("run_uuid", "=", p.runId)
      .where("key", "=", p.key)
      .orderBy("step")
      .orderBy("timestamp")
      .orderBy("value")
      .orderBy("is_nan");
  }

  /** Raw rows inside the step range strictly before `before` or strictly after `after`, in order. */
  private rawRows(p: StepPlan, after: SummaryRow | undefined, before: SummaryRow | undefined): Promise<SummaryRow[]> {
    return this.ctx.sql.all(
      this.seriesRows(p)
        .$if(p.min !== undefined, (b) => b.where("step", ">=", p.min as number))
        .$if(p.max !== undefined, (b) => b.where("step", "<=", p.max as number))
        .$if(after !== undefined, (b) => b.where(q<SqlBool>`(step, timestamp, value, is_nan) > (${q.join(tuple(after as SummaryRow))})`))
        .$if(before !== undefined, (b) => b.where(q<SqlBool>`(step, timestamp, value, is_nan) < (${q.join(tuple(before as SummaryRow))})`)),
    );
  }

  /** The NaN/±Infinity rows between two rows of the series (inclusive), in order. */
  private markerRows(p: StepPlan, from: SummaryRow, to: SummaryRow): Promise<SummaryRow[]> {
    return this.ctx.sql.all(sqlText<SummaryRow>(MARKER_ROWS, [p.runId, p.key, ...tuple(from), ...tuple(to), DOUBLE_MAX, -DOUBLE_MAX]));
  }
}
