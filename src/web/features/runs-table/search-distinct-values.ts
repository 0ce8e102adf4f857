import type { Run } from "../../../core/index.js";
import { valueSearchFilter } from "./value-search-filter.js";

/** Runs per round: MLflow's default page of runs/search is far larger, and any server takes 100. */
export const VALUES_PAGE_SIZE = 100;
export const MAX_SERVER_VALUES = 50;
/** Each round finds at least one new value or ends the search. */
export const MAX_ROUNDS = 5;

export interface DistinctValuesRequest {
  entity: "tag" | "param";
  key: string;
  prefix: string;
}

/** One page of runs/search with `filter` (experiments and lifecycle are the caller's view). */
export type SearchRunsPage = (filter: string, maxResults: number) => Promise<readonly Run[]>;

function valueOf(run: Run, { entity, key }: DistinctValuesRequest): string | undefined {
  return (entity === "tag" ? run.data.tags : run.data.params).find((kv) => kv.key === key)?.value;
}

/**
 * Distinct values of a tag or param that start with `prefix`, found with MLflow's standard
 * runs/search alone (no server has "distinct values"): a few small pages, each excluding the values
 * already found, most frequent first. It ends at MAX_SERVER_VALUES, after a round with no new value
 * or a short page (no more runs to see), or when `signal` aborts. Most frequent first.
 */
export async function searchDistinctValues(search: SearchRunsPage, request: DistinctValuesRequest, signal?: AbortSignal): Promise<string[]> {
  const counts = new Map<string, number>();
  const ranked = () => [...counts.entries()].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)).map(([v]) => v);
  for (let round = 0; round < MAX_ROUNDS && counts.size < MAX_SERVER_VALUES && !signal?.aborted; round++) {
    const filter = valueSearchFilter(request.entity, request.key, request.prefix, ranked());
    if (filter === undefined) break;
    const runs = await search(filter, VALUES_PAGE_SIZE);
    let found = 0;
    for (const run of runs) {
      const value = valueOf(run, request);
      if (value === undefined) continue;
      if (!counts.has(value)) found++;
      counts.set(value, (counts.get(value) ?? 0) + 1);
    }
    if (found === 0 || runs.length < VALUES_PAGE_SIZE) break;
  }
  return ranked().slice(0, MAX_SERVER_VALUES);
}
