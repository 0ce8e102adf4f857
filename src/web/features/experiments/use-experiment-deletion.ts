import { useState } from "react";
import type { Experiment } from "../../../core/index.js";
import { useDeleteExperiment, useRestoreExperiment } from "../../api/experiments/experiment-mutations.js";

export interface DeletedExperiment {
  id: string;
  name: string;
}

/**
 * Deleting is one click, so it must be undoable: the last deleted experiment is remembered (local UI
 * state; the list itself stays in react-query) and Undo restores it with MLflow's restore endpoint.
 */
export function useExperimentDeletion() {
  const remove = useDeleteExperiment();
  const restore = useRestoreExperiment();
  const [lastDeleted, setLastDeleted] = useState<DeletedExperiment | undefined>();
  const [failed, setFailed] = useState<{ name: string; error: unknown } | undefined>();

  const deleteExperiment = (experiment: Experiment) => {
    const target = { id: experiment.experiment_id, name: experiment.name };
    setFailed(undefined);
    restore.reset();
    remove.mutate(target.id, {
      onSuccess: () => setLastDeleted(target),
      onError: (error) => setFailed({ name: target.name, error }),
    });
  };
  const undo = () => {
    if (!lastDeleted) return;
    restore.mutate(lastDeleted.id, { onSuccess: () => setLastDeleted(undefined) });
  };
  const dismiss = () => {
    setLastDeleted(undefined);
    setFailed(undefined);
    restore.reset();
  };

  return {
    deleteExperiment,
    deletingId: remove.isPending ? remove.variables : undefined,
    lastDeleted,
    deleteFailure: failed,
    undo,
    undoing: restore.isPending,
    undoError: restore.isError ? restore.error : undefined,
    dismiss,
  };
}

export type ExperimentDeletion = ReturnType<typeof useExperimentDeletion>;
