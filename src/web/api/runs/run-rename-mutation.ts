import { useMutation, useQueryClient, type QueryClient, type QueryKey } from "@tanstack/react-query";
import { SystemTags, type Run } from "../../../core/index.js";
import { apiClient } from "../../lib/api-client.js";
import { patchCachedRun, restoreSnapshot } from "./patch-cached-run.js";
import { refetchRunAndSearches } from "./refetch-run-and-searches.js";
import { runKeys } from "./run-keys.js";
import { searchDependsOnRunName, withRunName } from "./with-run-name.js";

interface RunRename {
  runId: string;
  name: string;
}

const COMPARE_SCOPE = runKeys.compare([], [])[1];

/** A compare view's key that includes `runId` (the key holds the ids the user asked for). */
function comparesRun(key: QueryKey, runId: string): boolean {
  const [, scope, spec] = key;
  if (scope !== COMPARE_SCOPE || typeof spec !== "object" || spec === null || !("runIds" in spec)) return false;
  return Array.isArray(spec.runIds) && spec.runIds.includes(runId);
}

/**
 * The patched detail and search pages already hold the new name. What they cannot know: searches
 * that filter or sort by name (membership or order may change), the compare views and the parent's
 * child list that show this run under its name. Only those are refetched, with the run itself.
 */
async function settleRename(queryClient: QueryClient, runId: string, parentId: string | undefined): Promise<void> {
  await Promise.all([
    ...refetchRunAndSearches(queryClient, runId, searchDependsOnRunName),
    queryClient.invalidateQueries({ queryKey: runKeys.all, predicate: (q) => comparesRun(q.queryKey, runId) }),
    ...(parentId ? [queryClient.invalidateQueries({ queryKey: runKeys.children(parentId) })] : []),
  ]);
}

/**
 * Renames a run with MLflow's `runs/update` (`run_name`), optimistically: the title and every loaded
 * runs table show the new name at once, and get the old one back if the server refuses.
 */
export function useRunRenameMutation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ runId, name }: RunRename) => apiClient.call("updateRun", { run_id: runId, run_name: name }),
    onMutate: async ({ runId, name }: RunRename) => {
      await queryClient.cancelQueries({ queryKey: runKeys.detail(runId) });
      return patchCachedRun(queryClient, runId, (run) => withRunName(run, name));
    },
    onError: (_error, _rename, snapshot) => restoreSnapshot(queryClient, snapshot),
    onSettled: (_data, _error, { runId }) => {
      const parentId = queryClient.getQueryData<Run>(runKeys.detail(runId))?.data.tags.find((t) => t.key === SystemTags.PARENT_RUN_ID)?.value;
      return settleRename(queryClient, runId, parentId);
    },
  });
}
