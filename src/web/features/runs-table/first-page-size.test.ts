import { describe, expect, it } from "vitest";
import { FIRST_RUNS_PAGE_SIZE } from "../../api/runs/run-queries.js";
import { firstRunsPageSize } from "./first-page-size.js";
import { END_MARGIN_ROWS, OVERSCAN_ROWS, ROW_HEIGHT } from "./grid-metrics.js";

describe("firstRunsPageSize", () => {
  it("is the usual first page when that already fills the window", () => {
    expect(firstRunsPageSize(0)).toBe(FIRST_RUNS_PAGE_SIZE);
    expect(firstRunsPageSize(720)).toBe(FIRST_RUNS_PAGE_SIZE);
    expect(firstRunsPageSize(1440)).toBe(FIRST_RUNS_PAGE_SIZE);
  });

  it("in a taller window, covers every row on screen plus the overscan and the margin that triggers the next page", () => {
    const height = 3600;
    const size = firstRunsPageSize(height);
    const lastRendered = Math.ceil(height / ROW_HEIGHT) + OVERSCAN_ROWS - 1;
    // The grid's own rule (runs-grid.tsx): ask for more once the last rendered row is within the margin.
    expect(lastRendered >= size - END_MARGIN_ROWS).toBe(false);
    expect(size).toBeGreaterThan(FIRST_RUNS_PAGE_SIZE);
  });
});
