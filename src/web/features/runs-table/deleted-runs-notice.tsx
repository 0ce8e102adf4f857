import { ErrorBanner } from "../../components/error-banner.js";
import { UndoNotice } from "../../components/undo-notice.js";
import type { RunDeletion } from "./use-run-deletion.js";

/** "Deleted N runs · Undo" after a delete, or why the delete (or its undo) failed. */
export function DeletedRunsNotice({ deletion }: { deletion: RunDeletion }) {
  const { lastDeleted, deleteError, undoing, undoError } = deletion;
  if (deleteError !== undefined) return <ErrorBanner title="Could not delete the selected runs" error={deleteError} />;
  if (!lastDeleted) return null;
  const count = lastDeleted.length;
  return (
    <UndoNotice undoing={undoing} undoError={undoError} onUndo={deletion.undo} onDismiss={deletion.dismiss} testId="deleted-runs-notice">
      Deleted {count} run{count === 1 ? "" : "s"}
    </UndoNotice>
  );
}
