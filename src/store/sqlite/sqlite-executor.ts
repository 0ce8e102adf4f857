import BetterSqlite3 from "better-sqlite3";
import { DummyDriver, Kysely, SqliteAdapter, SqliteIntrospector, SqliteQueryCompiler, type CompiledQuery } from "kysely";
import type { Database } from "../sql/database-schema.js";
import type { Compilable, SqlExecutor } from "../sql/sql-executor.js";
import { CheckpointWorker, type CheckpointWorkerOptions } from "./checkpoint-worker.js";

export interface SqliteOptions {
  /** Milliseconds a statement waits for another process's lock before SQLITE_BUSY. */
  busyTimeoutMs?: number;
  /** PRAGMA synchronous in WAL mode: NORMAL keeps the file consistent; FULL also survives power loss. */
  synchronous?: "NORMAL" | "FULL";
  /** Pacing of the checkpoint worker; only tests change it. */
  checkpoint?: CheckpointWorkerOptions;
}

type ConnectionOptions = Required<Pick<SqliteOptions, "busyTimeoutMs" | "synchronous">>;

/** A Kysely instance that only builds SQLite SQL; execution happens in SqliteExecutor. */
export function createSqliteQueryBuilder(): Kysely<Database> {
  return new Kysely<Database>({
    dialect: {
      createAdapter: () => new SqliteAdapter(),
      createDriver: () => new DummyDriver(),
      createIntrospector: (db) => new SqliteIntrospector(db),
      createQueryCompiler: () => new SqliteQueryCompiler(),
    },
  });
}

type Statement = BetterSqlite3.Statement<unknown[], unknown>;

interface WriteJob {
  fn: (tx: SqlExecutor) => Promise<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/** Most writes that share one commit; bounds the latency a group adds to its first member. */
const MAX_GROUP = 32;

class Connection {
  private readonly statements = new Map<string, Statement>();

  constructor(readonly raw: BetterSqlite3.Database) {}

  prepare(sql: string): Statement {
    let stmt = this.statements.get(sql);
    if (!stmt) {
      stmt = this.raw.prepare(sql);
      this.statements.set(sql, stmt);
    }
    return stmt;
  }

  /** A second cached statement for the same SQL that returns rows as arrays. */
  prepareRaw(sql: string): Statement {
    const cacheKey = `raw:${sql}`;
    let stmt = this.statements.get(cacheKey);
    if (!stmt) {
      stmt = this.raw.prepare(sql).raw(true);
      this.statements.set(cacheKey, stmt);
    }
    return stmt;
  }
}

function open(file: string, options: ConnectionOptions, readOnly: boolean): Connection {
  const raw = new BetterSqlite3(file, { fileMustExist: readOnly });
  raw.pragma(`busy_timeout = ${options.busyTimeoutMs}`);
  if (!readOnly) {
    raw.pragma("journal_mode = WAL");
    raw.pragma(`synchronous = ${options.synchronous}`);
    // Keep the hot index pages of metrics/latest_metrics in memory (64 MiB).
    raw.pragma("cache_size = -65536");
    // Checkpoints run on the CheckpointWorker; this high mark only bounds the WAL if it is gone.
    raw.pragma("wal_autocheckpoint = 50000");
    raw.pragma("journal_size_limit = 67108864");
    // Savepoint sub-journals (one per write in a group) stay in memory instead of temp files.
    raw.pragma("temp_store = MEMORY");
  } else {
    // SQLite's default 2 MiB cache is smaller than the index pages a filtered runs/search walks
    // (16–32 MiB on a 10k-run experiment): with it every search re-reads its pages from the OS
    // and takes twice as long. Half the writer's, to keep the server's resident memory modest.
    raw.pragma("cache_size = -32768");
  }
  raw.pragma("foreign_keys = ON");
  return new Connection(raw);
}

/**
 * better-sqlite3 is synchronous, so one Node process has no lock contention of its own; writes
 * are still serialised through a queue because a transaction's callback may await between
 * statements. Reads outside a transaction use a second connection, which in WAL mode sees the
 * last committed state and never waits for the writer.
 */
export class SqliteExecutor implements SqlExecutor {
  readonly dialect = "sqlite" as const;
  readonly db = createSqliteQueryBuilder();
  private readonly writer: Connection;
  private readonly reader: Connection;
  private readonly pending: WriteJob[] = [];
  private draining = false;
  private readonly checkpointer: CheckpointWorker | undefined;

  constructor(file: string, options: SqliteOptions = {}) {
    const resolved = { busyTimeoutMs: options.busyTimeoutMs ?? 10_000, synchronous: options.synchronous ?? "NORMAL" } as const;
    this.writer = open(file, resolved, false);
    this.reader = file === ":memory:" ? this.writer : open(file, resolved, true);
    this.checkpointer = file === ":memory:" ? undefined : new CheckpointWorker(file, options.checkpoint);
  }

  all<O>(query: Compilable<O>): Promise<O[]> {
    return Promise.resolve(allOn<O>(this.reader, query.compile()));
  }

  first<O>(query: Compilable<O>): Promise<O | undefined> {
    return Promise.resolve(allOn<O>(this.reader, query.compile())[0]);
  }

  tuples<T extends readonly unknown[]>(query: Compilable<unknown>): Promise<T[]> {
    return Promise.resolve(tuplesOn<T>(this.reader, query.compile()));
  }

  run(query: Compilable<unknown>): Promise<number> {
    return this.write((tx) => tx.run(query));
  }

  runMany(template: CompiledQuery, rows: readonly (readonly unknown[])[]): Promise<void> {
    return this.write((tx) => tx.runMany(template, rows));
  }

  write<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.pending.push({ fn, resolve, reject } as WriteJob);
      if (!this.draining) void this.drain();
    });
  }

  /**
   * Group commit: the writes that queued up while the previous transaction ran share one
   * BEGIN IMMEDIATE … COMMIT, each inside its own SAVEPOINT, so one refused write rolls back
   * alone. Shared index pages are written once per group instead of once per request, and every
   * caller is answered only after the COMMIT that holds its write.
   *
   * better-sqlite3 is synchronous, so a request's write runs to its COMMIT within the callback
   * that queued it; without a pass through the event loop between groups no other request is
   * ever read in time to join, and every group has one member. Hence the `setImmediate` turn.
   */
  private async drain(): Promise<void> {
    this.draining = true;
    try {
      while (this.pending.length > 0) {
        await this.checkpointer?.beginWrite();
        try {
          await this.commitGroup(this.pending.splice(0, MAX_GROUP));
        } finally {
          this.checkpointer?.endWrite();
        }
        if (this.pending.length === 0) await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      this.draining = false;
    }
  }

  private async commitGroup(group: WriteJob[]): Promise<void> {
    const conn = this.writer;
    const outcomes: (() => void)[] = [];
    try {
      conn.prepare("BEGIN IMMEDIATE").run();
    } catch (error) {
      for (const job of group) job.reject(error);
      return;
    }
    const tx = new SqliteTransaction(conn, this.db);
    // A lone write needs no savepoint (its failure rolls back the transaction), and a savepoint
    // copies every page it changes into a sub-journal first.
    const solo = group.length === 1;
    for (const job of group) {
      if (!solo) conn.prepare("SAVEPOINT tracklet_write").run();
      try {
        const result = await job.fn(tx);
        if (!solo) conn.prepare("RELEASE tracklet_write").run();
        outcomes.push(() => job.resolve(result));
      } catch (error) {
        if (solo || !conn.raw.inTransaction) {
          // A lone write failed, or SQLite rolled back the whole transaction (e.g. disk full):
          // nothing in the group is kept.
          if (conn.raw.inTransaction) conn.prepare("ROLLBACK").run();
          for (const member of group) member.reject(error);
          return;
        }
        conn.prepare("ROLLBACK TO tracklet_write").run();
        conn.prepare("RELEASE tracklet_write").run();
        outcomes.push(() => job.reject(error));
      }
    }
    try {
      conn.prepare("COMMIT").run();
    } catch (error) {
      if (conn.raw.inTransaction) conn.prepare("ROLLBACK").run();
      for (const job of group) job.reject(error);
      return;
    }
    for (const settle of outcomes) settle();
  }

  /**
   * SQLite's `PRAGMA data_version` on the writer connection: it changes when any other connection
   * commits (also a checkpoint that resets the WAL, which only costs a spurious change), never for
   * the writer's own commits. The reader connection would see the writer's commits too.
   */
  foreignWriteVersion(): number {
    return this.writer.prepare("PRAGMA data_version").pluck().get() as number;
  }

  /** The writer connection itself, for migrations and maintenance (not for request paths). */
  withRawConnection<T>(fn: (db: BetterSqlite3.Database) => T): T {
    return fn(this.writer.raw);
  }

  async close(): Promise<void> {
    await this.checkpointer?.close();
    if (this.reader !== this.writer) this.reader.raw.close();
    this.writer.raw.close();
  }
}

function allOn<O>(conn: Connection, compiled: CompiledQuery): O[] {
  const stmt = conn.prepare(compiled.sql);
  const params = compiled.parameters as unknown[];
  if (stmt.reader) return stmt.all(...params) as O[];
  stmt.run(...params);
  return [];
}

function tuplesOn<T>(conn: Connection, compiled: CompiledQuery): T[] {
  return conn.prepareRaw(compiled.sql).all(...(compiled.parameters as unknown[])) as T[];
}

/** The executor handed to a transaction's callback: everything runs on the writer connection. */
class SqliteTransaction implements SqlExecutor {
  readonly dialect = "sqlite" as const;

  constructor(
    private readonly conn: Connection,
    readonly db: Kysely<Database>,
  ) {}

  all<O>(query: Compilable<O>): Promise<O[]> {
    return Promise.resolve(allOn<O>(this.conn, query.compile()));
  }

  first<O>(query: Compilable<O>): Promise<O | undefined> {
    return Promise.resolve(allOn<O>(this.conn, query.compile())[0]);
  }

  tuples<T extends readonly unknown[]>(query: Compilable<unknown>): Promise<T[]> {
    return Promise.resolve(tuplesOn<T>(this.conn, query.compile()));
  }

  run(query: Compilable<unknown>): Promise<number> {
    const compiled = query.compile();
    return Promise.resolve(this.conn.prepare(compiled.sql).run(...(compiled.parameters as unknown[])).changes);
  }

  runMany(template: CompiledQuery, rows: readonly (readonly unknown[])[]): Promise<void> {
    const stmt = this.conn.prepare(template.sql);
    for (const row of rows) stmt.run(...row);
    return Promise.resolve();
  }

  write<T>(fn: (tx: SqlExecutor) => Promise<T>): Promise<T> {
    return fn(this);
  }

  close(): Promise<void> {
    return Promise.reject(new Error("close() inside a transaction"));
  }
}
