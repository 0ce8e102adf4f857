/**
 * How many legend entries a collapsed legend cuts off: those whose bottom edge lies below the
 * visible height (offsets from the list's top, in px; half a pixel of slack for sub-pixel layout).
 * An entry cut in half counts as cut off: its name cannot be read.
 */
export function entriesCutOff(entryBottoms: readonly number[], visibleHeight: number): number {
  let n = 0;
  for (const bottom of entryBottoms) if (bottom > visibleHeight + 0.5) n++;
  return n;
}
