import { useState } from "react";
import type { RunTag } from "../../../core/index.js";
import { useRunTagMutation } from "../../api/runs/run-mutations.js";
import { ErrorBanner } from "../../components/error-banner.js";
import { LongValueText } from "./long-value-text.js";

interface Props {
  runId: string;
  tag: RunTag;
  /** False for system tags (shown with a lock) and for every tag of a deleted run: no edit or delete control. */
  editable: boolean;
  /** Whether a read-only tag is reserved by MLflow, and so gets the lock. */
  reserved?: boolean;
  /** Deletes the tag: the list owns deletion, since its Undo must outlive this row. */
  onDelete?: (tag: RunTag) => void;
}

export function TagRow({ runId, tag, editable, reserved = false, onDelete }: Props) {
  const [editingState, setEditing] = useState(false);
  const editing = editingState && editable;
  const [draft, setDraft] = useState(tag.value);
  const change = useRunTagMutation();
  // Cancelling gives up the draft, so the error about saving it goes too.
  const cancel = () => {
    change.reset();
    setEditing(false);
  };
  const save = () => {
    setEditing(false);
    // A failed save reopens the input with the draft, as the note editor does, so Save can be pressed again.
    if (draft !== tag.value) change.mutate({ runId, key: tag.key, value: draft }, { onError: () => setEditing(true) });
  };

  return (
    <tr data-testid="tag-row" data-tag-key={tag.key}>
      <th scope="row" className="mono">
        {reserved && (
          <span className="lock" title="Reserved by MLflow" aria-label="reserved">
            🔒
          </span>
        )}
        {tag.key}
      </th>
      <td className="kv-value">
        {editing ? (
          <input
            className="input"
            autoFocus
            aria-label={`Value of ${tag.key}`}
            value={draft}
            onChange={(e) => setDraft(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") save();
              if (e.key === "Escape") cancel();
            }}
          />
        ) : (
          <LongValueText value={tag.value} label={tag.key} />
        )}
        {change.isError && <ErrorBanner title="Could not save the tag" error={change.error} />}
      </td>
      <td className="kv-actions">
        {editable &&
          (editing ? (
            <>
              <button type="button" className="btn btn-small btn-primary" onClick={save}>
                Save
              </button>
              <button type="button" className="btn btn-small btn-ghost" onClick={cancel}>
                Cancel
              </button>
            </>
          ) : (
            <>
              <button
                type="button"
                className="btn btn-small btn-ghost"
                aria-label={`Edit tag ${tag.key}`}
                onClick={() => {
                  setDraft(tag.value);
                  change.reset();
                  setEditing(true);
                }}
              >
                Edit
              </button>
              <button
                type="button"
                className="btn btn-small btn-ghost btn-danger"
                aria-label={`Delete tag ${tag.key}`}
                disabled={change.isPending}
                onClick={() => onDelete?.(tag)}
              >
                Delete
              </button>
            </>
          ))}
      </td>
    </tr>
  );
}
