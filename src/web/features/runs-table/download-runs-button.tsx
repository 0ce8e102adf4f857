import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import type { Run } from "../../../core/index.js";
import { compareRunsQueryOptions } from "../../api/runs/compare-runs-query.js";
import { errorMessage } from "../../lib/error-message.js";
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
 * not the ancestors shown for context), or the selected ones. Built in the tab from what is loaded;
 * selected runs the table has not loaded (a shared link's selection, runs further down) are read
 * first, the way the compare view reads them, so the file holds every selected run.
 */
export function DownloadRunsButton({ loaded, selectedIds, experimentIds }: Props) {
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const inTable = runsToExport(loaded, selectedIds);
  const count = selectedIds.length > 0 ? new Set(selectedIds).size : inTable.length;
  const what = selectedIds.length > 0 ? `the ${count} selected runs` : `the ${count} loaded runs`;
  const download = async (): Promise<void> => {
    let runs = inTable;
    const have = new Set(inTable.map((r) => r.info.run_id));
    const missing = [...new Set(selectedIds)].filter((id) => !have.has(id));
    if (missing.length > 0) {
      setBusy(true);
      setProblem(undefined);
      try {
        const read = await queryClient.fetchQuery(compareRunsQueryOptions(missing, experimentIds));
        const byId = new Map([...inTable, ...read.runs].map((r) => [r.info.run_id, r]));
        runs = [...new Set(selectedIds)].flatMap((id) => byId.get(id) ?? []);
        if (read.failures.length > 0) setProblem(`${read.failures.length} selected runs could not be read and are not in the file`);
      } catch (error) {
        setProblem(`Could not read the selected runs: ${errorMessage(error)}`);
        return;
      } finally {
        setBusy(false);
      }
    }
    downloadCsv(toCsv(runsCsvRows(runs)), `runs-experiment-${experimentIds.join("-")}.csv`);
  };
  return (
    <>
      <button type="button" className="btn" disabled={count === 0 || busy} aria-busy={busy} title={`Download ${what} as CSV`} onClick={() => void download()}>
        {busy ? "Preparing CSV…" : "Download CSV"}
      </button>
      {problem && (
        <span className="field-problem" role="alert">
          {problem}
        </span>
      )}
    </>
  );
}
