import { MLFLOW_ALEMBIC_REVISION, mlflowSchemaSqlite } from "./0001-mlflow-schema.js";
import { searchIndexesSqlite } from "./0002-search-indexes.js";
import { searchCoveringIndexesSqlite } from "./0003-search-covering-indexes.js";
import { runHydrationAndOrderIndexesSqlite } from "./0004-run-hydration-and-order-indexes.js";
import { metricSummariesSqlite } from "./0005-metric-summaries.js";

export interface SqliteMigration {
  readonly version: number;
  readonly name: string;
  readonly sql: string;
}

/** Ordered and frozen: a released migration is never edited, only followed by a new one. */
export const sqliteMigrations: readonly SqliteMigration[] = [
  {
    version: 1,
    name: "mlflow-schema-1b5f0d9ad7c1",
    sql: `${mlflowSchemaSqlite}\nINSERT INTO alembic_version (version_num) VALUES ('${MLFLOW_ALEMBIC_REVISION}');`,
  },
  { version: 2, name: "search-indexes", sql: searchIndexesSqlite },
  { version: 3, name: "search-covering-indexes", sql: searchCoveringIndexesSqlite },
  { version: 4, name: "run-hydration-and-order-indexes", sql: runHydrationAndOrderIndexesSqlite },
  { version: 5, name: "metric-summaries", sql: metricSummariesSqlite },
];
