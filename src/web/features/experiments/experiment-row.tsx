import { useState, type CSSProperties } from "react";
import { Link } from "react-router";
import type { Experiment } from "../../../core/index.js";
import { useDeleteExperiment, useRenameExperiment, useRestoreExperiment } from "../../api/experiments/experiment-mutations.js";
import { TimeText } from "../../components/time-text.js";
import { paths } from "../../config/paths.js";
import { errorMessage } from "../../lib/error-message.js";

interface Props {
  experiment: Experiment;
  checked: boolean;
  onToggle: () => void;
  style: CSSProperties;
}

export function ExperimentRow({ experiment, checked, onToggle, style }: Props) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState(experiment.name);
  const rename = useRenameExperiment();
  const remove = useDeleteExperiment();
  const restore = useRestoreExperiment();
  const deleted = experiment.lifecycle_stage === "deleted";
  const id = experiment.experiment_id;
  const failure = rename.error ?? remove.error ?? restore.error;

  const save = () => {
    const newName = draft.trim();
    setEditing(false);
    if (newName && newName !== experiment.name) rename.mutate({ experimentId: id, newName });
  };

  return (
    <div className={`experiment-grid experiment-row${deleted ? " is-deleted" : ""}`} role="row" style={style} data-testid="experiment-row" data-experiment-id={id}>
      <span role="cell">
        <input type="checkbox" checked={checked} onChange={onToggle} aria-label={`Select ${experiment.name}`} />
      </span>
      <span role="cell" className="experiment-name">
        {editing ? (
          <input
            className="input"
            autoFocus
            aria-label="Experiment name"
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onBlur={save}
            onKeyDown={(e) => {
              if (e.key === "Enter") save();
              if (e.key === "Escape") setEditing(false);
            }}
          />
        ) : (
          <>
            <Link to={paths.runs.href({ experimentIds: [id] })} title={experiment.name}>
              {experiment.name}
            </Link>
            {deleted && <span className="badge badge-danger">deleted</span>}
          </>
        )}
        {failure && (
          <span className="experiment-error" role="alert" title={errorMessage(failure)}>
            {errorMessage(failure)}
          </span>
        )}
      </span>
      <span role="cell" className="mono faint">
        {id}
      </span>
      <span role="cell">
        <TimeText ms={experiment.creation_time} />
      </span>
      <span role="cell">
        <TimeText ms={experiment.last_update_time} />
      </span>
      <span role="cell" className="mono faint ellipsis" title={experiment.artifact_location}>
        {experiment.artifact_location}
      </span>
      <span role="cell" className="experiment-actions">
        {!deleted && !editing && (
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
        )}
        {deleted ? (
          <button type="button" className="btn btn-small" disabled={restore.isPending} onClick={() => restore.mutate(id)}>
            Restore
          </button>
        ) : (
          <button type="button" className="btn btn-small btn-ghost btn-danger" disabled={remove.isPending} onClick={() => remove.mutate(id)}>
            Delete
          </button>
        )}
      </span>
    </div>
  );
}
