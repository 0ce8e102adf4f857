import type { QueryClient } from "@tanstack/react-query";
import { runKeys } from "./run-keys.js";
import type { RunSearch } from "./run-search.js";

/**
 * After an edit of one run whose patched caches already hold what the server would return: the run
 * itself, and only the searches the edit can reorder or change the membership of (`affected`, e.g.
 * those whose filter or sort names the edited tag), are fetched again.
 */
export function refetchRunAndSearches(queryClient: QueryClient, runId: string, affected: (search: RunSearch) => boolean): Promise<void>[] {
  return [
    queryClient.invalidateQueries({ queryKey: runKeys.detail(runId) }),
    queryClient.invalidateQueries({
      queryKey: runKeys.searches(),
      predicate: (q) => {
        const search = q.queryKey[2] as RunSearch | undefined;
        return !!search && affected(search);
      },
    }),
  ];
}
