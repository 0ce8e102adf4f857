import { useEffect, useRef, useState, type FormEvent } from "react";
import type { Run } from "../../../core/index.js";
import { useRunRenameMutation } from "../../api/runs/run-rename-mutation.js";
import { errorMessage } from "../../lib/error-message.js";
import { runNameProblem } from "./run-name-problem.js";

/**
 * The run's name as the page title, with Rename (MLflow's run page has it too). Enter saves, Escape
 * cancels. The rename is optimistic; a refusal puts the old name back and says why. A deleted run
 * cannot be renamed (MLflow updates only active runs), so it gets no button.
 */
export function RunTitle({ run, editable }: { run: Run; editable: boolean }) {
  const { run_id: runId, run_name: runName } = run.info;
  const title = runName || runId;
  const [editingState, setEditing] = useState(false);
  const editing = editingState && editable;
  const [draft, setDraft] = useState(runName);
  const [problem, setProblem] = useState<string | undefined>();
  const rename = useRunRenameMutation();
  // Closing the editor removes what had the focus: it goes back to the button that opens it.
  const renameButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(editing);
  useEffect(() => {
    if (wasEditing.current && !editing) renameButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  const start = () => {
    setDraft(runName);
    setProblem(undefined);
    rename.reset();
    setEditing(true);
  };
  const cancel = () => {
    setProblem(undefined);
    setEditing(false);
  };
  const save = (event: FormEvent) => {
    event.preventDefault();
    // Spaces around a name are almost always a paste accident, and invisible in every view.
    const name = draft.trim();
    const refused = runNameProblem(name);
    setProblem(refused);
    if (refused) return;
    setEditing(false);
    if (name !== runName) rename.mutate({ runId, name });
  };

  return (
    <div className="run-title">
      {editing ? (
        <form className="run-rename" onSubmit={save}>
          <input
            className="input"
            autoFocus
            aria-label="Run name"
            aria-invalid={problem !== undefined}
            aria-describedby={problem ? "run-rename-problem" : undefined}
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value);
              setProblem(undefined);
            }}
            onKeyDown={(e) => {
              if (e.key !== "Escape") return;
              e.preventDefault();
              cancel();
            }}
          />
          <button type="submit" className="btn btn-small btn-primary">
            Save
          </button>
          <button type="button" className="btn btn-small btn-ghost" onClick={cancel}>
            Cancel
          </button>
        </form>
      ) : (
        <div className="run-title-row">
          {/* Clamped to two lines: the title attribute holds all of a long name. */}
          <h1 data-testid="run-title" title={title}>
            {title}
          </h1>
          {editable && (
            <button ref={renameButton} type="button" className="btn btn-small btn-ghost run-rename-button" aria-label="Rename run" title="Rename run" onClick={start}>
              <span aria-hidden="true">✎</span> Rename
            </button>
          )}
        </div>
      )}
      {problem && (
        <div id="run-rename-problem" className="field-problem run-title-problem" role="alert">
          {problem}
        </div>
      )}
      {rename.isError && (
        <div className="field-problem run-title-problem" role="alert" data-testid="rename-error">
          Not renamed. {errorMessage(rename.error)}
        </div>
      )}
    </div>
  );
}
