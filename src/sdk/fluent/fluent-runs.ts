import type { RunStatus } from "../../core/index.js";
import type { Run } from "../entities/sdk-entities.js";
import type { ActiveRun } from "./active-run.js";
import { session, type StartRunOptions } from "./fluent-session.js";
import { isolate, lastEndedScope, visibleScope } from "./run-scope.js";

/**
 * Starts a run and makes it the active run of the calling async context (the rest of the calling
 * function and what it awaits). Throws if a run is already active there, unless `nested`.
 */
export async function startRun(options: StartRunOptions = {}): Promise<ActiveRun> {
  session.throwPendingFailure();
  return session.startRun(options, false);
}

/** Ends the active run of this context (FINISHED by default); does nothing when none is active. */
export async function endRun(status: RunStatus = "FINISHED"): Promise<void> {
  session.throwPendingFailure();
  const scope = visibleScope();
  if (!scope) return;
  const run = scope.run ?? (await scope.ready);
  await run?.end(status);
}

/**
 * Runs `fn` with a new active run, in an async context of its own (so concurrent withRun calls
 * never see each other's runs). The run ends FINISHED when `fn` resolves, FAILED when it throws.
 */
export function withRun<T>(fn: (run: ActiveRun) => Promise<T> | T): Promise<T>;
export function withRun<T>(options: StartRunOptions, fn: (run: ActiveRun) => Promise<T> | T): Promise<T>;
export function withRun<T>(
  optionsOrFn: StartRunOptions | ((run: ActiveRun) => Promise<T> | T),
  maybeFn?: (run: ActiveRun) => Promise<T> | T,
): Promise<T> {
  const [options, fn] = typeof optionsOrFn === "function" ? [{}, optionsOrFn] : [optionsOrFn, maybeFn];
  if (!fn) return Promise.reject(new TypeError("withRun needs a function to run."));
  return isolate(async () => {
    const run = await startRun(options);
    let result: T;
    try {
      result = await fn(run);
    } catch (error) {
      // The caller's error is what matters; a failure to record FAILED must not hide it.
      await run.end("FAILED").catch(() => undefined);
      throw error;
    }
    await run.end("FINISHED");
    return result;
  });
}

/** The active run of this context, if any (its data as it was when started). */
export function activeRun(): ActiveRun | undefined {
  return visibleScope()?.run;
}

/** The active run, else the run most recently ended here (else in this process), fetched fresh. */
export async function lastActiveRun(): Promise<Run | undefined> {
  session.throwPendingFailure();
  const runId = activeRun()?.runId ?? lastEndedScope()?.run?.runId ?? session.lastEndedRunId;
  return runId ? session.client().getRun(runId) : undefined;
}

export async function getRun(runId: string): Promise<Run> {
  session.throwPendingFailure();
  return session.client().getRun(runId);
}

/** The parent of a nested run (from its `mlflow.parentRunId` tag), or `undefined`. */
export async function getParentRun(runId: string): Promise<Run | undefined> {
  session.throwPendingFailure();
  return session.client().getParentRun(runId);
}

export async function deleteRun(runId: string): Promise<void> {
  session.throwPendingFailure();
  await session.client().deleteRun(runId);
}

/** Sends every queued metric point now; throws the error of any batch that failed. */
export async function flushAsyncLogging(): Promise<void> {
  await session.flushAll();
}
