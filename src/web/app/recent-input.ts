const INPUT_EVENTS = ["scroll", "wheel", "pointerdown", "keydown", "touchstart"] as const;

/**
 * Whether the user scrolled, clicked or typed in the last `quietMs`: background work (preloading
 * another page's code) waits for a pause, so it never costs a frame of a scroll or a keystroke's answer.
 */
export function trackRecentInput(target: EventTarget, quietMs: number, now: () => number = () => performance.now()): () => boolean {
  let last = -Infinity;
  const note = (): void => {
    last = now();
  };
  // Capture: a scroll of an inner element (the runs table) does not bubble to the window.
  for (const type of INPUT_EVENTS) target.addEventListener(type, note, { capture: true, passive: true });
  return () => now() - last < quietMs;
}
