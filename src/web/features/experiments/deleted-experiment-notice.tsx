import { ErrorBanner } from "../../components/error-banner.js";
import { UndoNotice } from "../../components/undo-notice.js";
import type { ExperimentDeletion } from "./use-experiment-deletion.js";

/** "Deleted <name> · Undo" after a delete, or why the delete (or its undo) failed. */
export function DeletedExperimentNotice({ deletion }: { deletion: ExperimentDeletion }) {
  const { lastDeleted, deleteFailure } = deletion;
  if (deleteFailure) return <ErrorBanner title={`Could not delete ${deleteFailure.name}`} error={deleteFailure.error} />;
  if (!lastDeleted) return null;
  return (
    <UndoNotice undoing={deletion.undoing} undoError={deletion.undoError} onUndo={deletion.undo} onDismiss={deletion.dismiss} testId="deleted-notice">
      Deleted <strong>{lastDeleted.name}</strong>
    </UndoNotice>
  );
}
