import type { Run } from "../../../core/index.js";
import type { RunSearch } from "../../api/runs/run-search.js";

/**
 * Whether a fetched ancestor is a result of `search` in its own right, only on a page not loaded
 * yet. Without a filter that is known for sure: every run of the searched experiments in the shown
 * lifecycle stage matches. Under a filter the browser does not judge (the server's rules decide),
 * so the ancestor stays context until its page, if any, brings it.
 */
export function ancestorIsResult(search: Pick<RunSearch, "experimentIds" | "filter" | "viewType">): (run: Run) => boolean {
  if (search.filter.trim()) return () => false;
  return (run) => {
    if (!search.experimentIds.includes(run.info.experiment_id)) return false;
    const stage = run.info.lifecycle_stage;
    return search.viewType === "ALL" || (search.viewType === "DELETED_ONLY" ? stage === "deleted" : stage === "active");
  };
}
