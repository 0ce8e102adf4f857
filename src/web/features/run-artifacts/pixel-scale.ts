/** An image smaller than this on its longer side is enlarged (a 2×2 PNG was a dot in an empty pane). */
const SMALL_IMAGE = 96;

/** The whole-number enlargement that brings a small image's longer side to about SMALL_IMAGE × 2 px (1: shown as it is). */
export function pixelScale(width: number, height: number): number {
  const longer = Math.max(width, height);
  return longer > 0 && longer < SMALL_IMAGE ? Math.max(1, Math.floor((SMALL_IMAGE * 2) / longer)) : 1;
}
