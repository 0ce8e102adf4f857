import { queryOptions, skipToken } from "@tanstack/react-query";
import { apiClient } from "../../lib/api-client.js";
import { searchDistinctValues } from "./search-distinct-values.js";
import { valueSuggestionKeys, type ValueSuggestionRequest } from "./value-suggestion-keys.js";

/** Values of one key from the server, with the key they belong to (an answer may outlive its key on screen). */
export interface ServerValues {
  entity: "tag" | "param";
  key: string;
  values: readonly string[];
}

/** The server's values for `request`; nothing is asked while there is no request. */
export function valueSuggestionsQueryOptions(request: ValueSuggestionRequest | undefined) {
  return queryOptions({
    queryKey: request ? valueSuggestionKeys.values(request) : valueSuggestionKeys.all(),
    queryFn: request
      ? async ({ signal }): Promise<ServerValues> => {
          const values = await searchDistinctValues(
            async (filter, maxResults) => {
              const page = await apiClient.call("searchRuns", { experiment_ids: [...request.experimentIds], run_view_type: request.viewType, filter, max_results: maxResults });
              return page.runs ?? [];
            },
            request,
            signal,
          );
          return { entity: request.entity, key: request.key, values };
        }
      : skipToken,
    // Suggestions are a help: the loaded runs' values stand in for a failed answer, unretried.
    retry: false,
  });
}
