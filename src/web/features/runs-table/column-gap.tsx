/**
 * Stands in for the columns scrolled off to the left, so the rendered cells sit in normal flow
 * after it. Cells placed with `position: absolute` would each be a paint layer of their own:
 * hundreds per page, which made the first paint of the runs table several times slower.
 */
export function ColumnGap({ width }: { width: number }) {
  return width > 0 ? <div className="column-gap" style={{ width }} aria-hidden="true" /> : null;
}
