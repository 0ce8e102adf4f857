import { describe, expect, it } from "vitest";
import { RUN_STATUSES } from "../../../core/index.js";
import type { SampledSeriesColumns } from "../../../core/charts/index.js";
import { isLiveStatus, LIVE_REFRESH_MS } from "../runs/live-status.js";
import { liveRefetchInterval, mergeSeries, runsToRefresh } from "./live-series.js";

const columns = (runId: string, points: number): SampledSeriesColumns => ({
  run_id: runId,
  steps: new Float64Array(points),
  timestamps: new Float64Array(points),
  values: new Float64Array(points),
  total_points: points,
  sampled: false,
});

describe("the live charts' polling rule", () => {
  it("polls running and scheduled runs, never finished, failed or killed ones", () => {
    expect(RUN_STATUSES.filter(isLiveStatus)).toEqual(["RUNNING", "SCHEDULED"]);
    expect(isLiveStatus(undefined)).toBe(false);
  });

  it("refreshes the runs live now and those live when the answer was fetched, in the chart's order", () => {
    const ids = ["a", "b", "c", "d"];
    expect(runsToRefresh(ids, new Set(["c", "a"]), [])).toEqual(["a", "c"]);
    // b finished since the last answer, which was fetched while it ran: one more read gets its last points.
    expect(runsToRefresh(ids, new Set(["c"]), ["b", "c"])).toEqual(["b", "c"]);
    // An id the chart no longer shows is not asked for.
    expect(runsToRefresh(ids, new Set(["x"]), ["y"])).toEqual([]);
  });

  it("stops polling once nothing is live and the last answer was read knowing it", () => {
    expect(liveRefetchInterval(runsToRefresh(["a", "b"], new Set(), []))).toBe(false);
    expect(liveRefetchInterval(runsToRefresh(["a", "b"], new Set(), ["a"]))).toBe(LIVE_REFRESH_MS);
    expect(liveRefetchInterval(runsToRefresh(["a", "b"], new Set(["b"]), []))).toBe(LIVE_REFRESH_MS);
  });

  it("merges refreshed series into the previous answer, keeping the other runs' objects", () => {
    const previous = [columns("a", 3), columns("b", 3), columns("c", 3)];
    const merged = mergeSeries(previous, [columns("b", 7)]);
    expect(merged.map((s) => [s.run_id, s.total_points])).toEqual([
      ["a", 3],
      ["b", 7],
      ["c", 3],
    ]);
    expect(merged[0]).toBe(previous[0]);
    expect(merged[2]).toBe(previous[2]);
  });
});
