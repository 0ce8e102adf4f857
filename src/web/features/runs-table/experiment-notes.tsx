import { useQueries, useQueryClient } from "@tanstack/react-query";
import { SystemTags } from "../../../core/index.js";
import { useRestoreExperiment } from "../../api/experiments/experiment-mutations.js";
import { experimentQueryOptions } from "../../api/experiments/experiment-queries.js";
import { runKeys } from "../../api/runs/run-keys.js";
import { ErrorBanner } from "../../components/error-banner.js";
import { ExperimentDescription } from "./experiment-description.js";

/**
 * What the runs page says about its experiments above the table: that one is deleted (MLflow deletes
 * its runs with it, so the table looks empty for no visible reason otherwise), and a single
 * experiment's description (MLflow's `mlflow.note.content` tag, as its experiment page shows).
 */
export function ExperimentNotes({ experimentIds }: { experimentIds: readonly string[] }) {
  const experiments = useQueries({ queries: experimentIds.map((id) => experimentQueryOptions(id)) });
  const restore = useRestoreExperiment();
  const queryClient = useQueryClient();
  const deleted = experiments.flatMap((q) => (q.data?.lifecycle_stage === "deleted" ? [q.data] : []));
  const only = experimentIds.length === 1 ? experiments[0]?.data : undefined;
  const description = only?.tags.find((t) => t.key === SystemTags.NOTE)?.value?.trim();
  return (
    <>
      {deleted.map((experiment) => (
        <div key={experiment.experiment_id} className="undo-notice experiment-deleted-notice" role="status" data-testid="experiment-deleted">
          <span className="undo-notice-text">
            {experimentIds.length === 1 ? "This experiment is deleted." : <><strong>{experiment.name}</strong> is deleted.</>} MLflow deleted its runs with it; Restore brings both back.
          </span>
          <button type="button" className="btn btn-small" disabled={restore.isPending} onClick={() => restore.mutate(experiment.experiment_id, { onSuccess: () => void queryClient.invalidateQueries({ queryKey: runKeys.searches() }) })}>
            {restore.isPending && restore.variables === experiment.experiment_id ? "Restoring…" : "Restore"}
          </button>
        </div>
      ))}
      {restore.isError && <ErrorBanner title="Could not restore the experiment" error={restore.error} />}
      {description ? <ExperimentDescription text={description} /> : null}
    </>
  );
}
