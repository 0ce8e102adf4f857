import { isMissingResource } from "../../lib/is-missing-resource.js";

export interface RefreshProblem {
  /** The notice's lead, before the server's own message. */
  title: string;
  /** Whether the page tries again by itself: otherwise the notice offers Retry. */
  retrying: boolean;
}

/**
 * What the run page says when re-reading a run it already shows fails. A live run is polled on
 * `refreshSeconds`, so its notice promises the next try rather than asking for a click; a run gone
 * from the server will not come back by retrying, so that is said instead of "connection lost".
 */
export function refreshProblem(error: unknown, live: boolean, refreshSeconds: number): RefreshProblem {
  if (isMissingResource(error)) return { title: "The run could not be read again; the server no longer finds it", retrying: false };
  if (live) return { title: `Connection lost: could not refresh the run, retrying every ${refreshSeconds} s`, retrying: true };
  return { title: "Could not refresh the run; showing what was last loaded", retrying: false };
}
