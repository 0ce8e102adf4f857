import { SystemTags, type Run } from "../../../core/index.js";
import { withTag } from "./patch-cached-run.js";
import type { RunSearch } from "./run-search.js";

/**
 * A run renamed as `runs/update` renames it: MLflow keeps the `mlflow.runName` tag equal to the name,
 * so both change, or a view that reads the tag (system tags, a tag column) would show the old name.
 */
export function withRunName(run: Run, name: string): Run {
  const tagged = withTag(run, SystemTags.RUN_NAME, name);
  return { ...tagged, info: { ...tagged.info, run_name: name } };
}

/** `run_name`, `attributes.run_name`, `tags.mlflow.runName` in any quoting or case. */
const NAME_REFERENCE = /run_?name/i;

/** Whether a rename can change which runs a search returns or their order: only then is it refetched. */
export function searchDependsOnRunName(search: RunSearch): boolean {
  return NAME_REFERENCE.test(search.filter) || NAME_REFERENCE.test(search.orderBy ?? "");
}
