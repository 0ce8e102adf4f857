import { describe, expect, it } from "vitest";
import type { Run } from "../../../core/index.js";
import { chartHref } from "./chart-href.js";

const run = (id: string, experimentId: string) => ({ info: { run_id: id, experiment_id: experimentId }, data: { params: [], metrics: [], tags: [] } }) as unknown as Run;

describe("chartHref", () => {
  it("files the chart under the first selected run's own experiment", () => {
    expect(chartHref(["b", "c"], [run("a", "1"), run("b", "2"), run("c", "2")], ["1", "2"])).toBe("/experiments/2/runs/b/metrics?runs=b%2Cc");
  });
  it("falls back to the table's first experiment for a run not loaded", () => {
    expect(chartHref(["z"], [run("a", "1")], ["1", "2"])).toBe("/experiments/1/runs/z/metrics?runs=z");
  });
  it("has no link without a selection", () => {
    expect(chartHref([], [], ["1"])).toBeUndefined();
  });
});
