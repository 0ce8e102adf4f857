import { Link } from "react-router";
import type { Run, ViewType } from "../../../core/index.js";
import { useRunsLifecycleMutation } from "../../api/runs/run-mutations.js";
import { ErrorBanner } from "../../components/error-banner.js";
import { paths } from "../../config/paths.js";
import { formatCount } from "../../utils/format.js";
import { MAX_COMPARE } from "../compare-runs/compare-limit.js";
import { chartHref } from "./chart-href.js";
import type { RunDeletion } from "./use-run-deletion.js";

interface Props {
  selectedIds: readonly string[];
  loaded: readonly Run[];
  viewType: ViewType;
  experimentIds: readonly string[];
  onClear: () => void;
  deletion: RunDeletion;
}

/**
 * Compare, delete and restore the selected runs. Deletion is soft in MLflow and the notice after it
 * offers Undo (see useRunDeletion), so it needs no confirm.
 */
export function SelectionActions({ selectedIds, loaded, viewType, experimentIds, onClear, deletion }: Props) {
  const lifecycle = useRunsLifecycleMutation();
  if (selectedIds.length === 0) return <span className="faint">Select runs to compare, delete or restore</span>;
  const stageOf = new Map(loaded.map((r) => [r.info.run_id, r.info.lifecycle_stage]));
  // Runs not loaded (a shared link) are assumed to be in the stage the view shows.
  const fallback = viewType === "DELETED_ONLY" ? "deleted" : "active";
  const deletable = selectedIds.filter((id) => (stageOf.get(id) ?? fallback) === "active");
  const restorable = selectedIds.filter((id) => (stageOf.get(id) ?? fallback) === "deleted");
  // A restore is the newest action: the notice of an earlier delete, and its Undo, no longer apply.
  const restore = (runIds: string[]) =>
    lifecycle.mutate(
      { action: "restore", runIds, experimentIds },
      {
        onSuccess: () => {
          deletion.dismiss();
          onClear();
        },
      },
    );
  const busy = lifecycle.isPending || deletion.deleting;
  const chart = chartHref(selectedIds, loaded, experimentIds);

  return (
    <div className="selection-actions" role="group" aria-label="Selected runs">
      <span data-testid="selection-count">{selectedIds.length} selected</span>
      {selectedIds.length <= MAX_COMPARE ? (
        <Link className="btn" to={paths.compareRuns.href({ runIds: selectedIds, experimentIds })}>
          Compare
        </Link>
      ) : (
        <button type="button" className="btn" disabled title={`Compare takes at most ${formatCount(MAX_COMPARE)} runs; narrow the selection`}>
          Compare
        </button>
      )}
      {chart !== undefined && (
        <Link className="btn" to={chart}>
          Chart
        </Link>
      )}
      {deletable.length > 0 && (
        <button type="button" className="btn btn-danger" disabled={busy} onClick={() => deletion.deleteRuns(deletable, onClear)}>
          Delete {deletable.length}
        </button>
      )}
      {restorable.length > 0 && (
        <button type="button" className="btn" disabled={busy} onClick={() => restore(restorable)}>
          Restore {restorable.length}
        </button>
      )}
      <button type="button" className="btn btn-ghost" onClick={onClear}>
        Clear
      </button>
      {lifecycle.isError && <ErrorBanner error={lifecycle.error} />}
    </div>
  );
}
