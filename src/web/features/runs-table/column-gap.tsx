import type { VirtualItem } from "@tanstack/react-virtual";

/**
 * Stands in for the columns scrolled off to the left, so the rendered cells sit in normal flow
 * after it. Cells placed with `position: absolute` would each be a paint layer of their own:
 * hundreds per page, which made the first paint of the runs table several times slower.
 */
export function ColumnGap({ virtualColumns }: { virtualColumns: readonly VirtualItem[] }) {
  const start = virtualColumns[0]?.start ?? 0;
  return start > 0 ? <div className="column-gap" style={{ width: start }} aria-hidden="true" /> : null;
}
