import type { SampledSeriesColumns } from "../../../core/charts/index.js";
import { LIVE_REFRESH_MS } from "../runs/live-status.js";

/**
 * The runs whose series a chart refetches: those live now, and those that were live when its
 * current answer was fetched (`wereLive`). The latter is how a run that has just finished gets its
 * last points: its status may have been refreshed by another chart after this one last fetched it,
 * so one more fetch, made knowing it finished, is the one that has them. Only ids of `runIds`, in
 * their order; an empty list means no polling.
 */
export function runsToRefresh(runIds: readonly string[], liveNow: ReadonlySet<string>, wereLive: readonly string[]): string[] {
  if (liveNow.size === 0 && wereLive.length === 0) return [];
  const was = new Set(wereLive);
  return runIds.filter((id) => liveNow.has(id) || was.has(id));
}

/** The polling interval of a chart that refreshes `refreshing` (`runsToRefresh`): none when it is empty. */
export function liveRefetchInterval(refreshing: readonly string[]): number | false {
  return refreshing.length > 0 ? LIVE_REFRESH_MS : false;
}

/**
 * `previous` with the series of `fresh` in place of those of the same runs, in `previous`'s order.
 * The other runs keep their very objects, so a chart rebuilds only the runs that changed.
 */
export function mergeSeries(previous: readonly SampledSeriesColumns[], fresh: readonly SampledSeriesColumns[]): SampledSeriesColumns[] {
  const byRun = new Map(fresh.map((s) => [s.run_id, s]));
  return previous.map((s) => byRun.get(s.run_id) ?? s);
}
