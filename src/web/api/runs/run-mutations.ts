import { useMutation, useQueryClient, type QueryClient } from "@tanstack/react-query";
import { apiClient } from "../../lib/api-client.js";
import { patchCachedRun, restoreSnapshot, withTag } from "./patch-cached-run.js";
import { refetchRunAndSearches } from "./refetch-run-and-searches.js";
import { runKeys } from "./run-keys.js";
import type { RunSearch } from "./run-search.js";

interface TagChange {
  runId: string;
  key: string;
  /** undefined deletes the tag. */
  value: string | undefined;
}

/**
 * After a tag change the patched caches already hold what the server would return, except for
 * searches whose filter or sort names that tag: only those can change membership or order, so
 * only those (and the run itself) are refetched.
 */
async function settleTagChange(queryClient: QueryClient, { runId, key }: TagChange): Promise<void> {
  await Promise.all(refetchRunAndSearches(queryClient, runId, (search) => search.filter.includes(key) || !!search.orderBy?.includes(key)));
}

/** Sets or deletes one run tag, optimistically: the note and tag editors never wait on the network. */
export function useRunTagMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ runId, key, value }: TagChange) =>
      value === undefined ? apiClient.call("deleteTag", { run_id: runId, key }) : apiClient.call("setTag", { run_id: runId, key, value }),
    onMutate: async (change: TagChange) => {
      await queryClient.cancelQueries({ queryKey: runKeys.detail(change.runId) });
      return patchCachedRun(queryClient, change.runId, (run) => withTag(run, change.key, change.value));
    },
    onError: (_error, _change, snapshot) => restoreSnapshot(queryClient, snapshot),
    // After a save the re-read is awaited, so the editor shows the server's run; after a failed one
    // it is not: an unreachable server would hold the error back for the re-read's retries (~3 s).
    onSettled: (_data, error, change) => {
      const settled = settleTagChange(queryClient, change);
      return error ? undefined : settled;
    },
  });
}

interface LifecycleChange {
  runIds: readonly string[];
  /** The experiments the runs belong to: only searches over these can change. */
  experimentIds: readonly string[];
  action: "delete" | "restore";
}

/** Deletes or restores several runs; membership of Active/Deleted views changes, so searches refetch. */
export function useRunsLifecycleMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async ({ runIds, action }: LifecycleChange) => {
      const endpoint = action === "delete" ? "deleteRun" : "restoreRun";
      // Sequential in small groups: a 500-run delete must not open 500 connections at once.
      for (let i = 0; i < runIds.length; i += 8) {
        await Promise.all(runIds.slice(i, i + 8).map((id) => apiClient.call(endpoint, { run_id: id })));
      }
    },
    onSettled: async (_data, _error, { runIds, experimentIds }) => {
      await Promise.all([
        queryClient.invalidateQueries({
          queryKey: runKeys.searches(),
          predicate: (q) => (q.queryKey[2] as RunSearch | undefined)?.experimentIds.some((id) => experimentIds.includes(id)) ?? true,
        }),
        ...runIds.map((id) => queryClient.invalidateQueries({ queryKey: runKeys.detail(id) })),
      ]);
    },
  });
}
