/** Pure selection rules of the runs table; the selection itself lives in the URL. */
export function toggleSelection(selected: readonly string[], id: string): string[] {
  return selected.includes(id) ? selected.filter((s) => s !== id) : [...selected, id];
}

/**
 * Shift-click: everything between the anchor (last plain click) and the target, in the visible order,
 * becomes selected. Without a visible anchor it behaves as a plain toggle.
 */
export function selectRange(selected: readonly string[], visibleIds: readonly string[], anchorId: string | undefined, targetId: string): string[] {
  const from = anchorId === undefined ? -1 : visibleIds.indexOf(anchorId);
  const to = visibleIds.indexOf(targetId);
  if (from < 0 || to < 0) return toggleSelection(selected, targetId);
  const [lo, hi] = from < to ? [from, to] : [to, from];
  const next = new Set(selected);
  for (const id of visibleIds.slice(lo, hi + 1)) next.add(id);
  return [...next];
}

/** Header checkbox: selects every selectable run, or clears them all when they already are. */
export function toggleAll(selected: readonly string[], selectableIds: readonly string[]): string[] {
  const all = selectableIds.length > 0 && selectableIds.every((id) => selected.includes(id));
  if (all) {
    const drop = new Set(selectableIds);
    return selected.filter((id) => !drop.has(id));
  }
  return [...new Set([...selected, ...selectableIds])];
}
