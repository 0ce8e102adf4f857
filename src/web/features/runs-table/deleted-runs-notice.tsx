import { ErrorBanner } from "../../components/error-banner.js";
import type { RunDeletion } from "./use-run-deletion.js";

/** "Deleted N runs · Undo" after a delete, or why the delete (or its undo) failed. */
export function DeletedRunsNotice({ deletion }: { deletion: RunDeletion }) {
  const { lastDeleted, deleteError, undoing, undoError } = deletion;
  if (deleteError !== undefined) return <ErrorBanner title="Could not delete the selected runs" error={deleteError} />;
  if (!lastDeleted) return null;
  const count = lastDeleted.length;
  return (
    <div className="runs-notice" role="status" data-testid="deleted-runs-notice">
      <span>
        Deleted {count} run{count === 1 ? "" : "s"}
      </span>
      <span aria-hidden="true">·</span>
      <button type="button" className="btn btn-small" disabled={undoing} onClick={deletion.undo}>
        {undoing ? "Restoring…" : "Undo"}
      </button>
      <button type="button" className="btn btn-small btn-ghost" aria-label="Dismiss" onClick={deletion.dismiss}>
        ✕
      </button>
      {undoError !== undefined && <ErrorBanner title="Undo failed" error={undoError} />}
    </div>
  );
}
