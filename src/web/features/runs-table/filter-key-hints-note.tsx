import { queryOptions, useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import type { ViewType } from "../../../core/index.js";
import { parseRunFilter } from "../../../core/search/index.js";
import { runKeys } from "../../api/runs/run-keys.js";
import { apiClient } from "../../lib/api-client.js";
import { collectKeys } from "./column-model.js";
import { filterKeyHints } from "./filter-key-hints.js";

/** Runs read for their keys: enough to know an experiment's names, small enough to ask for in passing. */
const SAMPLE = 250;

/**
 * The keys of an experiment's runs, unfiltered (a filter that matched nothing left the table none to
 * read). Under `runKeys.all`, outside `runKeys.searches()`, whose predicates read a RunSearch at index 2.
 */
function keySampleQueryOptions(experimentIds: readonly string[], viewType: ViewType) {
  return queryOptions({
    queryKey: [...runKeys.all, "key-sample", { experimentIds, viewType }] as const,
    queryFn: async () => {
      const page = await apiClient.call("searchRuns", { experiment_ids: [...experimentIds], run_view_type: viewType, max_results: SAMPLE });
      return collectKeys(page.runs ?? []);
    },
    // A hint: without an answer the empty table simply has none.
    retry: false,
    staleTime: 60_000,
  });
}

interface Props {
  filter: string;
  experimentIds: readonly string[];
  viewType: ViewType;
}

/**
 * Under "No runs match this filter": the names in the filter that no run of the experiment has, with
 * the one probably meant (`metrics.los` → `metrics.loss`, `'RUNING'` → `'RUNNING'`). MLflow answers such
 * a filter with an empty table and no word, and a slip in a key reads like a filter that is too strict.
 */
export function FilterKeyHintsNote({ filter, experimentIds, viewType }: Props) {
  const keys = useQuery(keySampleQueryOptions(experimentIds, viewType));
  const hints = useMemo(() => {
    if (!keys.data) return [];
    try {
      const node = parseRunFilter(filter);
      return node ? filterKeyHints(node, keys.data) : [];
    } catch {
      // The table's own check refused it first; nothing to add here.
      return [];
    }
  }, [filter, keys.data]);
  if (hints.length === 0) return null;
  return (
    <ul className="filter-key-hints" data-testid="filter-key-hints">
      {hints.map((hint) => (
        <li key={hint.written}>
          No run here has <code>{hint.written}</code>
          {hint.meant !== undefined && (
            <>
              : did you mean <code>{hint.meant}</code>?
            </>
          )}
        </li>
      ))}
    </ul>
  );
}
