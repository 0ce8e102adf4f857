import type { Run } from "../../../core/index.js";
import { useRunsLifecycleMutation } from "../../api/runs/run-mutations.js";
import { errorMessage } from "../../lib/error-message.js";

/** Deletes the run without asking: the page then shows it deleted with Restore, which is the undo. */
export function DeleteRunButton({ run }: { run: Run }) {
  const remove = useRunsLifecycleMutation();
  const { run_id: runId, experiment_id: experimentId } = run.info;
  return (
    <span className="run-delete">
      {remove.isError && (
        <span className="field-problem" role="alert">
          Not deleted. {errorMessage(remove.error)}
        </span>
      )}
      <button
        type="button"
        className="btn btn-small btn-ghost btn-danger"
        disabled={remove.isPending}
        onClick={() => remove.mutate({ runIds: [runId], experimentIds: [experimentId], action: "delete" })}
      >
        {remove.isPending ? "Deleting…" : "Delete run"}
      </button>
    </span>
  );
}
