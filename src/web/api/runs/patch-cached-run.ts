import type { InfiniteData, QueryClient, QueryKey } from "@tanstack/react-query";
import type { Run, RunTag } from "../../../core/index.js";
import type { SearchRunsResponse } from "../../../core/api/endpoints.js";
import { runKeys } from "./run-keys.js";

type SearchPages = InfiniteData<SearchRunsResponse, string | undefined>;

export interface CacheSnapshot {
  entries: [QueryKey, unknown][];
}

/** A run with its tag `key` set to `value`, or removed when `value` is undefined. */
export function withTag(run: Run, key: string, value: string | undefined): Run {
  const others = run.data.tags.filter((t) => t.key !== key);
  const tags: RunTag[] = value === undefined ? others : [...others, { key, value }];
  return { ...run, data: { ...run.data, tags } };
}

/**
 * Applies `change` to run `runId` wherever it is cached (its detail and every loaded search page),
 * returning what was there before so an optimistic update can be rolled back exactly.
 */
export function patchCachedRun(queryClient: QueryClient, runId: string, change: (run: Run) => Run): CacheSnapshot {
  const entries: [QueryKey, unknown][] = [];
  const detail = queryClient.getQueryData<Run>(runKeys.detail(runId));
  if (detail) {
    entries.push([runKeys.detail(runId), detail]);
    queryClient.setQueryData(runKeys.detail(runId), change(detail));
  }
  for (const [key, data] of queryClient.getQueriesData<SearchPages>({ queryKey: runKeys.searches() })) {
    if (!data?.pages.some((p) => p.runs?.some((r) => r.info.run_id === runId))) continue;
    entries.push([key, data]);
    queryClient.setQueryData<SearchPages>(key, {
      ...data,
      pages: data.pages.map((p) => ({ ...p, runs: p.runs?.map((r) => (r.info.run_id === runId ? change(r) : r)) })),
    });
  }
  return { entries };
}

export function restoreSnapshot(queryClient: QueryClient, snapshot: CacheSnapshot | undefined): void {
  for (const [key, data] of snapshot?.entries ?? []) queryClient.setQueryData(key, data);
}
