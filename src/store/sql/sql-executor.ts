import { CompiledQuery, type Kysely } from "kysely";
import type { Database } from "./database-schema.js";

export interface Compilable<O> {
  compile(): CompiledQuery<O>;
}

/**
 * A query given as SQL text, for per-series hot paths (the sampled read runs several per run, 100
 * runs a request) where building and compiling it with Kysely costs more than SQLite running it.
 */
export function sqlText<O>(text: string, parameters: readonly unknown[]): Compilable<O> {
  return { compile: () => CompiledQuery.raw(text, [...parameters]) };
}

export type SqlDialectName = "sqlite" | "postgres";

/**
 * Runs queries built with Kysely on one database. Kysely only builds SQL here; execution is the
 * dialect's own, so SQLite can use cached prepared statements synchronously and PostgreSQL a pool.
 */
export interface SqlExecutor {
  readonly dialect: SqlDialectName;
  /** A query builder for this dialect; its queries are executed through this executor. */
  readonly db: Kysely<Database>;
  all<O>(query: Compilable<O>): Promise<O[]>;
  first<O>(query: Compilable<O>): Promise<O | undefined>;
  /**
   * Rows as arrays in the order of the query's select list, typed by the caller. For hot reads of
   * thousands of rows (hydrating a runs/search page), where building an object per row is a
   * third of the read's time.
   */
  tuples<T extends readonly unknown[]>(query: Compilable<unknown>): Promise<T[]>;
  /** Executes a statement and returns the number of rows it changed. */
  run(query: Compilable<unknown>): Promise<number>;
  /** Executes one statement once per parameter row, as a prepared statement where possible. */
  runMany(template: CompiledQuery, rows: readonly (readonly unknown[])[]): Promise<void>;
  /**
   * A serialised write transaction (SQLite: BEGIN IMMEDIATE). Reads inside `fn` must go through
   * the `tx` executor it receives, so they see the transaction's own writes.
   */
  write<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T>;
  /**
   * A number that changes whenever another connection (another process, or another store on the
   * same file) commits to the database; this executor's own commits leave it unchanged. Undefined
   * when the dialect cannot tell, and then callers must assume anything may have changed.
   */
  foreignWriteVersion?(): number;
  close(): Promise<void>;
}
