import { useRef, useState, type CSSProperties } from "react";
import { Link } from "react-router";
import type { Experiment } from "../../../core/index.js";
import { useRenameExperiment, useRestoreExperiment } from "../../api/experiments/experiment-mutations.js";
import { TimeText } from "../../components/time-text.js";
import { paths } from "../../config/paths.js";
import { errorMessage } from "../../lib/error-message.js";

interface Props {
  experiment: Experiment;
  index: number;
  measureRef: (element: HTMLElement | null) => void;
  checked: boolean;
  onToggle: () => void;
  onDelete: () => void;
  deleting: boolean;
  onEditingChange: (editing: boolean) => void;
  style: CSSProperties;
}

export function ExperimentRow({ experiment, index, measureRef, checked, onToggle, onDelete, deleting, onEditingChange, style }: Props) {
  const [editing, setEditingState] = useState(false);
  const setEditing = (next: boolean) => {
    setEditingState(next);
    onEditingChange(next);
  };
  const [draft, setDraft] = useState(experiment.name);
  const rowRef = useRef<HTMLDivElement | null>(null);
  const rename = useRenameExperiment();
  const restore = useRestoreExperiment();
  const deleted = experiment.lifecycle_stage === "deleted";
  const id = experiment.experiment_id;

  const close = () => {
    setEditing(false);
    rename.reset();
  };
  const save = () => {
    const newName = draft.trim();
    if (rename.isPending) return;
    if (!newName || newName === experiment.name) return close();
    // The server already refused this very name: asking again would only repeat its answer.
    if (rename.isError && rename.variables.newName === newName) return;
    rename.mutate({ experimentId: id, newName }, { onSuccess: close });
  };

  const problem = editing && rename.isError ? `Not renamed. ${errorMessage(rename.error)}` : restore.isError ? `Not restored. ${errorMessage(restore.error)}` : undefined;

  return (
    <div
      ref={(element) => {
        rowRef.current = element;
        measureRef(element);
      }}
      data-index={index}
      className={`experiment-grid experiment-row${deleted ? " is-deleted" : ""}`}
      role="row"
      style={style}
      data-testid="experiment-row"
      data-experiment-id={id}
    >
      <span role="cell">
        <input type="checkbox" checked={checked} onChange={onToggle} aria-label={`Select ${experiment.name}`} />
      </span>
      <span role="cell" className="experiment-name">
        {editing ? (
          <input
            className="input"
            autoFocus
            aria-label="Experiment name"
            aria-invalid={rename.isError}
            aria-describedby={rename.isError ? `experiment-problem-${id}` : undefined}
            readOnly={rename.isPending}
            value={draft}
            onChange={(e) => {
              setDraft(e.target.value);
              // The refusal was about the name that was sent; an edited one has not been refused.
              if (rename.isError) rename.reset();
            }}
            onBlur={(e) => {
              // Moving to the row's own Save or Cancel button is not leaving the editor.
              if (e.relatedTarget instanceof Node && rowRef.current?.contains(e.relatedTarget)) return;
              save();
            }}
            onKeyDown={(e) => {
              if (e.key === "Enter") save();
              if (e.key === "Escape") close();
            }}
          />
        ) : (
          <>
            <Link to={paths.runs.href({ experimentIds: [id] })} title={deleted ? `${experiment.name} (deleted): open its runs` : experiment.name}>
              {experiment.name}
            </Link>
            {deleted && <span className="badge badge-danger">deleted</span>}
          </>
        )}
      </span>
      <span role="cell" className="mono faint col-id">
        {id}
      </span>
      <span role="cell" className="col-created">
        <TimeText ms={experiment.creation_time} />
      </span>
      <span role="cell" className="col-updated">
        <TimeText ms={experiment.last_update_time} />
      </span>
      <span role="cell" className="mono faint ellipsis col-artifact" title={experiment.artifact_location}>
        {experiment.artifact_location}
      </span>
      <span role="cell" className="experiment-actions">
        {editing ? (
          <>
            <button type="button" className="btn btn-small btn-primary" disabled={rename.isPending} onClick={save}>
              {rename.isPending ? "Saving…" : "Save"}
            </button>
            <button type="button" className="btn btn-small btn-ghost" onClick={close}>
              Cancel
            </button>
          </>
        ) : deleted ? (
          <button type="button" className="btn btn-small" disabled={restore.isPending} onClick={() => restore.mutate(id)}>
            Restore
          </button>
        ) : (
          <>
            <button
              type="button"
              className="btn btn-small btn-ghost"
              onClick={() => {
                setDraft(experiment.name);
                rename.reset();
                setEditing(true);
              }}
            >
              Rename
            </button>
            <button type="button" className="btn btn-small btn-ghost btn-danger" disabled={deleting} onClick={onDelete}>
              {deleting ? "Deleting…" : "Delete"}
            </button>
          </>
        )}
      </span>
      {problem && (
        <span role="cell" className="experiment-problem">
          <span role="alert" id={`experiment-problem-${id}`}>
            {problem}
          </span>
        </span>
      )}
    </div>
  );
}
