import { SystemTags, type Run } from "../../../core/index.js";
import { runDisplayNames } from "../../utils/run-display-names.js";
import { runLabel } from "./compare-fields.js";

/**
 * The runs with names that tell them apart, for what the compare view shows (headers, scatter and
 * parallel-coordinates labels): runs of nested sweeps share names such as `seed-0`, which get their
 * parent's name when the parent is among the compared runs, else a short run id. A run whose name is
 * unique is the same object. Not for the CSV export, whose `run_name` is the run's own.
 */
export function withDisplayNames(runs: readonly Run[]): Run[] {
  const nameById = new Map(runs.map((r) => [r.info.run_id, runLabel(r)]));
  const parentName = (run: Run): string | undefined => {
    const parentId = run.data.tags.find((t) => t.key === SystemTags.PARENT_RUN_ID)?.value;
    return parentId === undefined ? undefined : nameById.get(parentId);
  };
  const names = runDisplayNames(runs.map((r) => ({ runId: r.info.run_id, runName: runLabel(r), parentName: parentName(r) })));
  return runs.map((run) => {
    const name = names.get(run.info.run_id);
    return name === undefined || name === runLabel(run) ? run : { ...run, info: { ...run.info, run_name: name } };
  });
}
