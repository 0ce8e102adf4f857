import { describe, expect, it } from "vitest";
import { DEFAULT_CHART_SETTINGS, readChartSettings, withXAxis, writeChartSettings, type ChartSettings } from "./chart-settings.js";

const read = (search: string): ChartSettings => readChartSettings(new URLSearchParams(search));
const write = (settings: ChartSettings, search = ""): string => writeChartSettings(new URLSearchParams(search), settings).toString();

describe("chart settings in the URL", () => {
  it("an empty query is the defaults, and the defaults write nothing", () => {
    expect(read("")).toEqual({ ...DEFAULT_CHART_SETTINGS, zoom: undefined });
    expect(write(DEFAULT_CHART_SETTINGS)).toBe("");
  });

  it.each<ChartSettings>([
    { xAxis: "time", yScale: "log", smoothing: 0.6, ignoreOutliers: true, zoom: { min: 1_700_000_000_000, max: 1_700_000_360_000 } },
    { xAxis: "relative", yScale: "linear", smoothing: 0.99, ignoreOutliers: false, zoom: { min: 0, max: 1500.5 } },
    { xAxis: "step", yScale: "linear", smoothing: 0, ignoreOutliers: false, zoom: { min: -20, max: 40 } },
  ])("round-trips %j", (settings) => {
    expect(read(write(settings))).toEqual(settings);
  });

  it("keeps the page's other parameters and replaces its own", () => {
    const out = new URLSearchParams(write({ ...DEFAULT_CHART_SETTINGS, yScale: "log" }, "runs=a,b&log=1&smooth=0.3&zoom=1,2"));
    expect(out.get("runs")).toBe("a,b");
    expect(out.get("log")).toBe("1");
    expect(out.has("smooth")).toBe(false);
    expect(out.has("zoom")).toBe(false);
  });

  it("reads the metric page's older links (?x=time&log=1)", () => {
    expect(read("x=time&log=1")).toMatchObject({ xAxis: "time", yScale: "log" });
  });

  it.each([
    ["x=epoch", { xAxis: "step" }],
    ["log=yes", { yScale: "linear" }],
    ["smooth=2", { smoothing: 0.99 }],
    ["smooth=-1", { smoothing: 0 }],
    ["smooth=abc", { smoothing: 0 }],
    ["smooth=0.123", { smoothing: 0.12 }],
    ["outliers=1", { ignoreOutliers: false }],
    ["zoom=5,1", { zoom: undefined }],
    ["zoom=1", { zoom: undefined }],
    ["zoom=1,2,3", { zoom: undefined }],
    ["zoom=a,b", { zoom: undefined }],
    ["zoom=,5", { zoom: undefined }],
  ])("a hand-edited %s still opens: %j", (search, expected) => {
    expect(read(search)).toMatchObject(expected);
  });

  it("changing the x axis drops the zoom, which was in the old axis' units", () => {
    const zoomed: ChartSettings = { ...DEFAULT_CHART_SETTINGS, zoom: { min: 1, max: 9 } };
    expect(withXAxis(zoomed, "time").zoom).toBeUndefined();
    expect(withXAxis(zoomed, "step")).toBe(zoomed);
  });
});
