import { useState } from "react";
import type { RunTag } from "../../../core/index.js";
import { useRunTagMutation } from "../../api/runs/run-mutations.js";

/**
 * Deletes a run tag in one click and keeps what it was, so Undo can set it again with its old value:
 * an undo costs the common case nothing, where a confirmation would cost every delete a dialog.
 */
export function useTagDeletion(runId: string) {
  const remove = useRunTagMutation();
  const restore = useRunTagMutation();
  const [deleted, setDeleted] = useState<{ runId: string; tag: RunTag } | undefined>();

  const deleteTag = (tag: RunTag) => {
    restore.reset();
    setDeleted({ runId, tag });
    // A refused delete puts the row back (the mutation rolls back): nothing is left to undo.
    remove.mutate({ runId, key: tag.key, value: undefined }, { onError: () => setDeleted(undefined) });
  };
  const undo = () => {
    if (!deleted) return;
    // The run the tag was deleted from, whatever the page shows by now.
    restore.mutate({ runId: deleted.runId, key: deleted.tag.key, value: deleted.tag.value }, { onSuccess: () => setDeleted(undefined) });
  };
  const dismiss = () => {
    restore.reset();
    setDeleted(undefined);
  };
  return {
    deleted: deleted?.tag,
    deleteTag,
    undo,
    dismiss,
    // Not while the delete is still on its way: a set-tag could overtake it and be deleted after.
    undoing: restore.isPending || remove.isPending,
    undoError: restore.isError ? restore.error : undefined,
    deleteError: remove.isError ? remove.error : undefined,
  };
}
