/** What the preloader needs to know of the page: whether now is a bad time (a request in flight, a hidden tab). */
export interface QuietSignals {
  busy(): boolean;
}

// Safari has no requestIdleCallback: there a short timeout stands in for an idle period.
const whenIdle = (callback: (deadline: IdleDeadline) => void): (() => void) => {
  if (typeof requestIdleCallback === "function") {
    const handle = requestIdleCallback(callback);
    return () => cancelIdleCallback(handle);
  }
  const handle = setTimeout(() => callback({ didTimeout: false, timeRemaining: () => 50 }), 1);
  return () => clearTimeout(handle);
};

export interface PreloadOptions {
  /** Not before this many ms after navigation start: the first page's own work comes first. */
  notBeforeMs?: number;
  /** How long to wait before looking again while the page is busy. */
  retryMs?: number;
}

/**
 * Runs `loaders` one at a time, each in an idle period when the page is not busy,
 * so their download and compile never compete with the page being looked at: on two cores a chunk's
 * compile during the first page's render or a scroll costs frames there. A loader that fails (a
 * deploy replaced the chunks) is skipped: the router loads it on demand as before.
 * Returns a function that stops what has not started yet.
 */
export function preloadWhenQuiet(loaders: readonly (() => Promise<unknown>)[], signals: QuietSignals, options: PreloadOptions = {}): () => void {
  const { notBeforeMs = 3000, retryMs = 1000 } = options;
  const queue = [...loaders];
  let stopped = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelIdle: (() => void) | undefined;

  const schedule = (delay: number): void => {
    timer = setTimeout(() => {
      cancelIdle = whenIdle(step);
    }, delay);
  };
  const step = (deadline: IdleDeadline): void => {
    if (stopped || queue.length === 0) return;
    if (performance.now() < notBeforeMs || signals.busy() || deadline.timeRemaining() < 10) {
      schedule(retryMs);
      return;
    }
    const load = queue.shift();
    void load?.()
      .catch(() => undefined)
      .then(() => {
        if (!stopped && queue.length > 0) schedule(retryMs);
      });
  };
  schedule(Math.max(0, notBeforeMs - performance.now()));
  return () => {
    stopped = true;
    if (timer !== undefined) clearTimeout(timer);
    cancelIdle?.();
  };
}
