/**
 * How far to scroll so that the row at the top of the view stays there after the rows changed:
 * (its new index − its old index) × row height. Zero at the very top (new rows at the top should
 * show), and when that row is gone (nothing to hold on to).
 */
export function anchorShift(before: readonly string[], after: readonly string[], scrollTop: number, rowHeight: number): number {
  if (scrollTop <= 0) return 0;
  const topIndex = Math.floor(scrollTop / rowHeight);
  const key = before[topIndex];
  if (key === undefined) return 0;
  const now = after.indexOf(key);
  return now < 0 ? 0 : (now - topIndex) * rowHeight;
}
