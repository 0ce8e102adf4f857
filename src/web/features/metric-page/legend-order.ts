/**
 * Legend entries with values first, then those without ("· no values"), each group in the order
 * given: a legend cut off after three lines ("+N more") should hide the runs with nothing to show,
 * not the curves. The same array when it is already in that order.
 */
export function legendOrder<T extends { readonly total: number }>(series: readonly T[]): readonly T[] {
  const firstEmpty = series.findIndex((s) => s.total === 0);
  if (firstEmpty < 0 || series.slice(firstEmpty).every((s) => s.total === 0)) return series;
  return [...series.filter((s) => s.total > 0), ...series.filter((s) => s.total === 0)];
}
