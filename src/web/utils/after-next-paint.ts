/**
 * Runs `fn` once the browser has painted its next frame: a rAF callback runs just before the paint,
 * and a task queued from it runs after. Work that would otherwise land in front of that frame (and
 * delay what it shows) waits behind it.
 */
export function afterNextPaint(fn: () => void): void {
  requestAnimationFrame(() => setTimeout(fn, 0));
}
