import BetterSqlite3 from "better-sqlite3";

/** Tables a successful injection through a search would most likely touch. */
export const CENSUS_TABLES = [
  "experiments",
  "experiment_tags",
  "runs",
  "params",
  "tags",
  "metrics",
  "latest_metrics",
  "datasets",
  "inputs",
  "input_tags",
] as const;

export interface DbCensus {
  /** Row count per table of CENSUS_TABLES. */
  counts: Record<(typeof CENSUS_TABLES)[number], number>;
  /** Every schema object (tables, indexes, triggers, views) with its SQL, sorted. */
  schema: { type: string; name: string; tbl_name: string; sql: string | null }[];
}

/** Row counts and the whole sqlite_master, read through a separate read-only connection. */
export function takeCensus(file: string): DbCensus {
  const db = new BetterSqlite3(file, { readonly: true, fileMustExist: true });
  try {
    const counts = Object.fromEntries(
      CENSUS_TABLES.map((table) => [table, (db.prepare(`SELECT COUNT(*) AS n FROM "${table}"`).get() as { n: number }).n] as const),
    ) as DbCensus["counts"];
    const schema = db.prepare("SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name").all() as DbCensus["schema"];
    return { counts, schema };
  } finally {
    db.close();
  }
}
