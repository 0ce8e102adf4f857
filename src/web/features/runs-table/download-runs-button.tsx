import type { Run } from "../../../core/index.js";
import { toCsv } from "../compare-runs/csv.js";
import { downloadCsv } from "../compare-runs/download-csv.js";
import { runsCsvRows, runsToExport } from "./runs-csv.js";

interface Props {
  loaded: readonly Run[];
  selectedIds: readonly string[];
  experimentIds: readonly string[];
}

/**
 * MLflow's "Download CSV": the runs loaded so far under the current filter (the table's own rows,
 * not the ancestors shown for context), or the selected ones. Built in the tab from what is loaded:
 * no request, and exactly the runs the user sees.
 */
export function DownloadRunsButton({ loaded, selectedIds, experimentIds }: Props) {
  const runs = runsToExport(loaded, selectedIds);
  const what = selectedIds.length > 0 ? `the ${runs.length} selected runs` : `the ${runs.length} loaded runs`;
  return (
    <button
      type="button"
      className="btn"
      disabled={runs.length === 0}
      title={`Download ${what} as CSV`}
      onClick={() => downloadCsv(toCsv(runsCsvRows(runs)), `runs-experiment-${experimentIds.join("-")}.csv`)}
    >
      Download CSV
    </button>
  );
}
