// The SQL that RunRepository.search / ExperimentRepository.search run, rebuilt from the same
// compilers, so the benchmark can show its EXPLAIN QUERY PLAN and time it without HTTP and hydration.
import BetterSqlite3 from "better-sqlite3";
import { parseExperimentFilter, parseExperimentOrderBy, parseRunFilter, parseRunOrderBy } from "../src/core/search/index.js";
import { compileExperimentFilter, compileExperimentOrder } from "../src/store/sql/search/compile-experiment-search.js";
import { compileRunFilter } from "../src/store/sql/search/compile-run-filter.js";
import { compileRunOrder } from "../src/store/sql/search/compile-run-order.js";
import { createSqliteQueryBuilder } from "../src/store/sqlite/sqlite-executor.js";

export interface CompiledSearch {
  sql: string;
  parameters: readonly unknown[];
}

export interface PlanReport {
  sql: string;
  plan: string[];
  /** Median of the raw statement's run time, in ms. */
  sql_ms: number;
}

/** The page query of runs/search (run-repository.ts `search`). */
export function compileRunSearch(experimentId: number, filter: string | undefined, orderBy: readonly string[], limit: number, offset: number): CompiledSearch {
  const db = createSqliteQueryBuilder();
  const node = parseRunFilter(filter);
  let query = db.selectFrom("runs").selectAll("runs").where("runs.experiment_id", "in", [experimentId]).where("runs.lifecycle_stage", "in", ["active"]);
  if (node) query = query.where((eb) => compileRunFilter(eb, node, "sqlite"));
  for (const term of compileRunOrder(parseRunOrderBy(orderBy))) query = query.orderBy(term.expression, term.direction);
  const compiled = query.limit(limit).offset(offset).compile();
  return { sql: compiled.sql, parameters: compiled.parameters };
}

/** The page query of experiments/search (experiment-repository.ts `search`). */
export function compileExperimentSearch(filter: string | undefined, orderBy: readonly string[], limit: number): CompiledSearch {
  const db = createSqliteQueryBuilder();
  const node = parseExperimentFilter(filter);
  let query = db.selectFrom("experiments").selectAll("experiments").where("experiments.lifecycle_stage", "in", ["active"]);
  if (node) query = query.where((eb) => compileExperimentFilter(eb, node, "sqlite"));
  for (const term of compileExperimentOrder(parseExperimentOrderBy(orderBy))) query = query.orderBy(term.expression, term.direction);
  const compiled = query.limit(limit + 1).offset(0).compile();
  return { sql: compiled.sql, parameters: compiled.parameters };
}

/** EXPLAIN QUERY PLAN and the median time of `repeat` executions, on a read-only connection. */
export function explain(dbFile: string, query: CompiledSearch, repeat = 7): PlanReport {
  const db = new BetterSqlite3(dbFile, { readonly: true, fileMustExist: true });
  try {
    const plan = (db.prepare(`EXPLAIN QUERY PLAN ${query.sql}`).all(...query.parameters) as { id: number; parent: number; detail: string }[]).map(
      (row) => `${row.id}<${row.parent} ${row.detail}`,
    );
    const statement = db.prepare(query.sql);
    const times: number[] = [];
    for (let i = 0; i < repeat; i++) {
      const started = performance.now();
      statement.all(...query.parameters);
      times.push(performance.now() - started);
    }
    times.sort((a, b) => a - b);
    return { sql: query.sql, plan, sql_ms: Number((times[Math.floor(times.length / 2)] ?? NaN).toFixed(2)) };
  } finally {
    db.close();
  }
}

/**
 * PROPOSAL, not what the server runs: the first "arm" of an index-driven top-k plan for
 * `order_by = [metrics.<key> ASC|DESC]`. It walks latest_metrics in (key, is_nan, value) order
 * from an index, joins each entry to its run, checks the filter per candidate with correlated
 * EXISTS lookups on the (key, run_uuid) primary keys, and stops after offset + limit matches,
 * instead of computing and sorting the sort key of every run of the experiment. NaN and missing
 * values would be two more arms (is_nan = 1, then runs without the key, each by start_time DESC,
 * run_uuid ASC) read only when this one runs out. Only plain comparisons on metrics, params and
 * tags (ANDed) are handled here, which is what the benchmark filter uses.
 */
export function compileTopKRunSearch(experimentId: number, filter: string, metricKey: string, ascending: boolean, limit: number, offset: number): CompiledSearch {
  const parameters: unknown[] = [metricKey, experimentId];
  const clauses: string[] = [];
  const node = parseRunFilter(filter);
  const comparisons = node === undefined ? [] : node.type === "and" ? node.children : [node];
  for (const c of comparisons) {
    if (c.type !== "comparison" || c.entity === "attribute" || c.entity === "dataset") throw new Error("prototype: only ANDed metric/param/tag clauses");
    const table = c.entity === "metric" ? "latest_metrics" : c.entity === "param" ? "params" : "tags";
    const op = { "=": "=", "!=": "<>", "<": "<", "<=": "<=", ">": ">", ">=": ">=", LIKE: "GLOB" } as Partial<Record<string, string>>;
    const sqlOp = op[c.comparator];
    if (sqlOp === undefined) throw new Error(`prototype: comparator ${c.comparator}`);
    const value = c.comparator === "LIKE" ? String(c.value).replaceAll("%", "*").replaceAll("_", "?") : c.value;
    clauses.push(`EXISTS (SELECT 1 FROM ${table} AS f WHERE f.run_uuid = runs.run_uuid AND f.key = ? AND f.value ${sqlOp} ?)`);
    parameters.push(c.key, value);
  }
  parameters.push(limit, offset);
  const sql = `SELECT runs.* FROM latest_metrics AS o CROSS JOIN runs ON runs.run_uuid = o.run_uuid
    WHERE o.key = ? AND o.is_nan = 0 AND runs.experiment_id = ? AND runs.lifecycle_stage = 'active'${clauses.map((c) => ` AND ${c}`).join("")}
    ORDER BY o.value ${ascending ? "ASC" : "DESC"}, runs.start_time DESC, runs.run_uuid ASC LIMIT ? OFFSET ?`;
  return { sql, parameters };
}

/** The index the top-k proposal walks. */
export const TOP_K_INDEX = "CREATE INDEX IF NOT EXISTS tracklet_latest_metrics_key_nan_value ON latest_metrics (key, is_nan, value, run_uuid)";

/** Runs a compiled query once and returns the run ids, for checking a prototype's answer. */
export function runIds(dbFile: string, query: CompiledSearch): string[] {
  const db = new BetterSqlite3(dbFile, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare(query.sql).all(...query.parameters) as { run_uuid: string }[]).map((r) => r.run_uuid);
  } finally {
    db.close();
  }
}
