import type { Run } from "../../../core/index.js";

/**
 * The run that deltas and highlights are measured against: the user's pick (`ref` in the URL) when it
 * is among the runs; else the first run that logged a metric, else one with a param, else the first.
 * An empty run (one that crashed before logging) as reference would turn every delta into "—".
 */
export function referenceRun(runs: readonly Run[], chosenId: string | undefined): Run | undefined {
  const chosen = chosenId === undefined ? undefined : runs.find((r) => r.info.run_id === chosenId);
  return chosen ?? runs.find((r) => r.data.metrics.length > 0) ?? runs.find((r) => r.data.params.length > 0) ?? runs[0];
}
