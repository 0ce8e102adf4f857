import { AsyncLocalStorage } from "node:async_hooks";
import type { ActiveRun } from "./active-run.js";

/**
 * One started run as seen by the async context that started it. Scopes form a chain (child →
 * parent), so the active run of a context is its innermost scope that has not ended.
 */
export class RunScope {
  run: ActiveRun | undefined;
  /** Settles when the run is created (or resumed); pending while the create request is in flight. */
  ready: Promise<ActiveRun> | undefined;
  /** Ended, or its creation failed (or a mere isolation boundary): nobody's active run. */
  ended = false;
  /** True until the synchronous code that started the run has finished (see visibleScope). */
  startingTick = true;

  constructor(
    readonly parent: RunScope | undefined,
    /** Started by a logging call with no active run, not by startRun. */
    readonly implicit: boolean,
  ) {}
}

const storage = new AsyncLocalStorage<RunScope | undefined>();

/**
 * The innermost live scope of the calling context.
 *
 * startRun binds its scope to the caller with `enterWith`, which also reaches whatever else runs
 * in the same synchronous stretch of code. When sibling tasks are started in one go
 * (`Promise.all(items.map(async () => { await using r = await startRun({ nested: true }) … }))`),
 * the second task would otherwise see the first one's run. The starting task itself is awaiting
 * its run then, so a scope seen before the stretch ends is a sibling's, and is skipped. Implicit
 * scopes are not: a loop of un-awaited logMetric calls must share the one run the first started.
 */
export function visibleScope(): RunScope | undefined {
  let scope = storage.getStore();
  while (scope && (scope.ended || (scope.startingTick && !scope.implicit))) scope = scope.parent;
  return scope;
}

/** Opens a scope for a run being started, binding it to the calling async context. */
export function enterScope(parent: RunScope | undefined, implicit: boolean): RunScope {
  const scope = new RunScope(parent, implicit);
  // Microtasks run only once the current synchronous code is done: this marks its end.
  queueMicrotask(() => (scope.startingTick = false));
  storage.enterWith(scope);
  return scope;
}

/** The most recently ended run on the calling context's chain. */
export function lastEndedScope(): RunScope | undefined {
  for (let scope = storage.getStore(); scope; scope = scope.parent) if (scope.ended && scope.run) return scope;
  return undefined;
}

/**
 * Runs `fn` in a context of its own: scopes it enters do not leak into the caller's code. The
 * boundary is a fresh (ended, run-less) scope because AsyncLocalStorage.run skips restoring the
 * caller's store when it is handed the store already in place.
 */
export function isolate<T>(fn: () => Promise<T>): Promise<T> {
  const boundary = new RunScope(storage.getStore(), false);
  boundary.ended = true;
  return storage.run(boundary, fn);
}
