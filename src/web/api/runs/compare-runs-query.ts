import { queryOptions } from "@tanstack/react-query";
import type { Run } from "../../../core/index.js";
import { apiClient } from "../../lib/api-client.js";
import { isLiveStatus, LIVE_REFRESH_MS } from "./live-status.js";
import { runKeys } from "./run-keys.js";

/** Ids per `run_id IN (…)` filter: keeps the filter text and each response small on any server. */
export const COMPARE_CHUNK = 100;
/** Searches in flight at once: 1,000 runs are ten requests, not ten at the same moment on two cores. */
const PARALLEL = 3;

export interface ComparedRuns {
  /** In the order the ids were asked for; runs that failed to load are left out. */
  runs: Run[];
  failures: { runId: string; error: unknown }[];
}

/** The `attributes.run_id IN (…)` filter (MLflow search syntax; run ids never hold quotes). */
export function runIdFilter(runIds: readonly string[]): string {
  return `attributes.run_id IN (${runIds.map((id) => `'${id}'`).join(", ")})`;
}

async function searchChunk(runIds: readonly string[], experimentIds: readonly string[], into: Map<string, Run>): Promise<void> {
  let pageToken: string | undefined;
  do {
    const page = await apiClient.call("searchRuns", {
      experiment_ids: [...experimentIds],
      filter: runIdFilter(runIds),
      run_view_type: "ALL",
      max_results: runIds.length,
      ...(pageToken ? { page_token: pageToken } : {}),
    });
    for (const run of page.runs ?? []) into.set(run.info.run_id, run);
    // MLflow sends a token with every full page; once every id is in, the next page would be empty.
    pageToken = page.runs?.length && runIds.some((id) => !into.has(id)) ? page.next_page_token : undefined;
  } while (pageToken);
}

async function inBatches<T>(items: readonly T[], size: number, task: (item: T) => Promise<void>): Promise<void> {
  for (let i = 0; i < items.length; i += size) await Promise.all(items.slice(i, i + size).map(task));
}

/**
 * Loads the runs to compare. With experiments known, one `runs/search` per 100 ids (standard MLflow
 * filter syntax, paged), so 100 runs cost one request instead of 100. Ids the search does not return
 * (a run in another experiment, an upper-case id MLflow's IN drops) and every id when the server
 * refuses the filter fall back to `runs/get`, one per run, as without experiments.
 */
export async function loadComparedRuns(runIds: readonly string[], experimentIds: readonly string[]): Promise<ComparedRuns> {
  const ids = [...new Set(runIds)];
  const found = new Map<string, Run>();
  if (experimentIds.length > 0 && ids.length > 0) {
    const chunks: string[][] = [];
    for (let i = 0; i < ids.length; i += COMPARE_CHUNK) chunks.push(ids.slice(i, i + COMPARE_CHUNK));
    try {
      await inBatches(chunks, PARALLEL, (chunk) => searchChunk(chunk, experimentIds, found));
    } catch {
      // A server without `run_id IN` support: what was found stays, the rest comes from get-run.
    }
  }
  const failures: ComparedRuns["failures"] = [];
  await inBatches(
    ids.filter((id) => !found.has(id)),
    8,
    async (runId) => {
      try {
        found.set(runId, (await apiClient.call("getRun", { run_id: runId })).run);
      } catch (error) {
        failures.push({ runId, error });
      }
    },
  );
  if (found.size === 0 && failures[0]) throw failures[0].error;
  return { runs: ids.flatMap((id) => found.get(id) ?? []), failures };
}

export function compareRunsQueryOptions(runIds: readonly string[], experimentIds: readonly string[]) {
  return queryOptions({
    queryKey: runKeys.compare(runIds, experimentIds),
    queryFn: () => loadComparedRuns(runIds, experimentIds),
    enabled: runIds.length > 0,
    // While a compared run trains, its row moves with its curve: the table, scatter and parallel
    // coordinates are re-read on the charts' beat (one search per 100 runs), until every run ends.
    refetchInterval: (query) => (query.state.data?.runs.some((r) => isLiveStatus(r.info.status)) ? LIVE_REFRESH_MS : false),
  });
}
