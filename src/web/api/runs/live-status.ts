import type { RunStatus } from "../../../core/index.js";

/**
 * How often a view of a running run re-reads it: a chart its new points and the run's status, the
 * run page the run. MLflow's charts refresh on about this beat; a person watching a loss curve
 * sees it move, and a grid of 20 live charts costs 2 small requests a second.
 */
export const LIVE_REFRESH_MS = 10_000;

/** A run that may still log: RUNNING, or SCHEDULED (it will). FINISHED, FAILED and KILLED runs are done. */
export function isLiveStatus(status: RunStatus | undefined): boolean {
  return status === "RUNNING" || status === "SCHEDULED";
}
