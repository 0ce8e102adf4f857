import { sql as q, type SqlBool } from "kysely";
import type { Metric } from "../../core/index.js";
import { BLOCK_FIELDS, blockSizeOf, F, isMarkerRow, LEVEL_COUNT, type PageView, type SummaryRow } from "./metric-summary-blocks.js";
import { MetricSummaryCache } from "./metric-summary-cache.js";
import { DOUBLE_MAX } from "./row-mappers.js";
import type { SampledPoints } from "./sampled-points.js";
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
export interface SummarySample {
  metrics: Metric[];
  total: number;
}

/** Offers the stored point at `d[at..at + 2]` (step, timestamp, value) unless it is a marker. */
function offerStored(points: SampledPoints, d: Float64Array, at: number, isNan: number): void {
  const value = d[at + 2] as number;
  if (isNan === 0 && Math.abs(value) < DOUBLE_MAX) points.offer(d[at] as number, d[at + 1] as number, value);
}

/** Series whose count is remembered (a few dozen bytes each); past it the memo starts over. */
const MAX_REMEMBERED_COUNTS = 100_000;

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

  /**
   * `ends`: the range's first and last rows, when the plan has a range; without one the summary
   * gives the series' own. `seriesCount`: the series' `count(*)` when the caller has it. `points`:
   * the request's candidate table (its bucket count is the budget's). `writeVersion`: see `count`.
   */
  async sample(
    p: StepPlan,
    ends: readonly [SummaryRow, SummaryRow] | undefined,
    points: SampledPoints,
    seriesCount: number | undefined,
    writeVersion: number | undefined,
  ): Promise<SummarySample | undefined> {
    const bucketTotal = points.bucketTotal;
    const n = seriesCount ?? (await this.count(p, writeVersion));
    if (n === 0) return undefined;
    // Points in the range, estimated from the steps it spans, to size blocks to buckets.
    const span = ends ? await this.seriesSpan(p) : undefined;
    const estimate = ends && span && span[1] > span[0] ? Math.min(n, (n * (ends[1].step - ends[0].step + 1)) / (span[1] - span[0] + 1)) : n;
    let level = -1;
    for (let k = 0; k < LEVEL_COUNT && blockSizeOf(k) * BLOCKS_PER_BUCKET * bucketTotal <= estimate; k++) level = k;
    if (level < 0) return undefined;
    const read = await this.cache.levelPages(p.runId, p.key, n, level, p.min, p.max);
    return read && read.pages.length > 0 ? this.fromLevel(p, ends, read.pages, read.pointCount, points) : undefined;
  }

  private async fromLevel(p: StepPlan, ends: readonly [SummaryRow, SummaryRow] | undefined, pages: readonly PageView[], pointCount: number, points: SampledPoints): Promise<SummarySample | undefined> {
    const lo = p.min ?? -Infinity;
    const hi = p.max ?? Infinity;
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
    // Without a range the first and last whole blocks are the series' own ends.
    const [first, last] = ends ?? [firstInside, lastInside];
    points.reset(first, last);
    const bucketTotal = points.bucketTotal;
    let total = 0;
    let markers = 0;
    let lost = false;
    const rawRow = (r: SummaryRow): void => {
      total++;
      if (!isMarkerRow(r)) points.offer(r.step, r.timestamp, r.value);
      else {
        markers++;
        // The table holds `bucketTotal` markers: past that the read gives up below anyway.
        if (!points.addMarker(r)) lost = true;
      }
    };

    const dirty: [SummaryRow, SummaryRow][] = [];
    // Rows of the range before the first whole block (a cut block), in order.
    if (p.min !== undefined) for (const r of await this.rawRows(p, undefined, firstInside)) rawRow(r);
    for (const page of pages) {
      const d = page.doubles;
      for (let block = 0, o = 0; block < page.length; block++, o += BLOCK_FIELDS) {
        if ((d[o + F.firstStep] as number) < lo || (d[o + F.lastStep] as number) > hi) continue;
        total += d[o + F.count] as number;
        const blockMarkers = d[o + F.markers] as number;
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
        offerStored(points, d, o + F.firstStep, d[o + F.firstIsNan] as number);
        if (!Number.isNaN(d[o + F.minStep])) {
          offerStored(points, d, o + F.minStep, 0);
          offerStored(points, d, o + F.maxStep, 0);
        }
        offerStored(points, d, o + F.lastStep, d[o + F.lastIsNan] as number);
      }
    }
    if (p.max !== undefined) for (const r of await this.rawRows(p, lastInside, undefined)) rawRow(r);
    // Too many markers to keep them all: the exact path keeps each bucket's first one.
    if (markers > bucketTotal || lost) return undefined;
    if (dirty.length > 0) {
      // Without a range the dirty blocks hold every marker of the series: they are kept with its levels.
      const held = ends ? undefined : this.cache.memory.markers(p.runId, p.key, pointCount);
      const rows = held ?? (await this.dirtyRows(p, dirty));
      if (!ends && !held) this.cache.memory.rememberMarkers(p.runId, p.key, pointCount, rows);
      for (const r of rows) if (!points.addMarker(r)) return undefined;
    }
    return { metrics: points.select(p.budget, p.key), total };
  }

  /**
   * The series' current point count: the freshness key of its summary. Counting scans the series'
   * index range (~1 ms per 10k points), so a count is remembered with the database's foreign-write
   * version and the run's own-write generation taken before it, and reused while neither moved:
   * no commit since can have added or removed a row. Metrics rows are insert-only, so a write by
   * any connection (MLflow included) moves one of the two.
   *
   * `version` is the executor's `foreignWriteVersion()`, which a request reads once for all its
   * series (a call costs more than the memo lookup): a commit after that is concurrent with the
   * request, and a count taken since is remembered with the older version, so it is taken again.
   */
  async count(p: Pick<StepPlan, "runId" | "key">, version: number | undefined): Promise<number> {
    const { sql, metricWrites } = this.ctx;
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

  private async dirtyRows(p: StepPlan, dirty: readonly (readonly [SummaryRow, SummaryRow])[]): Promise<SummaryRow[]> {
    const rows: SummaryRow[] = [];
    for (const [from, to] of dirty) rows.push(...(await this.markerRows(p, from, to)));
    return rows;
  }

  /** The NaN/±Infinity rows between two rows of the series (inclusive), in order. */
  private markerRows(p: StepPlan, from: SummaryRow, to: SummaryRow): Promise<SummaryRow[]> {
    return this.ctx.sql.all(sqlText<SummaryRow>(MARKER_ROWS, [p.runId, p.key, ...tuple(from), ...tuple(to), DOUBLE_MAX, -DOUBLE_MAX]));
  }
}
