import { useCallback, useEffect, useRef, useState } from "react";
import { SystemTags, type Run } from "../../../core/index.js";
import { useRunTagMutation } from "../../api/runs/run-mutations.js";
import { ErrorBanner } from "../../components/error-banner.js";
import { runTag } from "../../utils/run-tag.js";
import { Card } from "../../components/card.js";
import { DiscardDraftDialog } from "./discard-draft-dialog.js";
import { MarkdownView } from "./markdown-view.js";
import { UnsavedChangesPrompt } from "./unsaved-changes-prompt.js";

/**
 * The run's note (`mlflow.note.content`, as MLflow's UI stores it): markdown with Write/Preview,
 * saved with set-tag. Saving is optimistic: the note shows at once and the editor reopens with the
 * draft if the server refuses it or cannot be reached. Read-only for a deleted run, whose tags MLflow
 * will not change.
 */
export function NoteEditor({ run, readOnly }: { run: Run; readOnly: boolean }) {
  const note = runTag(run, SystemTags.NOTE) ?? "";
  const [editingState, setEditing] = useState(false);
  const editing = editingState && !readOnly;
  const [draft, setDraft] = useState(note);
  const [tab, setTab] = useState<"write" | "preview">("write");
  const [confirmingCancel, setConfirmingCancel] = useState(false);
  const save = useRunTagMutation();
  const dirty = editing && draft !== note;
  // Closing the editor removes what had the focus: it goes back to the button that opens it.
  const editButton = useRef<HTMLButtonElement>(null);
  const wasEditing = useRef(editing);
  useEffect(() => {
    if (wasEditing.current && !editing) editButton.current?.focus();
    wasEditing.current = editing;
  }, [editing]);

  // Opening on an existing note is mostly to add to it: the caret goes after the text, not before it
  // (autoFocus alone leaves it at the start). A stable callback, so it runs when the textarea mounts
  // (opening the editor, back from Preview, reopening after a failed save) and not on every keystroke.
  const focusAtEnd = useCallback((textarea: HTMLTextAreaElement | null) => {
    if (!textarea) return;
    textarea.focus();
    textarea.setSelectionRange(textarea.value.length, textarea.value.length);
  }, []);

  const start = () => {
    setDraft(note);
    setTab("write");
    save.reset();
    setEditing(true);
  };
  const submit = () => {
    setEditing(false);
    save.mutate({ runId: run.info.run_id, key: SystemTags.NOTE, value: draft }, { onError: () => setEditing(true) });
  };
  // Escape is one keystroke away from a long draft: only an unchanged one closes without asking.
  const cancel = () => (dirty ? setConfirmingCancel(true) : setEditing(false));

  return (
    <Card
      id="note"
      title="Note"
      className="note"
      actions={
        <>
          {save.isPending && <span className="faint">Saving…</span>}
          {!editing && !readOnly && (
            <button ref={editButton} type="button" className="btn btn-small" onClick={start}>
              {note ? "Edit note" : "Add note"}
            </button>
          )}
        </>
      }
    >
      <UnsavedChangesPrompt when={dirty} message="Your note draft has not been saved. Leaving this page discards it." />
      <DiscardDraftDialog
        open={confirmingCancel}
        title="Discard the note draft?"
        message="Your changes to the note have not been saved."
        discardLabel="Discard changes"
        onStay={() => setConfirmingCancel(false)}
        onDiscard={() => {
          setConfirmingCancel(false);
          setEditing(false);
        }}
      />
      {/* The editor reopens with the draft below this, so Save can simply be pressed again. */}
      {save.isError && <ErrorBanner title="Could not save the note" error={save.error} />}
      {editing ? (
        <div
          className="note-editor"
          // Escape cancels from anywhere in the editor (textarea, tabs, buttons). Default prevented,
          // or the browser takes this same keystroke as Escape in the dialog that cancel() opens.
          onKeyDown={(e) => {
            if (e.key !== "Escape") return;
            e.preventDefault();
            cancel();
          }}
        >
          <div className="segmented" role="tablist" aria-label="Note editor">
            <button type="button" role="tab" aria-selected={tab === "write"} aria-pressed={tab === "write"} onClick={() => setTab("write")}>
              Write
            </button>
            <button type="button" role="tab" aria-selected={tab === "preview"} aria-pressed={tab === "preview"} onClick={() => setTab("preview")}>
              Preview
            </button>
          </div>
          {tab === "write" ? (
            <textarea
              className="input note-textarea"
              aria-label="Note (markdown)"
              ref={focusAtEnd}
              rows={10}
              value={draft}
              placeholder="Markdown: **bold**, - lists, [links](https://…), `code`"
              onChange={(e) => setDraft(e.target.value)}
              onKeyDown={(e) => {
                if (e.key === "Enter" && (e.ctrlKey || e.metaKey)) submit();
              }}
            />
          ) : (
            <div className="note-preview" data-testid="note-preview">
              {draft.trim() ? <MarkdownView text={draft} /> : <span className="faint">Nothing to preview</span>}
            </div>
          )}
          <div className="note-actions">
            <button type="button" className="btn btn-primary" onClick={submit} disabled={draft === note}>
              Save note
            </button>
            <button type="button" className="btn btn-ghost" onClick={cancel}>
              Cancel
            </button>
            <span className="faint">Ctrl+Enter saves</span>
          </div>
        </div>
      ) : note.trim() ? (
        <div data-testid="note-content">
          <MarkdownView text={note} />
        </div>
      ) : (
        <p className="faint">{readOnly ? "No note." : "No note yet. Notes are markdown and are stored in the run as MLflow does."}</p>
      )}
    </Card>
  );
}
