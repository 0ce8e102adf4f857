import { describe, expect, it } from "vitest";
import type { Run, RunStatus } from "../../../core/index.js";
import { focusRefresh, liveRunIds, runsAutoRefreshInterval, RUNS_AUTO_REFRESH_MS, wholeRefreshAffordable } from "./runs-refresh-policy.js";

const run = (id: string, status: RunStatus): Run =>
  ({ info: { run_id: id, status, experiment_id: "1", lifecycle_stage: "active", start_time: 1 }, data: { params: [], metrics: [], tags: [] } }) as unknown as Run;
const pages = (...statuses: RunStatus[][]) => ({ pages: statuses.map((s, p) => ({ runs: s.map((st, i) => run(`r${p}-${i}`, st)) })), pageParams: statuses.map(() => undefined) });

describe("runs refresh policy", () => {
  it("refreshes a small table whole, on the beat, only while a run is live", () => {
    expect(runsAutoRefreshInterval(pages(["FINISHED", "RUNNING"]))).toBe(RUNS_AUTO_REFRESH_MS);
    expect(runsAutoRefreshInterval(pages(["FINISHED"], ["SCHEDULED"]))).toBe(RUNS_AUTO_REFRESH_MS);
    expect(runsAutoRefreshInterval(pages(["FINISHED", "FAILED", "KILLED"]))).toBe(false);
    expect(runsAutoRefreshInterval(undefined)).toBe(false);
  });

  it("does not refetch many pages on its own", () => {
    const big = pages(["RUNNING"], ["FINISHED"], ["FINISHED"]);
    expect(wholeRefreshAffordable(big)).toBe(false);
    expect(runsAutoRefreshInterval(big)).toBe(false);
    expect(liveRunIds(big)).toEqual(["r0-0"]);
    expect(focusRefresh(big, 0, 60_000)).toBe(false);
  });

  it("refetches on focus only data a few seconds old", () => {
    const small = pages(["FINISHED"]);
    expect(focusRefresh(small, 1_000, 2_000)).toBe(false);
    expect(focusRefresh(small, 1_000, 10_000)).toBe("always");
    expect(focusRefresh(undefined, 0, 10_000)).toBe(false);
  });
});
