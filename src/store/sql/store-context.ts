import type { MetricWriteLog } from "./metric-write-log.js";
import type { SqlExecutor } from "./sql-executor.js";

/** What every query module of the SQL store needs. */
export interface StoreContext {
  readonly sql: SqlExecutor;
  /** Root under which new experiments get their artifact location, e.g. `mlflow-artifacts:/`. */
  readonly defaultArtifactRoot: string;
  readonly now: () => number;
  /** Runs whose metrics this store wrote, for readers that cache per series (summary-step-sampler.ts). */
  readonly metricWrites: MetricWriteLog;
  /** Window sizes of runs/search's ordered plan, in multiples of the rows asked for (search/ordered-window-search.ts); tests shrink them. */
  readonly searchWindowFactors?: readonly number[] | undefined;
}

/** MLflow's `append_to_uri_path`: one slash between root and child. */
export function appendToUriPath(root: string, child: string): string {
  return root.endsWith("/") ? `${root}${child}` : `${root}/${child}`;
}

/** Splits `items` into chunks that stay under SQLite's bound-parameter limit. */
export function chunked<T>(items: readonly T[], size = 500): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}
