import { sql as q, type RawBuilder } from "kysely";
import { createEma, emaWarmUp, MinMaxAccumulator } from "../../core/charts/index.js";
import type { Compilable } from "./sql-executor.js";
import type { StoreContext } from "./store-context.js";

/** A stored row with its smoothed value (`y`; NaN rows have is_nan = 1 and y = NaN). */
export interface SmoothedRow {
  step: number;
  timestamp: number;
  value: number;
  is_nan: number;
  y: number;
}

export interface SmoothedPlan {
  runId: string;
  key: string;
  budget: number;
  axis: "step" | "timestamp";
  weight: number;
  /** Inclusive bounds on the axis (timestamps for "timestamp"). */
  min?: number | undefined;
  max?: number | undefined;
}

type Row = Omit<SmoothedRow, "y">;

const INDEX = q.raw("metrics INDEXED BY tracklet_metrics_run_key_step");
const COLUMNS = q`step, timestamp, value, is_nan`;
const ORDER = q`ORDER BY step, timestamp, value, is_nan`;
/** Rows per keyset page: bounds memory and how long one statement holds the event loop. */
const PAGE = 5000;
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const byStep = (a: Row, b: Row): number => a.step - b.step || a.timestamp - b.timestamp || a.value - b.value || a.is_nan - b.is_nan;
const byTimestamp = (a: Row, b: Row): number => a.timestamp - b.timestamp || byStep(a, b);

/**
 * A smoothed series, min/max-downsampled: one streaming pass over the raw rows in step order
 * (keyset pages over the covering index) computes the debiased EMA of each value, and a
 * `MinMaxAccumulator` keeps per bucket the extremes of the smoothed values. Memory is a budget's
 * worth of rows whatever the series length; the picks are those of `downsampleMinMax` over the
 * smoothed series. The EMA runs in step order on every axis (the order values were logged in).
 *
 * A step range does not start smoothing at the start of the series: `emaWarmUp(weight)` rows
 * before the range suffice (older rows weigh less than 1e-9 of the value), so zooming into the end
 * of a million-point series reads a few thousand rows. A time range has no index to seek by, so it
 * reads the series from its start.
 */
export async function sampleSmoothed(ctx: StoreContext, p: SmoothedPlan): Promise<{ rows: SmoothedRow[]; total: number }> {
  const run = <O>(query: RawBuilder<O>): Compilable<O> => ({ compile: () => query.compile(ctx.sql.db) });
  const series = q`run_uuid = ${p.runId} AND key = ${p.key}`;
  const extent = await xExtent(ctx, p, series, run);
  if (!extent) return { rows: [], total: 0 };
  const start = p.axis === "step" && p.min !== undefined ? await warmUpStart(ctx, p, series, run) : undefined;

  const xOf = p.axis === "step" ? (r: Row): number => r.step : (r: Row): number => r.timestamp;
  const acc = new MinMaxAccumulator<SmoothedRow>({ ...extent, maxPoints: p.budget, xOf, yOf: (r) => r.y, compare: p.axis === "step" ? byStep : byTimestamp });
  const ema = createEma(p.weight);
  const inRange = (x: number): boolean => (p.min === undefined || x >= p.min) && (p.max === undefined || x <= p.max);
  let after: Row | undefined;
  let from = start;
  for (;;) {
    const keyset = after
      ? q` AND (step, timestamp, value, is_nan) > (${after.step}, ${after.timestamp}, ${after.value}, ${after.is_nan})`
      : from
        ? q` AND (step, timestamp, value, is_nan) >= (${from.step}, ${from.timestamp}, ${from.value}, ${from.is_nan})`
        : q``;
    const upTo = p.axis === "step" && p.max !== undefined ? q` AND step <= ${p.max}` : q``;
    const rows = await ctx.sql.all(run(q<Row>`SELECT ${COLUMNS} FROM ${INDEX} WHERE ${series}${keyset}${upTo} ${ORDER} LIMIT ${PAGE}`));
    for (const r of rows) {
      const y = ema(r.is_nan ? NaN : r.value);
      if (inRange(xOf(r))) acc.push({ ...r, y });
    }
    if (rows.length < PAGE) break;
    after = rows[rows.length - 1];
    from = undefined;
    await yieldToEventLoop();
  }
  return { rows: acc.result(), total: acc.count };
}

type Runner = <O>(query: RawBuilder<O>) => Compilable<O>;

/** The first and last x inside the range (the bucket grid), or undefined when the range is empty. */
async function xExtent(ctx: StoreContext, p: SmoothedPlan, series: RawBuilder<unknown>, run: Runner): Promise<{ x0: number; x1: number } | undefined> {
  const min = p.min === undefined ? q`` : p.axis === "step" ? q` AND step >= ${p.min}` : q` AND timestamp >= ${p.min}`;
  const max = p.max === undefined ? q`` : p.axis === "step" ? q` AND step <= ${p.max}` : q` AND timestamp <= ${p.max}`;
  if (p.axis === "timestamp") {
    const e = await ctx.sql.first(run(q<{ x0: number | null; x1: number | null }>`SELECT min(timestamp) AS x0, max(timestamp) AS x1 FROM ${INDEX} WHERE ${series}${min}${max}`));
    return e?.x0 == null || e.x1 == null ? undefined : { x0: e.x0, x1: e.x1 };
  }
  // Two seeks on the index: SQLite answers a lone min() or max() from one end of it.
  const x0 = await ctx.sql.first(run(q<{ x: number }>`SELECT step AS x FROM ${INDEX} WHERE ${series}${min}${max} ORDER BY step LIMIT 1`));
  const x1 = await ctx.sql.first(run(q<{ x: number }>`SELECT step AS x FROM ${INDEX} WHERE ${series}${min}${max} ORDER BY step DESC LIMIT 1`));
  return x0 === undefined || x1 === undefined ? undefined : { x0: x0.x, x1: x1.x };
}

/** The row `emaWarmUp(weight)` rows before the step range, or undefined to start at the series' start. */
async function warmUpStart(ctx: StoreContext, p: SmoothedPlan, series: RawBuilder<unknown>, run: Runner): Promise<Row | undefined> {
  const back = emaWarmUp(p.weight);
  return ctx.sql.first(
    run(q<Row>`SELECT ${COLUMNS} FROM ${INDEX} WHERE ${series} AND step < ${p.min} ORDER BY step DESC, timestamp DESC, value DESC, is_nan DESC LIMIT 1 OFFSET ${back - 1}`),
  );
}
