import { describe, expect, it } from "vitest";
import { DEFAULT_CHART_SETTINGS } from "../metric-page/chart-settings.js";
import { readCompareViewState, writeCompareViewState, type CompareViewState } from "./compare-url-state.js";

const DEFAULTS: CompareViewState = {
  runIds: ["a1", "b2"],
  experimentIds: ["1"],
  onlyDiff: true,
  reference: undefined,
  transposed: false,
  showSystemTags: false,
  search: "",
  scatterX: undefined,
  scatterY: undefined,
  parallelMetric: undefined,
  chart: DEFAULT_CHART_SETTINGS,
};

describe("compare URL state", () => {
  it("round-trips a full view, keys with dots, slashes and commas included", () => {
    const state: CompareViewState = {
      ...DEFAULTS,
      onlyDiff: false,
      reference: "b2",
      transposed: true,
      showSystemTags: true,
      search: "lr, momentum",
      scatterX: { kind: "params", key: "optim.lr" },
      scatterY: { kind: "metrics", key: "val/loss" },
      parallelMetric: "val, acc",
      chart: { xAxis: "relative", yScale: "log", smoothing: 0.6, ignoreOutliers: true, zoom: { min: 10, max: 250 } },
    };
    expect(readCompareViewState(new URLSearchParams(writeCompareViewState(state).toString()))).toEqual(state);
  });

  it("keeps the overlay charts' settings under c-prefixed keys, apart from the scatter's x and y", () => {
    const params = writeCompareViewState({ ...DEFAULTS, scatterX: { kind: "params", key: "lr" }, chart: { ...DEFAULT_CHART_SETTINGS, xAxis: "time", yScale: "log" } });
    expect(params.get("x")).toBe("params.lr");
    expect(params.get("cx")).toBe("time");
    expect(params.get("clog")).toBe("1");
    expect(readCompareViewState(params).chart).toMatchObject({ xAxis: "time", yScale: "log" });
  });

  it("leaves defaults out of the URL and reads the old diff=1 form", () => {
    expect(writeCompareViewState(DEFAULTS).toString()).toBe("runs=a1%2Cb2&experiments=1");
    expect(readCompareViewState(new URLSearchParams("runs=a1,b2&experiments=1&diff=1"))).toEqual(DEFAULTS);
  });

  it("drops malformed pieces of a hand-edited link", () => {
    const state = readCompareViewState(new URLSearchParams("runs=a1,,a1,b2&x=bogus&y=tags.x&ref="));
    expect(state.runIds).toEqual(["a1", "b2"]);
    expect(state.experimentIds).toEqual([]);
    expect(state.scatterX).toBeUndefined();
    expect(state.scatterY).toBeUndefined();
    expect(state.reference).toBeUndefined();
  });
});
