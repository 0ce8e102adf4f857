// The full-plan SQL of RunRepository.search (its fallback when the ordered window cannot fill a
// page) and of ExperimentRepository.search, rebuilt from the same
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
