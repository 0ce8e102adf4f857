import type { Experiment } from "../../../core/index.js";

/** Case-insensitive substring match on the name or exact id, in the order the server returned them. */
export function filterExperiments(experiments: readonly Experiment[], query: string): Experiment[] {
  const q = query.trim().toLowerCase();
  if (!q) return [...experiments];
  return experiments.filter((e) => e.name.toLowerCase().includes(q) || e.experiment_id === q);
}
