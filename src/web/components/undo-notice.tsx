import type { ReactNode } from "react";
import { ErrorBanner } from "./error-banner.js";

interface Props {
  /** What was done, e.g. "Deleted 3 runs". */
  children: ReactNode;
  undoing: boolean;
  /** Why the undo failed, if it did. */
  undoError: unknown;
  onUndo: () => void;
  onDismiss: () => void;
  testId: string;
}

/**
 * "<what was done> · Undo ✕": one-click deletes are undone here rather than confirmed first, so
 * the common case costs no dialog and a slip costs one click.
 */
export function UndoNotice({ children, undoing, undoError, onUndo, onDismiss, testId }: Props) {
  return (
    <div className="undo-notice" role="status" data-testid={testId}>
      <span className="undo-notice-text">{children}</span>
      <span aria-hidden="true">·</span>
      <button type="button" className="btn btn-small" disabled={undoing} onClick={onUndo}>
        {undoing ? "Restoring…" : "Undo"}
      </button>
      <button type="button" className="btn btn-small btn-ghost" aria-label="Dismiss" onClick={onDismiss}>
        ✕
      </button>
      {undoError !== undefined && <ErrorBanner title="Undo failed" error={undoError} />}
    </div>
  );
}
