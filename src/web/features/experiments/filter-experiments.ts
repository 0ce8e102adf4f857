import type { Experiment } from "../../../core/index.js";

/**
 * Case-insensitive substring match on the name or exact id, in the order the server returned them.
 * `keepId` always stays: the experiment being renamed, whose optimistic new name may no longer match
 * the search, and whose editor must not vanish (with the typed name) before the server has answered.
 */
export function filterExperiments(experiments: readonly Experiment[], query: string, keepId?: string): Experiment[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...experiments];
  return experiments.filter((e) => e.experiment_id === keepId || e.name.toLowerCase().includes(q) || e.experiment_id === q);
}
