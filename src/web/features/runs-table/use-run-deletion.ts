import { useState } from "react";
import { useRunsLifecycleMutation } from "../../api/runs/run-mutations.js";

export interface RunDeletion {
  deleteRuns: (runIds: readonly string[], onDeleted: () => void) => void;
  deleting: boolean;
  /** The runs of the last delete, while it can still be undone. */
  lastDeleted: readonly string[] | undefined;
  deleteError: unknown;
  undo: () => void;
  undoing: boolean;
  undoError: unknown;
  dismiss: () => void;
}

/**
 * Deleting selected runs is one click, so it must be undoable: the runs of the last delete are
 * remembered (local UI state; the runs themselves stay in react-query) and Undo restores them with
 * MLflow's restore endpoint.
 */
export function useRunDeletion(experimentIds: readonly string[]): RunDeletion {
  const remove = useRunsLifecycleMutation();
  const restore = useRunsLifecycleMutation();
  const [lastDeleted, setLastDeleted] = useState<readonly string[] | undefined>();

  const deleteRuns = (runIds: readonly string[], onDeleted: () => void) => {
    setLastDeleted(undefined);
    restore.reset();
    remove.mutate(
      { action: "delete", runIds, experimentIds },
      {
        onSuccess: () => {
          setLastDeleted(runIds);
          onDeleted();
        },
      },
    );
  };
  const undo = () => {
    if (!lastDeleted) return;
    restore.mutate({ action: "restore", runIds: lastDeleted, experimentIds }, { onSuccess: () => setLastDeleted(undefined) });
  };
  const dismiss = () => {
    setLastDeleted(undefined);
    remove.reset();
    restore.reset();
  };

  return {
    deleteRuns,
    deleting: remove.isPending,
    lastDeleted,
    deleteError: remove.isError ? remove.error : undefined,
    undo,
    undoing: restore.isPending,
    undoError: restore.isError ? restore.error : undefined,
    dismiss,
  };
}
