import { describe, expect, it } from "vitest";
import { ROW_HEIGHT } from "./grid-metrics.js";
import { RESTORE_MAX_RUNS, restoreStep, type RestoreProgress } from "./restore-step.js";
import type { SavedView } from "./view-restore-store.js";

const ids = (n: number) => Array.from({ length: n }, (_, i) => `r${i}`);
const view = (change: Partial<SavedView>): SavedView => ({ url: "/x", scrollTop: 0, scrollLeft: 0, anchor: undefined, activeRunId: undefined, expansion: undefined, ...change });
const progress = (change: Partial<RestoreProgress>): RestoreProgress => ({ rowIds: ids(100), loadedRuns: 100, canLoadMore: true, fetchingMore: false, viewportRows: 20, ...change });

describe("restoring a saved view", () => {
  it("puts the first visible row back under the header, with its offset", () => {
    const saved = view({ scrollTop: 40 * ROW_HEIGHT + 7, anchor: { runId: "r40", offset: 7 }, activeRunId: "r45" });
    expect(restoreStep(saved, progress({}))).toEqual({ kind: "apply", scrollTop: 40 * ROW_HEIGHT + 7 });
  });

  it("follows the row when runs above it came or went since", () => {
    const saved = view({ scrollTop: 40 * ROW_HEIGHT, anchor: { runId: "r40", offset: 0 } });
    const shifted = ["new-1", "new-2", ...ids(100)];
    expect(restoreStep(saved, progress({ rowIds: shifted }))).toMatchObject({ kind: "apply", scrollTop: 42 * ROW_HEIGHT });
  });

  it("loads pages until the row and a screenful below it are in, waiting while one is on its way", () => {
    const saved = view({ scrollTop: 300 * ROW_HEIGHT, anchor: { runId: "r300", offset: 0 } });
    expect(restoreStep(saved, progress({}))).toEqual({ kind: "load-more" });
    expect(restoreStep(saved, progress({ fetchingMore: true }))).toEqual({ kind: "wait" });
    // The row is loaded but would sit at the very end: the scroll would be cut short.
    expect(restoreStep(saved, progress({ rowIds: ids(310), loadedRuns: 310 }))).toEqual({ kind: "load-more" });
    expect(restoreStep(saved, progress({ rowIds: ids(350), loadedRuns: 350 }))).toMatchObject({ kind: "apply", scrollTop: 300 * ROW_HEIGHT });
  });

  it("stops loading at the cap, or at the end of the runs, and keeps the old offset as far as it goes", () => {
    const saved = view({ scrollTop: 5000 * ROW_HEIGHT, anchor: { runId: "r5000", offset: 0 } });
    expect(restoreStep(saved, progress({ rowIds: ids(RESTORE_MAX_RUNS), loadedRuns: RESTORE_MAX_RUNS }))).toMatchObject({ kind: "apply", scrollTop: 5000 * ROW_HEIGHT });
    expect(restoreStep(saved, progress({ canLoadMore: false }))).toMatchObject({ kind: "apply", scrollTop: 5000 * ROW_HEIGHT });
  });

  it("restores a view saved at the top at once", () => {
    expect(restoreStep(view({ scrollLeft: 300, anchor: { runId: "r0", offset: 0 } }), progress({ rowIds: ids(3), loadedRuns: 3, canLoadMore: false }))).toEqual({ kind: "apply", scrollTop: 0 });
  });
});
