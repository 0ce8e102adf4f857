import type { Kysely } from "kysely";
import type { Database } from "./database-schema.js";
import { PageView, SummaryBuilder, type SummaryPage } from "./metric-summary-blocks.js";
import { sqlText, type SqlExecutor } from "./sql-executor.js";
import type { StoreContext } from "./store-context.js";
import { SummaryMemory } from "./summary-memory.js";

/** Tracklet's summary tables (migration 0005); not part of MLflow's schema, so not in `Database`. */
type SummaryTables = {
  tracklet_metric_summaries: { run_uuid: string; key: string; point_count: number; first_step: number; last_step: number; builds: number };
  tracklet_metric_summary_pages: { run_uuid: string; key: string; level: number; page: number; first_step: number; last_step: number; blocks: Uint8Array };
};
type SummaryDb = Kysely<Database & SummaryTables>;

export interface SeriesSummary {
  point_count: number;
  first_step: number;
  last_step: number;
  /** How many times this series' summary was (re)built: a fresh read does not change it. */
  builds: number;
}

/** Rows per keyset page of the build pass: bounds memory and how long one statement holds the event loop. */
const PAGE = 5000;
/** Pages per INSERT statement (7 columns each, under SQLite's bound-parameter limit). */
const PAGES_PER_INSERT = 100;
/** The build pass's keyset page of a series' rows in block order (`sqlText`). */
const BUILD_PAGE = "SELECT step, timestamp, value, is_nan FROM metrics INDEXED BY tracklet_metrics_run_key_step WHERE run_uuid = ? AND key = ?";
const BUILD_ORDER = "ORDER BY step, timestamp, value, is_nan LIMIT ?";
const yieldToEventLoop = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

/**
 * The summary cache of metric series (tables of migration 0005; block layout in
 * metric-summary-blocks.ts). A series' summary is fresh while its recorded point count equals the
 * series' current `count(*)`: metrics rows are insert-only (MLflow's schema and ours), so any
 * write changes the count, including MLflow's own writes to a shared database, and the write
 * paths need not know about the cache. A stale or missing summary is rebuilt on read, in one
 * streaming pass; concurrent reads of the same series share one build.
 */
export class MetricSummaryCache {
  private readonly building = new Map<string, Promise<SeriesSummary>>();
  /** Whole levels and marker rows of recently read series. */
  readonly memory = new SummaryMemory();
  constructor(private readonly ctx: StoreContext) {}

  private db(sql: SqlExecutor = this.ctx.sql): SummaryDb {
    return sql.db.withTables<SummaryTables>();
  }

  /**
   * The blocks of `level` meeting [min, max] (pages in order) of the series' summary, built first
   * when missing or stale, and the point count that summary was built from; `count` is the
   * series' current point count. Whole levels are kept in memory (summary-memory.ts). Undefined
   * when the summary is empty or was rebuilt (by another process) while its pages were read.
   */
  async levelPages(
    runId: string,
    key: string,
    count: number,
    level: number,
    min: number | undefined,
    max: number | undefined,
  ): Promise<{ pages: PageView[]; pointCount: number } | undefined> {
    const whole = min === undefined && max === undefined;
    const held = whole ? this.memory.level(runId, key, count, level) : undefined;
    if (held) return { pages: held, pointCount: count };
    const summary = await this.fresh(runId, key, count);
    if (summary.point_count === 0) return undefined;
    const pages = await this.pageViews(runId, key, level, min, max);
    // A rebuild deletes the summary row first and writes it back last with `builds` + 1: the
    // same row after the pages were read means they are the pages of that summary.
    const after = await this.stored(runId, key);
    if (!after || after.point_count !== summary.point_count || after.builds !== summary.builds) return undefined;
    if (whole) this.memory.rememberLevel(runId, key, summary.point_count, level, pages);
    return { pages, pointCount: summary.point_count };
  }

  private async stored(runId: string, key: string): Promise<SeriesSummary | undefined> {
    const row = await this.ctx.sql.first(
      sqlText<{ point_count: number; first_step: number; last_step: number; builds: number }>(
        "SELECT point_count, first_step, last_step, builds FROM tracklet_metric_summaries WHERE run_uuid = ? AND key = ?",
        [runId, key],
      ),
    );
    return row && normalise(row);
  }

  /** The series' summary, built first when missing or stale; `count` is the series' current point count. */
  async fresh(runId: string, key: string, count: number): Promise<SeriesSummary> {
    const stored = await this.stored(runId, key);
    if (stored && stored.point_count === count) return stored;
    const id = JSON.stringify([runId, key]);
    const pending = this.building.get(id);
    if (pending) return pending;
    const build = this.build(runId, key, stored ? Number(stored.builds) : 0).finally(() => this.building.delete(id));
    this.building.set(id, build);
    return build;
  }

  /**
   * The blocks of the pages of `level` whose step extent meets [min, max], in page order: only the
   * blobs, as tuples (the hot read of a request over many series).
   */
  private async pageViews(runId: string, key: string, level: number, min: number | undefined, max: number | undefined): Promise<PageView[]> {
    const parameters: unknown[] = [runId, key, level];
    let where = "";
    if (min !== undefined) {
      where += " AND last_step >= ?";
      parameters.push(min);
    }
    if (max !== undefined) {
      where += " AND first_step <= ?";
      parameters.push(max);
    }
    const rows = await this.ctx.sql.tuples<[Uint8Array]>(
      sqlText(`SELECT blocks FROM tracklet_metric_summary_pages WHERE run_uuid = ? AND key = ? AND level = ?${where} ORDER BY page`, parameters),
    );
    return rows.map(([blocks]) => new PageView(blocks));
  }

  /**
   * One keyset pass over the series in (step, timestamp, value, is_nan) order. The old summary row
   * goes first and the new one is written last, after every page: until then a reader finds no
   * fresh summary and builds (or, in this process, waits for this build). Pages are written as
   * they fill, so memory stays a few pages whatever the series length. The recorded count is the
   * number of rows the pass saw: a row written behind the pass makes the next `count(*)` larger,
   * so that read rebuilds.
   */
  private async build(runId: string, key: string, builds: number): Promise<SeriesSummary> {
    const { sql } = this.ctx;
    const builder = new SummaryBuilder();
    await sql.write(async (tx) => {
      const db = this.db(tx);
      await tx.run(db.deleteFrom("tracklet_metric_summaries").where("run_uuid", "=", runId).where("key", "=", key));
      await tx.run(db.deleteFrom("tracklet_metric_summary_pages").where("run_uuid", "=", runId).where("key", "=", key));
    });
    // Keyset pages as tuples (no object per row): (step, timestamp, value, is_nan).
    type Tuple = [number, number, number, number];
    let after: Tuple | undefined;
    for (;;) {
      const rows = await sql.tuples<Tuple>(
        after
          ? sqlText(`${BUILD_PAGE} AND (step, timestamp, value, is_nan) > (?, ?, ?, ?) ${BUILD_ORDER}`, [runId, key, ...after, PAGE])
          : sqlText(`${BUILD_PAGE} ${BUILD_ORDER}`, [runId, key, PAGE]),
      );
      for (const [step, timestamp, value, isNan] of rows) builder.pushValues(Number(step), Number(timestamp), Number(value), Number(isNan));
      if (rows.length < PAGE) break;
      after = rows[rows.length - 1];
      const full = builder.take();
      if (full.length > 0) await sql.write((tx) => this.insertPages(tx, runId, key, full));
      await yieldToEventLoop();
    }
    const pages = builder.finish();
    const summary: SeriesSummary = {
      point_count: builder.count,
      first_step: Number.isNaN(builder.firstStep) ? 0 : builder.firstStep,
      last_step: Number.isNaN(builder.lastStep) ? 0 : builder.lastStep,
      builds: builds + 1,
    };
    await sql.write(async (tx) => {
      await this.insertPages(tx, runId, key, pages);
      await tx.run(
        this.db(tx)
          .insertInto("tracklet_metric_summaries")
          .values({ run_uuid: runId, key, ...summary })
          .onConflict((oc) =>
            oc.columns(["run_uuid", "key"]).doUpdateSet((eb) => ({
              point_count: eb.ref("excluded.point_count"),
              first_step: eb.ref("excluded.first_step"),
              last_step: eb.ref("excluded.last_step"),
              builds: eb.ref("excluded.builds"),
            })),
          ),
      );
    });
    return summary;
  }

  private async insertPages(tx: SqlExecutor, runId: string, key: string, pages: readonly SummaryPage[]): Promise<void> {
    for (let i = 0; i < pages.length; i += PAGES_PER_INSERT) {
      const chunk = pages.slice(i, i + PAGES_PER_INSERT).map((p) => ({ run_uuid: runId, key, ...p, blocks: Buffer.from(p.blocks.buffer, p.blocks.byteOffset, p.blocks.byteLength) }));
      // Upserts: another process sharing the file may be building the same series.
      await tx.run(
        this.db(tx)
          .insertInto("tracklet_metric_summary_pages")
          .values(chunk)
          .onConflict((oc) =>
            oc.columns(["run_uuid", "key", "level", "page"]).doUpdateSet((eb) => ({
              first_step: eb.ref("excluded.first_step"),
              last_step: eb.ref("excluded.last_step"),
              blocks: eb.ref("excluded.blocks"),
            })),
          ),
      );
    }
  }
}

function normalise(r: { point_count: number; first_step: number; last_step: number; builds: number }): SeriesSummary {
  return { point_count: Number(r.point_count), first_step: Number(r.first_step), last_step: Number(r.last_step), builds: Number(r.builds) };
}
