import { useEffect, useRef } from "react";
import { useBlocker } from "react-router";

interface Props {
  /** Whether there is something to lose. */
  when: boolean;
  /** What would be lost, e.g. "Your note draft has not been saved." */
  message: string;
}

/**
 * Warns before a draft is thrown away: in-app navigation is held by react-router's blocker and asked
 * about in a modal; closing or reloading the tab gets the browser's own beforeunload prompt.
 */
export function UnsavedChangesPrompt({ when, message }: Props) {
  const blocker = useBlocker(when);
  const dialogRef = useRef<HTMLDialogElement>(null);

  useEffect(() => {
    if (!when) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [when]);

  useEffect(() => {
    const dialog = dialogRef.current;
    if (!dialog) return;
    if (blocker.state === "blocked" && !dialog.open) dialog.showModal();
    if (blocker.state !== "blocked" && dialog.open) dialog.close();
  }, [blocker.state]);

  return (
    <dialog
      ref={dialogRef}
      className="unsaved-dialog"
      aria-labelledby="unsaved-dialog-title"
      // Escape means "stay", never "discard".
      onCancel={(event) => {
        event.preventDefault();
        blocker.reset?.();
      }}
    >
      <h2 id="unsaved-dialog-title">Leave without saving?</h2>
      <p>{message}</p>
      <div className="unsaved-dialog-actions">
        <button type="button" className="btn btn-primary" autoFocus onClick={() => blocker.reset?.()}>
          Stay and keep editing
        </button>
        <button type="button" className="btn btn-danger" onClick={() => blocker.proceed?.()}>
          Discard and leave
        </button>
      </div>
    </dialog>
  );
}
