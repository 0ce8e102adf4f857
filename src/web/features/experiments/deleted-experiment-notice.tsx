import { ErrorBanner } from "../../components/error-banner.js";
import { UndoNotice } from "../../components/undo-notice.js";
import type { DeletedExperiment } from "./use-experiment-deletion.js";

interface Props {
  deleted: DeletedExperiment | undefined;
  deleteFailure: { name: string; error: unknown } | undefined;
  undoing: boolean;
  undoError: unknown;
  onUndo: () => void;
  onDismiss: () => void;
}

/** "Deleted <name> · Undo" after a delete, or why the delete (or its undo) failed. */
export function DeletedExperimentNotice({ deleted, deleteFailure, undoing, undoError, onUndo, onDismiss }: Props) {
  if (deleteFailure) return <ErrorBanner title={`Could not delete ${deleteFailure.name}`} error={deleteFailure.error} />;
  if (!deleted) return null;
  return (
    <UndoNotice undoing={undoing} undoError={undoError} onUndo={onUndo} onDismiss={onDismiss} testId="deleted-notice">
      Deleted <strong>{deleted.name}</strong>
    </UndoNotice>
  );
}
