import type { Run } from "../../../core/index.js";
import { paths } from "../../config/paths.js";

/**
 * The Chart link of a selection: the first selected run's metric grid, overlaying the others, under
 * that run's own experiment (a table of several experiments must not file it under the first one).
 * A selected run not loaded (a shared link's selection) falls back to the table's first experiment:
 * the run page reads the run by id, so only the breadcrumb could be off.
 */
export function chartHref(selectedIds: readonly string[], loaded: readonly Run[], experimentIds: readonly string[]): string | undefined {
  const first = selectedIds[0];
  if (first === undefined) return undefined;
  const experimentId = loaded.find((r) => r.info.run_id === first)?.info.experiment_id ?? experimentIds[0];
  return experimentId === undefined ? undefined : paths.runMetrics.href({ experimentId, runId: first, runIds: selectedIds });
}
