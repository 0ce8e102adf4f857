import type BetterSqlite3 from "better-sqlite3";
import { MLFLOW_ALEMBIC_REVISION } from "./0001-mlflow-schema.js";
import { sqliteMigrations } from "./sqlite-migrations.js";

export interface MigrationReport {
  applied: string[];
  /** Set when the file was created by MLflow at another alembic revision. */
  warning?: string;
}

/**
 * Brings a SQLite file to the current schema. It runs in one BEGIN IMMEDIATE transaction, so two
 * servers starting on the same new file cannot both create the schema: the second waits, then
 * finds the migrations recorded.
 */
export function migrateSqlite(db: BetterSqlite3.Database): MigrationReport {
  const report: MigrationReport = { applied: [] };
  db.exec("BEGIN IMMEDIATE");
  try {
    db.exec(
      "CREATE TABLE IF NOT EXISTS tracklet_migrations (version INTEGER NOT NULL PRIMARY KEY, name VARCHAR(200) NOT NULL, applied_at BIGINT NOT NULL)",
    );
    const applied = new Set((db.prepare("SELECT version FROM tracklet_migrations").all() as { version: number }[]).map((r) => r.version));
    const hasMlflowSchema = db.prepare("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'alembic_version'").get() !== undefined;
    if (hasMlflowSchema && !applied.has(1)) {
      // A database MLflow created: its schema is migration 1 already.
      const revision = (db.prepare("SELECT version_num FROM alembic_version").get() as { version_num: string } | undefined)?.version_num;
      if (revision !== MLFLOW_ALEMBIC_REVISION) {
        report.warning = `This database was created by MLflow at alembic revision ${revision ?? "(none)"}; Tracklet targets ${MLFLOW_ALEMBIC_REVISION}. Tracking tables are read and written as they are.`;
      }
      db.prepare("INSERT INTO tracklet_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(1, "adopted-mlflow-schema", Date.now());
      applied.add(1);
    }
    for (const migration of sqliteMigrations) {
      if (applied.has(migration.version)) continue;
      db.exec(migration.sql);
      db.prepare("INSERT INTO tracklet_migrations (version, name, applied_at) VALUES (?, ?, ?)").run(migration.version, migration.name, Date.now());
      report.applied.push(migration.name);
    }
    db.exec("COMMIT");
  } catch (error) {
    if (db.inTransaction) db.exec("ROLLBACK");
    throw error;
  }
  return report;
}
