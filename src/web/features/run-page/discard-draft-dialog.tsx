import { useEffect, useId, useRef } from "react";

interface Props {
  open: boolean;
  title: string;
  /** What would be lost, e.g. "Your note draft has not been saved." */
  message: string;
  discardLabel: string;
  onStay: () => void;
  onDiscard: () => void;
}

/** The one question asked before a draft is thrown away: keeping it is the default and Escape's answer. */
export function DiscardDraftDialog({ open, title, message, discardLabel, onStay, onDiscard }: Props) {
  const dialogRef = useRef<HTMLDialogElement>(null);
  const titleId = useId();

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={dialogRef}
      className="unsaved-dialog"
      aria-labelledby={titleId}
      onCancel={(event) => {
        event.preventDefault();
        onStay();
      }}
    >
      <h2 id={titleId}>{title}</h2>
      <p>{message}</p>
      <div className="unsaved-dialog-actions">
        <button type="button" className="btn btn-primary" autoFocus onClick={onStay}>
          Keep editing
        </button>
        <button type="button" className="btn btn-danger" onClick={onDiscard}>
          {discardLabel}
        </button>
      </div>
    </dialog>
  );
}
