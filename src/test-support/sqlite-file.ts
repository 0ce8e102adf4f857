import BetterSqlite3 from "better-sqlite3";

/** Every row of every table, in a stable order: what "the stored data is unchanged" compares. */
export type DbSnapshot = Readonly<Record<string, readonly unknown[]>>;

/** Tables Tracklet's own bookkeeping writes to; they are not tracking data. */
const IGNORED_TABLES = new Set(["tracklet_migrations", "alembic_version"]);

function withReadOnly<T>(file: string, fn: (db: BetterSqlite3.Database) => T): T {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    return fn(db);
  } finally {
    db.close();
  }
}

function quote(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

export interface Snapshotter {
  /** Every row of every table right now. */
  snapshot(): DbSnapshot;
  close(): void;
}

/**
 * Keeps one read-only connection and its prepared statements, so tests can snapshot the database
 * before and after every request cheaply. In WAL mode it sees every committed write.
 */
export function openSnapshotter(file: string): Snapshotter {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  let statements: { table: string; stmt: BetterSqlite3.Statement }[] | undefined;
  let schemaVersion = -1;
  const prepare = (): { table: string; stmt: BetterSqlite3.Statement }[] => {
    const version = db.pragma("schema_version", { simple: true }) as number;
    if (statements && version === schemaVersion) return statements;
    schemaVersion = version;
    const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' ORDER BY name").all() as { name: string }[])
      .map((t) => t.name)
      .filter((name) => !IGNORED_TABLES.has(name));
    statements = tables.map((table) => {
      const columns = (db.prepare(`PRAGMA table_info(${quote(table)})`).all() as { name: string }[]).map((c) => quote(c.name));
      return { table, stmt: db.prepare(`SELECT * FROM ${quote(table)} ORDER BY ${columns.join(", ")}`) };
    });
    return statements;
  };
  return {
    snapshot: () => {
      const out: Record<string, unknown[]> = {};
      // One read transaction, so all tables come from the same committed state.
      db.transaction(() => {
        for (const { table, stmt } of prepare()) out[table] = stmt.all();
      })();
      return out;
    },
    close: () => db.close(),
  };
}

/** A one-off snapshot through a fresh read-only connection. */
export function snapshotDatabase(file: string): DbSnapshot {
  const snapshotter = openSnapshotter(file);
  try {
    return snapshotter.snapshot();
  } finally {
    snapshotter.close();
  }
}

/** Row counts of the main tracking tables. */
export function countRows(file: string): Record<"experiments" | "runs" | "metrics" | "latest_metrics" | "params" | "tags", number> {
  return withReadOnly(file, (db) => {
    const count = (table: string): number => (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
    return {
      experiments: count("experiments"),
      runs: count("runs"),
      metrics: count("metrics"),
      latest_metrics: count("latest_metrics"),
      params: count("params"),
      tags: count("tags"),
    };
  });
}

/** Number of stored metric points per run. */
export function metricRowsPerRun(file: string): Map<string, number> {
  return withReadOnly(file, (db) => {
    const rows = db.prepare("SELECT run_uuid, COUNT(*) AS n FROM metrics GROUP BY run_uuid").all() as { run_uuid: string; n: number }[];
    return new Map(rows.map((r) => [r.run_uuid, r.n]));
  });
}

/** The raw stored metric rows of one run (value, is_nan as written by the store). */
export function storedMetrics(file: string, runId: string): { key: string; value: number; is_nan: number; timestamp: number; step: number }[] {
  return withReadOnly(file, (db) =>
    db.prepare("SELECT key, value, is_nan, timestamp, step FROM metrics WHERE run_uuid = ? ORDER BY key, step, timestamp, value").all(runId) as {
      key: string;
      value: number;
      is_nan: number;
      timestamp: number;
      step: number;
    }[],
  );
}

/**
 * Runs one statement on the file through its own connection, for test set-up that the API cannot
 * express (for example equal creation times to exercise a sort's tie-breaker).
 */
export function execOnFile(file: string, sql: string, ...params: unknown[]): number {
  const db = new BetterSqlite3(file, { fileMustExist: true });
  try {
    db.pragma("busy_timeout = 5000");
    return db.prepare(sql).run(...params).changes;
  } finally {
    db.close();
  }
}
