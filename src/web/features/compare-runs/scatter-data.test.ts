import { describe, expect, it } from "vitest";
import { buildCompareSections } from "./compare-rows.js";
import { axisNumber, buildAxis, defaultScatterFields, fieldOptions, scatterPoints } from "./scatter-data.js";
import { testRun } from "./test-run.js";

const runs = [
  testRun("a", { params: { lr: "0.1", optim: "adam", seed: "1" }, metrics: { loss: 0.5, acc: 0.9 } }),
  testRun("b", { params: { lr: "1e-2", optim: "sgd", seed: "1" }, metrics: { loss: 0.25, acc: 0.9 } }),
  testRun("c", { params: { lr: "0.001", optim: "adam", seed: "1" }, metrics: { loss: 1.7976931348623157e308 } }),
];

describe("scatter axes", () => {
  it("reads a param as numbers when every value is one, else as sorted categories", () => {
    expect(buildAxis(runs, { kind: "params", key: "lr" }).categories).toBeUndefined();
    expect(buildAxis(runs, { kind: "params", key: "optim" }).categories).toEqual(["adam", "sgd"]);
    expect(buildAxis([...runs, testRun("d", { params: { lr: "auto" } })], { kind: "params", key: "lr" }).categories).toEqual(["0.001", "1e-2", "0.1", "auto"]);
  });

  it("places values: numbers as themselves, categories by index, undrawable ones nowhere", () => {
    const lr = buildAxis(runs, { kind: "params", key: "lr" });
    const optim = buildAxis(runs, { kind: "params", key: "optim" });
    const loss = buildAxis(runs, { kind: "metrics", key: "loss" });
    expect(axisNumber(lr, "1e-2")).toBe(0.01);
    expect(axisNumber(optim, "sgd")).toBe(1);
    expect(axisNumber(optim, "rmsprop")).toBeUndefined();
    expect(axisNumber(loss, 1.7976931348623157e308)).toBeUndefined();
    expect(axisNumber(loss, undefined)).toBeUndefined();
  });

  it("makes one coloured point per drawable run and counts the rest", () => {
    const { points, missing } = scatterPoints(runs, buildAxis(runs, { kind: "params", key: "optim" }), buildAxis(runs, { kind: "metrics", key: "loss" }), (i) => `c${i}`);
    expect(points.map((p) => [p.runId, p.x, p.y, p.xText, p.color])).toEqual([
      ["a", 0, 0.5, "adam", "c0"],
      ["b", 1, 0.25, "sgd", "c1"],
    ]);
    expect(missing).toBe(1);
  });

  it("offers params then metrics, and defaults to a differing param against a differing metric", () => {
    const sections = buildCompareSections(runs, { onlyDiff: true, search: "", showSystemTags: false });
    expect(fieldOptions(sections).map((f) => `${f.kind}.${f.key}`)).toEqual(["params.lr", "params.optim", "params.seed", "metrics.acc", "metrics.loss"]);
    expect(defaultScatterFields(sections)).toEqual({ x: { kind: "params", key: "lr" }, y: { kind: "metrics", key: "acc" } });
  });

  it("falls back to two metrics when there are no params, and to nothing when there is no data", () => {
    const onlyMetrics = buildCompareSections([testRun("a", { metrics: { m1: 1, m2: 2 } })], { onlyDiff: false, search: "", showSystemTags: false });
    expect(defaultScatterFields(onlyMetrics)).toEqual({ x: { kind: "metrics", key: "m1" }, y: { kind: "metrics", key: "m2" } });
    expect(defaultScatterFields([])).toEqual({ x: undefined, y: undefined });
  });
});
