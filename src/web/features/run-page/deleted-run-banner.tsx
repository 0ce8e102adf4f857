import type { Run } from "../../../core/index.js";
import { useRunsLifecycleMutation } from "../../api/runs/run-mutations.js";
import { ErrorBanner } from "../../components/error-banner.js";

/** Says, above everything else, that the run is deleted (MLflow refuses tag and note changes then), with Restore. */
export function DeletedRunBanner({ run }: { run: Run }) {
  const restore = useRunsLifecycleMutation();
  const { run_id: runId, experiment_id: experimentId } = run.info;
  return (
    <div className="deleted-run-banner" role="status" data-testid="deleted-run-banner">
      <strong>This run is deleted.</strong>
      <span>Its tags and note are read-only until it is restored.</span>
      <button
        type="button"
        className="btn btn-small"
        disabled={restore.isPending}
        onClick={() => restore.mutate({ runIds: [runId], experimentIds: [experimentId], action: "restore" })}
      >
        {restore.isPending ? "Restoring…" : "Restore run"}
      </button>
      {restore.isError && <ErrorBanner title="The run was not restored" error={restore.error} />}
    </div>
  );
}
