import { describe, expect, it } from "vitest";
import { columnsOfSeries } from "../../../core/charts/index.js";
import { DEFAULT_CHART_SETTINGS, type ChartYScale } from "./chart-settings.js";
import { toPlotSeries } from "./chart-series.js";
import { undrawableNote } from "./undrawable-note.js";

const DBL_MAX = Number.MAX_VALUE;

const series = (values: number[], yScale: ChartYScale = "linear") =>
  toPlotSeries(
    columnsOfSeries({ run_id: "r", metrics: values.map((value, step) => ({ key: "m", value, step, timestamp: step })), total_points: values.length, sampled: false }),
    { runName: "r", color: "#123456" },
    { ...DEFAULT_CHART_SETTINGS, yScale },
  );

describe("undrawableNote", () => {
  it("says nothing while some value makes a line", () => {
    expect(undrawableNote([series([NaN]), series([NaN, 1])], "linear")).toBeUndefined();
    expect(undrawableNote([], "linear")).toBeUndefined();
  });

  it("says why there is no line: NaN, infinite, both", () => {
    expect(undrawableNote([series([NaN]), series([NaN, NaN])], "linear")).toBe("All values are NaN");
    expect(undrawableNote([series([DBL_MAX, -DBL_MAX])], "linear")).toBe("All values are infinite");
    expect(undrawableNote([series([NaN]), series([DBL_MAX])], "linear")).toBe("All values are NaN or infinite");
  });

  it("names the log scale when it left out values ≤ 0", () => {
    expect(undrawableNote([series([0, -2], "log")], "log")).toBe("No value > 0 to draw on a log scale");
    expect(undrawableNote([series([0, NaN], "log")], "log")).toMatch(/^No value > 0 .* NaN or infinite$/);
  });
});
