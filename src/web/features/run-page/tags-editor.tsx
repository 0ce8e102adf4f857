import { useState, type FormEvent } from "react";
import { SystemTags, type Run } from "../../../core/index.js";
import { useRunTagMutation } from "../../api/runs/run-mutations.js";
import { ErrorBanner } from "../../components/error-banner.js";
import { Card } from "../../components/card.js";
import { TagRow } from "./tag-row.js";
import { naturalCompare } from "../../utils/natural-compare.js";
import { DeletedTagNotice } from "./deleted-tag-notice.js";
import { clampValue } from "./long-value.js";
import { useTagDeletion } from "./use-tag-deletion.js";

/** MLflow reserves the `mlflow.` prefix for system tags; the UI edits only the note among them. */
export const RESERVED_PREFIX = "mlflow.";

/**
 * Run tags: user tags can be added, edited and deleted; system tags are listed read-only, and so is
 * everything of a deleted run (MLflow refuses tag changes to a run that is not active).
 */
export function TagsEditor({ run, readOnly }: { run: Run; readOnly: boolean }) {
  const tags = [...run.data.tags].sort((a, b) => naturalCompare(a.key, b.key));
  const userTags = tags.filter((t) => !t.key.startsWith(RESERVED_PREFIX));
  // The note has its own editor above; listing it again here would only repeat it.
  const systemTags = tags.filter((t) => t.key.startsWith(RESERVED_PREFIX) && t.key !== SystemTags.NOTE);
  const [key, setKey] = useState("");
  const [value, setValue] = useState("");
  const [problem, setProblem] = useState<string | undefined>();
  // Set-tag on a key that exists overwrites it: the first Add only says so, a second one replaces.
  const [confirmingReplace, setConfirmingReplace] = useState(false);
  const add = useRunTagMutation();
  const deletion = useTagDeletion(run.info.run_id);
  const existing = userTags.find((t) => t.key === key.trim());
  const replacing = confirmingReplace && existing !== undefined;

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const k = key.trim();
    if (!k) return;
    if (k.startsWith(RESERVED_PREFIX)) {
      setProblem(`Keys starting with "${RESERVED_PREFIX}" are reserved for MLflow.`);
      return;
    }
    setProblem(undefined);
    // Setting the value it already has replaces nothing: no question then.
    if (existing && existing.value !== value && !replacing) {
      setConfirmingReplace(true);
      return;
    }
    setConfirmingReplace(false);
    add.mutate(
      { runId: run.info.run_id, key: k, value },
      {
        onSuccess: () => {
          setKey("");
          setValue("");
        },
      },
    );
  };

  return (
    <Card id="tags" title="Tags" count={userTags.length}>
      <table className="kv-table" data-testid="user-tags">
        <tbody>
          {userTags.length === 0 && (
            <tr>
              <td colSpan={3} className="faint">
                No tags yet.
              </td>
            </tr>
          )}
          {userTags.map((t) => (
            <TagRow key={t.key} runId={run.info.run_id} tag={t} editable={!readOnly} onDelete={deletion.deleteTag} />
          ))}
        </tbody>
      </table>
      {!readOnly && (
        <form
          className="tag-add"
          onSubmit={submit}
          onKeyDown={(event) => {
            // Escape backs out of the replace question, keeping what was typed.
            if (event.key === "Escape" && replacing) {
              event.preventDefault();
              setConfirmingReplace(false);
            }
          }}
        >
          <input
            className="input"
            placeholder="Key"
            aria-label="New tag key"
            value={key}
            onChange={(e) => {
              setKey(e.target.value);
              setConfirmingReplace(false);
            }}
          />
          <input
            className="input"
            placeholder="Value"
            aria-label="New tag value"
            value={value}
            onChange={(e) => {
              setValue(e.target.value);
              setConfirmingReplace(false);
            }}
          />
          <button type="submit" className={replacing ? "btn btn-primary" : "btn"} disabled={!key.trim() || add.isPending}>
            {replacing ? "Replace value" : "Add tag"}
          </button>
          {replacing && (
            <button type="button" className="btn btn-ghost" onClick={() => setConfirmingReplace(false)}>
              Cancel
            </button>
          )}
        </form>
      )}
      {replacing && (
        <div className="field-notice" role="alert" data-testid="replace-tag-notice">
          <span className="mono">{existing.key}</span> already exists: this replaces <span className="mono">&apos;{clampValue(existing.value)}&apos;</span>.
          Press Replace value to confirm.
        </div>
      )}
      {deletion.deleted && (
        <DeletedTagNotice tag={deletion.deleted} undoing={deletion.undoing} undoError={deletion.undoError} onUndo={deletion.undo} onDismiss={deletion.dismiss} />
      )}
      {deletion.deleteError !== undefined && <ErrorBanner title="Could not delete the tag" error={deletion.deleteError} />}
      {problem && (
        <div className="field-problem" role="alert">
          {problem}
        </div>
      )}
      {/* The key and value stay in the inputs (they are cleared only on success): Add tag again retries. */}
      {add.isError && <ErrorBanner title="Could not add the tag" error={add.error} />}
      {systemTags.length > 0 && (
        <details className="system-tags">
          <summary>
            System tags <span className="badge">{systemTags.length}</span> <span className="faint">reserved by MLflow, read-only</span>
          </summary>
          <table className="kv-table" data-testid="system-tags">
            <tbody>
              {systemTags.map((t) => (
                <TagRow key={t.key} runId={run.info.run_id} tag={t} editable={false} reserved />
              ))}
            </tbody>
          </table>
        </details>
      )}
    </Card>
  );
}
