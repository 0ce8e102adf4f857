import { mkdirSync, statSync } from "node:fs";
import { dirname, isAbsolute, join, resolve } from "node:path";
import { migrateSqlite, type MigrationReport } from "./migrations/sqlite/migrate-sqlite.js";
import { SqliteExecutor, type SqliteOptions } from "./sqlite/sqlite-executor.js";
import { SqlTrackingStore } from "./sql/sql-tracking-store.js";

export interface OpenStoreOptions {
  /** `sqlite:///relative.db`, `sqlite:////absolute.db`, a `.db` file path, or a directory (holds `mlflow.db`). */
  backendStoreUri: string;
  /** Root for new experiments' artifacts; `mlflow-artifacts:/` when the server proxies artifacts. */
  defaultArtifactRoot: string;
  sqlite?: SqliteOptions;
  /** Window sizes of runs/search's ordered plan; only tests change them, to reach its edge cases. */
  searchWindowFactors?: readonly number[];
  /** Called with a note when the database was created by another MLflow schema revision. */
  onWarning?: (message: string) => void;
}

export interface OpenedStore {
  store: SqlTrackingStore;
  /** The resolved database file. */
  location: string;
  migrations: MigrationReport;
}

/** Resolves MLflow's backend-store URI forms to a SQLite file path. */
export function resolveSqlitePath(uri: string, cwd = process.cwd()): string {
  if (uri.startsWith("sqlite://")) {
    const rest = uri.slice("sqlite://".length);
    if (rest === "" || rest === "/" || rest === "/:memory:") return ":memory:";
    // sqlite:///relative.db → "/relative.db" → relative; sqlite:////abs.db → "//abs.db" → absolute.
    const path = rest.startsWith("/") ? rest.slice(1) : rest;
    return isAbsolute(path) ? path : resolve(cwd, path);
  }
  if (uri.startsWith("file:")) return resolveSqlitePath(new URL(uri).pathname, cwd);
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(uri)) throw new Error(`Unsupported backend store URI: ${uri}`);
  const path = resolve(cwd, uri);
  const isDir = (() => {
    try {
      return statSync(path).isDirectory();
    } catch {
      return !/\.(db|sqlite|sqlite3)$/i.test(path);
    }
  })();
  return isDir ? join(path, "mlflow.db") : path;
}

export async function openTrackingStore(options: OpenStoreOptions): Promise<OpenedStore> {
  const location = resolveSqlitePath(options.backendStoreUri);
  if (location !== ":memory:") mkdirSync(dirname(location), { recursive: true });
  const executor = new SqliteExecutor(location, options.sqlite);
  try {
    const migrations = executor.withRawConnection((db) => migrateSqlite(db));
    if (migrations.warning) options.onWarning?.(migrations.warning);
    const store = new SqlTrackingStore(executor, {
      defaultArtifactRoot: options.defaultArtifactRoot,
      ...(options.searchWindowFactors ? { searchWindowFactors: options.searchWindowFactors } : {}),
    });
    await store.initialize();
    return { store, location, migrations };
  } catch (error) {
    await executor.close();
    throw error;
  }
}
