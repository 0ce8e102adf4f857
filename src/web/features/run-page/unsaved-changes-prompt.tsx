import { useEffect } from "react";
import { useBlocker } from "react-router";
import { DiscardDraftDialog } from "./discard-draft-dialog.js";

interface Props {
  /** Whether there is something to lose. */
  when: boolean;
  /** What would be lost, e.g. "Your note draft has not been saved." */
  message: string;
}

/**
 * Warns before a draft is thrown away by leaving the page: in-app navigation is held by react-router's
 * blocker and asked about in a modal; closing or reloading the tab gets the browser's own prompt.
 */
export function UnsavedChangesPrompt({ when, message }: Props) {
  // Only leaving the page loses the draft: a change of its query (the selected artifact) does not.
  const blocker = useBlocker(({ currentLocation, nextLocation }) => when && currentLocation.pathname !== nextLocation.pathname);

  useEffect(() => {
    if (!when) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [when]);

  return (
    <DiscardDraftDialog
      open={blocker.state === "blocked"}
      title="Leave without saving?"
      message={message}
      discardLabel="Discard and leave"
      onStay={() => blocker.reset?.()}
      onDiscard={() => blocker.proceed?.()}
    />
  );
}
