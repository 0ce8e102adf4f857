import type { RunTag } from "../../../core/index.js";
import { UndoNotice } from "../../components/undo-notice.js";

interface Props {
  tag: RunTag;
  undoing: boolean;
  undoError: unknown;
  onUndo: () => void;
  onDismiss: () => void;
}

/** "Deleted tag stage · Undo ✕" under the tags, until undone, dismissed or replaced by the next delete. */
export function DeletedTagNotice({ tag, undoing, undoError, onUndo, onDismiss }: Props) {
  return (
    <div className="tags-undo">
      <UndoNotice undoing={undoing} undoError={undoError} onUndo={onUndo} onDismiss={onDismiss} testId="deleted-tag-notice">
        Deleted tag <span className="mono">{tag.key}</span>
      </UndoNotice>
    </div>
  );
}
