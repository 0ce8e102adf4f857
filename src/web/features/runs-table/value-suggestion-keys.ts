import type { ViewType } from "../../../core/index.js";
import { runKeys } from "../../api/runs/run-keys.js";
import type { DistinctValuesRequest } from "./search-distinct-values.js";

/** Everything that decides which values the server suggests. */
export interface ValueSuggestionRequest extends DistinctValuesRequest {
  /** Sorted, as in a RunSearch. */
  experimentIds: readonly string[];
  viewType: ViewType;
}

/**
 * Query keys of the values the search box asks the server for: under `runKeys.all`, so whatever
 * drops every run query drops these too, and outside `runKeys.searches()`, whose predicates read
 * a RunSearch at index 2.
 */
export const valueSuggestionKeys = {
  all: () => [...runKeys.all, "values"] as const,
  values: (request: ValueSuggestionRequest) => [...valueSuggestionKeys.all(), request] as const,
};
