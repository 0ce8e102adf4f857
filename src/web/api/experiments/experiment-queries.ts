import { queryOptions } from "@tanstack/react-query";
import type { Experiment, ViewType } from "../../../core/index.js";
import { apiClient } from "../../lib/api-client.js";
import { FOCUS_REFRESH_AFTER_MS } from "../runs/runs-refresh-policy.js";
import { experimentKeys } from "./experiment-keys.js";

/** MLflow's page limit is 50,000; 1,000 per request keeps each response small. */
const EXPERIMENTS_PAGE_SIZE = 1000;

/**
 * Every experiment of a view type, all pages. Name search is done in the browser over this list:
 * it works against any MLflow server (the `name ILIKE` filter is not universally supported) and
 * answers as you type without a request per keystroke.
 */
export function experimentListQueryOptions(viewType: ViewType) {
  return queryOptions({
    queryKey: experimentKeys.list(viewType),
    queryFn: async ({ signal }): Promise<Experiment[]> => {
      const experiments: Experiment[] = [];
      let pageToken: string | undefined;
      do {
        if (signal.aborted) break;
        const page = await apiClient.call("searchExperiments", {
          max_results: EXPERIMENTS_PAGE_SIZE,
          view_type: viewType,
          ...(pageToken ? { page_token: pageToken } : {}),
        });
        experiments.push(...(page.experiments ?? []));
        // A full page carries a token even when nothing follows; an empty page ends the loop.
        pageToken = page.experiments?.length ? page.next_page_token : undefined;
      } while (pageToken);
      return experiments;
    },
    // Experiments are created from notebooks while this list is open: coming back to the tab shows
    // them. Past a few seconds only, since focus events come in bursts; a list of several pages
    // only once stale (30 s), as every page is read again.
    refetchOnWindowFocus: (query) =>
      (query.state.data?.length ?? 0) >= EXPERIMENTS_PAGE_SIZE ? true : Date.now() - query.state.dataUpdatedAt > FOCUS_REFRESH_AFTER_MS ? "always" : false,
  });
}

export function experimentQueryOptions(experimentId: string) {
  return queryOptions({
    queryKey: experimentKeys.detail(experimentId),
    queryFn: async (): Promise<Experiment> => (await apiClient.call("getExperiment", { experiment_id: experimentId })).experiment,
  });
}
