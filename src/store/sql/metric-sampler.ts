import { sql as q, type RawBuilder } from "kysely";
import { MlflowError, type Metric } from "../../core/index.js";
import {
  keepsEveryMarker,
  MAX_SMOOTHING,
  minMaxBucketCount,
  minMaxBucketStart,
  SAMPLED_HISTORY_X_AXES,
  SampledHistoryLimits,
  selectMinMax,
  type SampledHistoryInput,
  type SampledHistoryXAxis,
  type SampledMetricSeries,
} from "../../core/charts/index.js";
import { DOUBLE_MAX } from "./row-mappers.js";
import { sampleSmoothed } from "./smoothed-sampler.js";
import { sqlText, type Compilable } from "./sql-executor.js";
import type { StoreContext } from "./store-context.js";
import { SampledPoints } from "./sampled-points.js";
import { SummaryStepSampler } from "./summary-step-sampler.js";

/** A stored metric row of the series being sampled (`value` as stored: NaN is 0 with is_nan = 1). */
interface Row {
  step: number;
  timestamp: number;
  value: number;
  is_nan: number;
}

/** JSON of a bucket's min or max row: [step, timestamp, value], nulls when the bucket has none. */
type Extreme = [number | null, number | null, number | null];
type Marker = [number, number, number, number];

/** The covering index of migration 0002: (run_uuid, key, step, timestamp, value, is_nan). */
const INDEX = q.raw("metrics INDEXED BY tracklet_metrics_run_key_step");
/** A marker is NaN or ±Infinity, which MLflow stores as ±DBL_MAX. */
const IS_MARKER = q`(is_nan OR abs(value) >= ${DOUBLE_MAX})`;
const FINITE_VALUE = q`iif(${IS_MARKER}, NULL, value)`;

/**
 * A whole series' first and last row in (step, timestamp, value, is_nan) order, in one statement
 * (two index seeks; `end` says which is which). SQL text: see `sqlText`.
 */
const SERIES_ENDS = `SELECT * FROM (SELECT 0 AS end, step, timestamp, value, is_nan FROM metrics INDEXED BY tracklet_metrics_run_key_step
    WHERE run_uuid = ? AND key = ? ORDER BY step, timestamp, value, is_nan LIMIT 1)
  UNION ALL SELECT * FROM (SELECT 1 AS end, step, timestamp, value, is_nan FROM metrics INDEXED BY tracklet_metrics_run_key_step
    WHERE run_uuid = ? AND key = ? ORDER BY step DESC, timestamp DESC, value DESC, is_nan DESC LIMIT 1)`;

/** Buckets per statement of the x = step pass: bounds how long one statement blocks (~40 ms on a 1M series here). */
const BUCKETS_PER_STATEMENT = 128;
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const yOf = (r: Row): number => (r.is_nan ? NaN : r.value);
const byStep = (a: Row, b: Row): number => a.step - b.step || a.timestamp - b.timestamp || a.value - b.value || a.is_nan - b.is_nan;
const byTimestamp = (a: Row, b: Row): number => a.timestamp - b.timestamp || byStep(a, b);

function rowOf(extreme: Extreme | null | undefined): Row | undefined {
  if (!extreme) return undefined;
  const [step, timestamp, value] = extreme;
  return step === null || timestamp === null || value === null ? undefined : { step, timestamp, value, is_nan: 0 };
}

const metricsOf = (rows: readonly Row[], key: string): Metric[] => rows.map((r) => ({ key, value: yOf(r), timestamp: r.timestamp, step: r.step }));

const markerRow = ([step, timestamp, value, isNan]: Marker): Row => ({ step, timestamp, value, is_nan: isNan });

/** A bucket summary as the passes fill it in (a `MinMaxBucket<Row>`). */
interface Bucket {
  min?: Row | undefined;
  max?: Row | undefined;
  markerCount: number;
  markers: Row[];
}

const emptyBuckets = (n: number): Bucket[] => Array.from({ length: n }, () => ({ markerCount: 0, markers: [] }));

interface Plan {
  runId: string;
  key: string;
  budget: number;
  min?: number | undefined;
  max?: number | undefined;
}

/**
 * The sampled history read (`getSampledMetricHistory`): each series reduced in the database to at
 * most `max_points` points by the min/max rule of `core/charts/downsample-min-max.ts`, so no
 * request holds more than a budget's worth of rows, whatever the length of the series.
 *
 * x = step reads a long series from the summary cache (summary-step-sampler.ts: O(max_points)
 * blocks, whatever the length; the whole levels it reads stay in memory while the series is
 * unchanged, summary-memory.ts); otherwise, or when markers outnumber the buckets, it walks the
 * covering index bucket by bucket (one range seek per bucket, no sort): one
 * statement gives every bucket's row count, NaN count, minimum and maximum. Only buckets holding
 * NaN or ±Infinity are read again, to get their finite extremes and their markers. x = timestamp has
 * no index to range over, so it groups a scan of the series (SQLite sorts it): about 4× the cost.
 * SQLite only (bare columns next to min()/max(), JSON functions, `INDEXED BY`).
 */
export class MetricSampler {
  private readonly summary: SummaryStepSampler;
  constructor(private readonly ctx: StoreContext) {
    this.summary = new SummaryStepSampler(ctx);
  }

  async sample(input: SampledHistoryInput): Promise<SampledMetricSeries[]> {
    const out: SampledMetricSeries[] = [];
    for await (const series of this.open(input)) out.push(series);
    return out;
  }

  /**
   * The same answer, one series at a time as the iterable is read: a caller that encodes each
   * series before reading the next holds one series' points at a time, which then die young.
   * Invalid input throws here, before the first series.
   */
  open(input: SampledHistoryInput): AsyncIterable<SampledMetricSeries> {
    if (this.ctx.sql.dialect !== "sqlite") throw new MlflowError("NOT_IMPLEMENTED", "Sampled metric history is implemented for SQLite only.");
    return this.series(input, validate(input));
  }

  private async *series(input: SampledHistoryInput, { budget, axis, smoothing }: ReturnType<typeof validate>): AsyncGenerator<SampledMetricSeries> {
    let yielded = false;
    // Read once for the request: the summary read's memo of series counts (summary-step-sampler.ts).
    const writeVersion = this.ctx.sql.foreignWriteVersion?.();
    // The summary read's candidate table, one for the whole request (sampled-points.ts).
    let points: SampledPoints | undefined;
    for (const runId of new Set(input.run_ids)) {
      if (yielded) await yieldToEventLoop(); // let other requests in between runs
      yielded = true;
      // Relative time is the timestamp axis shifted by the series' first timestamp (MLflow's origin).
      const origin = axis === "relative_time" ? await this.firstTimestamp(runId, input.metric_key) : 0;
      const shift = (x: number | undefined): number | undefined => (x === undefined ? undefined : x + (origin ?? 0));
      const plan: Plan = { runId, key: input.metric_key, budget, min: shift(input.min_x), max: shift(input.max_x) };
      const onAxis = axis === "step" ? "step" : "timestamp";
      const extra = axis === "relative_time" && origin !== undefined ? { x_origin: origin } : {};
      if (smoothing > 0) {
        const { rows, total } = await sampleSmoothed(this.ctx, { ...plan, axis: onAxis, weight: smoothing });
        const metrics = rows.map((r): Metric => ({ key: plan.key, value: r.y, timestamp: r.timestamp, step: r.step }));
        yield { run_id: runId, metrics, total_points: total, sampled: rows.length < total, raw_values: rows.map(yOf), ...extra };
        continue;
      }
      let sampled: { metrics: Metric[]; total: number };
      if (onAxis === "step") {
        points ??= new SampledPoints(minMaxBucketCount(budget), minMaxBucketCount(budget));
        sampled = await this.byStep(plan, points, writeVersion);
      } else sampled = await this.byTimestamp(plan);
      const { metrics, total } = sampled;
      yield { run_id: runId, metrics, total_points: total, sampled: metrics.length < total, ...extra };
    }
  }

  /** The series' earliest timestamp (a scan of the series on the covering index), undefined when it is empty. */
  private async firstTimestamp(runId: string, key: string): Promise<number | undefined> {
    const row = await this.first(q<{ t: number | null }>`SELECT min(timestamp) AS t FROM ${INDEX} WHERE run_uuid = ${runId} AND key = ${key}`);
    return row?.t ?? undefined;
  }

  private first<O>(query: RawBuilder<O>): Promise<O | undefined> {
    return this.ctx.sql.first(this.compilable(query));
  }

  private all<O>(query: RawBuilder<O>): Promise<O[]> {
    return this.ctx.sql.all(this.compilable(query));
  }

  private compilable<O>(query: RawBuilder<O>): Compilable<O> {
    const { db } = this.ctx.sql;
    return { compile: () => query.compile(db) };
  }

  private async seriesEnds(p: Plan): Promise<[Row | undefined, Row | undefined]> {
    const rows = await this.ctx.sql.all(sqlText<Row & { end: number }>(SERIES_ENDS, [p.runId, p.key, p.runId, p.key]));
    const pick = (end: number): Row | undefined => {
      const row = rows.find((r) => r.end === end);
      return row && { step: row.step, timestamp: row.timestamp, value: row.value, is_nan: row.is_nan };
    };
    return [pick(0), pick(1)];
  }

  private async byStep(p: Plan, points: SampledPoints, writeVersion: number | undefined): Promise<{ metrics: Metric[]; total: number }> {
    const series = q`run_uuid = ${p.runId} AND key = ${p.key}`;
    const where = q`${series}${p.min === undefined ? q`` : q` AND step >= ${p.min}`}${p.max === undefined ? q`` : q` AND step <= ${p.max}`}`;
    const columns = q`step, timestamp, value, is_nan`;
    // Without a range, the series' count (the summary's freshness key) answers the probe as well.
    const ranged = p.min !== undefined || p.max !== undefined;
    const seriesCount = ranged ? undefined : await this.summary.count(p, writeVersion);
    const probe = ranged ? await this.first(q<{ n: number }>`SELECT count(*) AS n FROM (SELECT 1 FROM ${INDEX} WHERE ${where} LIMIT ${p.budget + 1})`) : undefined;
    const count = seriesCount ?? probe?.n ?? 0;
    if (count <= p.budget) {
      const rows = count === 0 ? [] : await this.all(q<Row>`SELECT ${columns} FROM ${INDEX} WHERE ${where} ORDER BY step, timestamp, value, is_nan`);
      return { metrics: metricsOf(rows, p.key), total: rows.length };
    }
    // Long enough for the summary cache to pay: O(max_points) block reads (summary-step-sampler.ts).
    // Without a range the summary also gives the series' first and last rows.
    const rangeEnds = ranged
      ? [
          await this.first(q<Row>`SELECT ${columns} FROM ${INDEX} WHERE ${where} ORDER BY step, timestamp, value, is_nan LIMIT 1`),
          await this.first(q<Row>`SELECT ${columns} FROM ${INDEX} WHERE ${where} ORDER BY step DESC, timestamp DESC, value DESC, is_nan DESC LIMIT 1`),
        ]
      : undefined;
    if (rangeEnds && (!rangeEnds[0] || !rangeEnds[1])) return { metrics: [], total: 0 };
    const fromSummary = await this.summary.sample(p, rangeEnds as [Row, Row] | undefined, points, seriesCount, writeVersion);
    if (fromSummary) return fromSummary;
    const [first, last] = rangeEnds ?? (await this.seriesEnds(p));
    if (!first || !last) return { metrics: [], total: 0 };
    const bucketTotal = minMaxBucketCount(p.budget);
    const bounds = Array.from({ length: bucketTotal }, (_, i) => [
      i,
      minMaxBucketStart(i, first.step, last.step, bucketTotal),
      minMaxBucketStart(i + 1, first.step, last.step, bucketTotal),
    ]);
    const inBucket = q`${series} AND step >= b.value ->> 1 AND step < b.value ->> 2`;

    // One pass: per bucket its count, NaN count and its min and max rows (NaN rows count as 0 here).
    type Summary = [number, [number, number | null, number | null, number | null, number | null], Extreme];
    // In slices of buckets, yielding between them, so a long series does not hold the event loop.
    const summaries: Summary[] = [];
    for (let from = 0; from < bounds.length; from += BUCKETS_PER_STATEMENT) {
      if (from > 0) await yieldToEventLoop();
      const slice = JSON.stringify(bounds.slice(from, from + BUCKETS_PER_STATEMENT));
      summaries.push(
        ...(await this.jsonOf<Summary>(q`SELECT json_group_array(json_array(b.value ->> 0,
          (SELECT json_array(count(*), sum(is_nan), step, timestamp, min(value)) FROM ${INDEX} WHERE ${inBucket}),
          (SELECT json_array(step, timestamp, max(value)) FROM ${INDEX} WHERE ${inBucket}))) AS json FROM json_each(${slice}) AS b`)),
      );
    }
    let total = 0;
    const buckets = emptyBuckets(bucketTotal);
    const dirty: number[][] = [];
    for (const [i, [n, nanCount, step, timestamp, minValue], maxExtreme] of summaries) {
      const bucket = buckets[i];
      if (!bucket || n === 0) continue;
      total += n;
      bucket.min = rowOf([step, timestamp, minValue]);
      bucket.max = rowOf(maxExtreme);
      if ((nanCount ?? 0) > 0 || (bucket.min?.value ?? 0) <= -DOUBLE_MAX || (bucket.max?.value ?? 0) >= DOUBLE_MAX) dirty.push(bounds[i] as number[]);
    }
    if (dirty.length > 0) {
      // Buckets with NaN or ±Infinity: their finite extremes and how many markers they hold.
      const fixes = await this.jsonOf<[number, [number, number | null, number | null, number | null], Extreme]>(q`SELECT json_group_array(json_array(b.value ->> 0,
        (SELECT json_array(sum(${IS_MARKER}), step, timestamp, min(${FINITE_VALUE})) FROM ${INDEX} WHERE ${inBucket}),
        (SELECT json_array(step, timestamp, max(${FINITE_VALUE})) FROM ${INDEX} WHERE ${inBucket}))) AS json FROM json_each(${JSON.stringify(dirty)}) AS b`);
      let totalMarkers = 0;
      for (const [i, [markerCount, step, timestamp, minValue], maxExtreme] of fixes) {
        const bucket = buckets[i];
        if (!bucket) continue;
        bucket.min = rowOf([step, timestamp, minValue]);
        bucket.max = rowOf(maxExtreme);
        bucket.markerCount = markerCount;
        totalMarkers += markerCount;
      }
      // Every marker when they fit the budget, else the first of each bucket (the index order is the x order).
      const limit = keepsEveryMarker(totalMarkers, bucketTotal) ? q`` : q` LIMIT 1`;
      const markers = await this.jsonOf<[number, Marker[]]>(q`SELECT json_group_array(json_array(b.value ->> 0,
        (SELECT json_group_array(json_array(step, timestamp, value, is_nan)) FROM
          (SELECT ${columns} FROM ${INDEX} WHERE ${inBucket} AND ${IS_MARKER} ORDER BY step, timestamp, value, is_nan${limit})))) AS json
        FROM json_each(${JSON.stringify(dirty)}) AS b`);
      for (const [i, list] of markers) buckets[i]?.markers.push(...list.map(markerRow));
    }
    return { metrics: metricsOf(selectMinMax<Row>(first, last, buckets, p.budget, yOf, byStep), p.key), total };
  }

  private async byTimestamp(p: Plan): Promise<{ metrics: Metric[]; total: number }> {
    const series = q`run_uuid = ${p.runId} AND key = ${p.key}`;
    const where = q`${series}${p.min === undefined ? q`` : q` AND timestamp >= ${p.min}`}${p.max === undefined ? q`` : q` AND timestamp <= ${p.max}`}`;
    const columns = q`step, timestamp, value, is_nan`;
    const extent = await this.first(q<{ n: number; x0: number | null; x1: number | null }>`SELECT count(*) AS n, min(timestamp) AS x0, max(timestamp) AS x1 FROM ${INDEX} WHERE ${where}`);
    const total = extent?.n ?? 0;
    if (total === 0 || extent?.x0 == null || extent.x1 == null) return { metrics: [], total: 0 };
    if (total <= p.budget) return { metrics: metricsOf(await this.all(q<Row>`SELECT ${columns} FROM ${INDEX} WHERE ${where} ORDER BY timestamp, step, value, is_nan`), p.key), total };
    const { x0, x1 } = extent;
    // The earliest row at x0 and the latest at x1: with the timestamp fixed, index order is x order.
    const first = await this.first(q<Row>`SELECT ${columns} FROM ${INDEX} WHERE ${series} AND timestamp = ${x0} ORDER BY step, timestamp, value, is_nan LIMIT 1`);
    const last = await this.first(q<Row>`SELECT ${columns} FROM ${INDEX} WHERE ${series} AND timestamp = ${x1} ORDER BY step DESC, timestamp DESC, value DESC, is_nan DESC LIMIT 1`);
    if (!first || !last) return { metrics: [], total: 0 };
    const bucketTotal = minMaxBucketCount(p.budget);
    // minMaxBucketOf in SQL: the same IEEE-754 operations in the same order (parameters are bound as doubles).
    const bucketOf = x1 > x0 ? q`min(CAST((timestamp - ${x0}) * ${bucketTotal} / ${x1 - x0} AS INTEGER), ${bucketTotal - 1})` : q`0`;
    const buckets = emptyBuckets(bucketTotal);
    const mins = await this.jsonOf<[number, number, number | null, number | null, number | null]>(q`SELECT json_group_array(json_array(b, m, step, timestamp, v)) AS json FROM
      (SELECT ${bucketOf} AS b, sum(${IS_MARKER}) AS m, step, timestamp, min(${FINITE_VALUE}) AS v FROM ${INDEX} WHERE ${where} GROUP BY b)`);
    const maxs = await this.jsonOf<[number, number | null, number | null, number | null]>(q`SELECT json_group_array(json_array(b, step, timestamp, v)) AS json FROM
      (SELECT ${bucketOf} AS b, step, timestamp, max(${FINITE_VALUE}) AS v FROM ${INDEX} WHERE ${where} GROUP BY b)`);
    let totalMarkers = 0;
    for (const [i, markerCount, step, timestamp, value] of mins) {
      const bucket = buckets[i];
      if (!bucket) continue;
      bucket.min = rowOf([step, timestamp, value]);
      bucket.markerCount = markerCount;
      totalMarkers += markerCount;
    }
    for (const [i, step, timestamp, value] of maxs) {
      const bucket = buckets[i];
      if (bucket) bucket.max = rowOf([step, timestamp, value]);
    }
    if (totalMarkers > 0) {
      const markerRows = q`SELECT ${bucketOf} AS b, ${columns} FROM ${INDEX} WHERE ${where} AND ${IS_MARKER}`;
      const markers = keepsEveryMarker(totalMarkers, bucketTotal)
        ? await this.jsonOf<[number, ...Marker]>(q`SELECT json_group_array(json_array(b, step, timestamp, value, is_nan)) AS json FROM (${markerRows})`)
        : await this.jsonOf<[number, ...Marker]>(q`SELECT json_group_array(json_array(b, step, timestamp, value, is_nan)) AS json FROM
            (SELECT *, row_number() OVER (PARTITION BY b ORDER BY timestamp, step, value, is_nan) AS rank FROM (${markerRows})) WHERE rank = 1`);
      for (const [i, ...marker] of markers) buckets[i]?.markers.push(markerRow(marker));
      for (const bucket of buckets) bucket.markers.sort(byTimestamp);
    }
    return { metrics: metricsOf(selectMinMax<Row>(first, last, buckets, p.budget, yOf, byTimestamp), p.key), total };
  }

  /** Runs a statement whose single row holds one JSON array (`AS json`) and parses it. */
  private async jsonOf<T>(query: RawBuilder<unknown>): Promise<T[]> {
    const row = await this.first(query as RawBuilder<{ json: string | null }>);
    return row?.json ? (JSON.parse(row.json) as T[]) : [];
  }
}

function validate(input: SampledHistoryInput): { budget: number; axis: SampledHistoryXAxis; smoothing: number } {
  const { MAX_RUN_IDS, DEFAULT_MAX_POINTS, MAX_POINTS } = SampledHistoryLimits;
  if (input.run_ids.length === 0) throw MlflowError.invalidParameter("GetSampledMetricHistory request must specify at least one run_id.");
  if (input.run_ids.length > MAX_RUN_IDS) {
    throw MlflowError.invalidParameter(`GetSampledMetricHistory request must specify at most ${MAX_RUN_IDS} run_ids. Received ${input.run_ids.length} run_ids.`);
  }
  if (!input.metric_key) throw MlflowError.invalidParameter("GetSampledMetricHistory request must specify a metric_key.");
  const budget = input.max_points ?? DEFAULT_MAX_POINTS;
  if (!Number.isInteger(budget) || budget < 1 || budget > MAX_POINTS) throw MlflowError.invalidParameter(`max_points must be between 1 and ${MAX_POINTS}. Received ${budget}.`);
  const axis = input.x_axis ?? "step";
  if (!SAMPLED_HISTORY_X_AXES.includes(axis)) throw MlflowError.invalidParameter(`x_axis must be one of ${SAMPLED_HISTORY_X_AXES.join(", ")}. Received ${String(axis)}.`);
  if (Number.isNaN(input.min_x) || Number.isNaN(input.max_x)) throw MlflowError.invalidParameter("min_x and max_x must be numbers, not NaN.");
  if (input.min_x !== undefined && input.max_x !== undefined && input.min_x > input.max_x) {
    throw MlflowError.invalidParameter(`min_x must not be greater than max_x. Found min_x=${input.min_x} and max_x=${input.max_x}.`);
  }
  const smoothing = input.smoothing ?? 0;
  if (!(smoothing >= 0 && smoothing <= MAX_SMOOTHING)) throw MlflowError.invalidParameter(`smoothing must be between 0 and ${MAX_SMOOTHING}. Received ${smoothing}.`);
  return { budget, axis, smoothing };
}
