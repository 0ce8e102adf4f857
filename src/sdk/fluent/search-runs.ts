import type { ViewType } from "../../core/index.js";
import type { Run } from "../entities/sdk-entities.js";
import { session } from "./fluent-session.js";

export interface FluentSearchRunsOptions {
  experimentIds?: readonly string[];
  /** Experiments by name; names that match no experiment are ignored, as MLflow does. */
  experimentNames?: readonly string[];
  /** Every experiment, when neither ids nor names are given. */
  searchAllExperiments?: boolean;
  filterString?: string;
  runViewType?: ViewType;
  /** 100,000 by default, as MLflow's search_runs. */
  maxResults?: number;
  orderBy?: readonly string[];
}

/** One run as a flat row, like a row of MLflow's search_runs DataFrame. */
export type RunRecord = Record<string, string | number | null>;

const PAGE_SIZE = 10_000;

async function experimentIdsFor(options: FluentSearchRunsOptions): Promise<string[]> {
  const client = session.client();
  const ids = [...(options.experimentIds ?? [])];
  for (const name of options.experimentNames ?? []) {
    const experiment = await client.getExperimentByName(name);
    if (experiment) ids.push(experiment.experiment_id);
  }
  if (ids.length > 0 || options.experimentNames?.length) return ids;
  if (options.searchAllExperiments) return (await client.searchExperiments({ viewType: "ALL", maxResults: 50_000 })).map((e) => e.experiment_id);
  return [await session.resolveExperimentId()];
}

/** All matching runs (following page tokens) as Run entities. */
export async function searchRunsList(options: FluentSearchRunsOptions = {}): Promise<Run[]> {
  session.throwPendingFailure();
  const client = session.client();
  const experimentIds = await experimentIdsFor(options);
  if (experimentIds.length === 0) return [];
  const limit = options.maxResults ?? 100_000;
  const runs: Run[] = [];
  let pageToken: string | undefined;
  do {
    const page = await client.searchRuns(experimentIds, {
      ...(options.filterString ? { filterString: options.filterString } : {}),
      ...(options.orderBy ? { orderBy: options.orderBy } : {}),
      runViewType: options.runViewType ?? "ACTIVE_ONLY",
      maxResults: Math.min(PAGE_SIZE, limit - runs.length),
      ...(pageToken ? { pageToken } : {}),
    });
    runs.push(...page);
    pageToken = page.token;
  } while (pageToken && runs.length < limit);
  return runs;
}

/**
 * Runs as flat records with MLflow's DataFrame columns: run_id, experiment_id, status,
 * artifact_uri, start_time, end_time, then `metrics.<key>`, `params.<key>` and `tags.<key>`.
 * Every record has every column; a run without a value has `null` there.
 */
export function toRunRecords(runs: readonly Run[]): RunRecord[] {
  const columns = new Set<string>();
  const rows = runs.map((run) => {
    const row: RunRecord = {
      run_id: run.info.run_id,
      experiment_id: run.info.experiment_id,
      status: run.info.status,
      artifact_uri: run.info.artifact_uri,
      start_time: run.info.start_time,
      end_time: run.info.end_time ?? null,
    };
    const groups: [string, Readonly<Record<string, string | number>>][] = [
      ["metrics", run.data.metrics],
      ["params", run.data.params],
      ["tags", run.data.tags],
    ];
    for (const [prefix, values] of groups) {
      for (const [key, value] of Object.entries(values)) {
        row[`${prefix}.${key}`] = value;
        columns.add(`${prefix}.${key}`);
      }
    }
    return row;
  });
  const sorted = [...columns].sort();
  return rows.map((row) => {
    for (const column of sorted) row[column] ??= null;
    return row;
  });
}

/** MLflow's search_runs: flat records by default, Run entities with `outputFormat: "list"`. */
export async function searchRuns(options?: FluentSearchRunsOptions & { outputFormat?: "records" }): Promise<RunRecord[]>;
export async function searchRuns(options: FluentSearchRunsOptions & { outputFormat: "list" }): Promise<Run[]>;
export async function searchRuns(options: FluentSearchRunsOptions & { outputFormat?: "records" | "list" } = {}): Promise<RunRecord[] | Run[]> {
  const runs = await searchRunsList(options);
  return options.outputFormat === "list" ? runs : toRunRecords(runs);
}
