import { useEffect, useState } from "react";
import { LIVE_REFRESH_MS } from "../../api/runs/live-status.js";
import { formatDuration } from "../../utils/format.js";

interface Props {
  /** When the chart's data last came (epoch ms). */
  updatedAt: number;
  /** How many of the chart's runs are running. */
  running: number;
  /** Whether the last poll failed (the chart keeps what it has; react-query keeps polling). */
  failed: boolean;
}

/** "4s", "1m 05s": how long ago, in whole seconds. */
const ago = (ms: number): string => (ms < 60_000 ? `${Math.max(0, Math.floor(ms / 1000))}s` : formatDuration(ms));

/**
 * The quiet mark of a chart that polls: "Live · checked 4s ago", which is when the chart last asked,
 * not when the run last logged (a run that crashed without ending polls on, and the age says so
 * only of the asking). Its own one-second clock
 * re-renders only itself, never the chart. Not a live region: a screen reader would read it out
 * every second.
 */
export function LiveBadge({ updatedAt, running, failed }: Props) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const runs = running === 1 ? "1 run is running" : running > 1 ? `${running} runs are running` : "A run has just finished";
  const status = failed ? "The last update failed; retrying" : `Checked for new points ${ago(now - updatedAt)} ago`;
  return (
    <span
      className={`rmc-live${failed ? " is-failed" : ""}`}
      data-testid="live-badge"
      title={`${status}. ${runs}: the chart fetches its new points every ${LIVE_REFRESH_MS / 1000} s (not while this tab is hidden).`}
    >
      <span className="rmc-live-dot" aria-hidden="true" />
      Live
      <span className="rmc-live-age"> · {failed ? "update failed, retrying" : `checked ${ago(now - updatedAt)} ago`}</span>
    </span>
  );
}
