import { describe, expect, it } from "vitest";
import { buildCompareSections } from "./compare-rows.js";
import { axisNumber, axisValues, buildAxis, fieldOptions, scatterPoints, valueText } from "./scatter-data.js";
import { runEntity } from "../../../test-support/generators.js";

const runs = [
  runEntity("a", { params: { lr: "0.1", optim: "adam", seed: "1" }, metrics: { loss: 0.5, acc: 0.9 } }),
  runEntity("b", { params: { lr: "1e-2", optim: "sgd", seed: "1" }, metrics: { loss: 0.25, acc: 0.9 } }),
  runEntity("c", { params: { lr: "0.001", optim: "adam", seed: "1" }, metrics: { loss: 1.7976931348623157e308 } }),
];

describe("scatter axes", () => {
  it("reads a param as numbers when every value is one, else as sorted categories", () => {
    expect(buildAxis(runs, { kind: "params", key: "lr" }).categories).toBeUndefined();
    expect(buildAxis(runs, { kind: "params", key: "optim" }).categories).toEqual(["adam", "sgd"]);
    expect(buildAxis([...runs, runEntity("d", { params: { lr: "auto" } })], { kind: "params", key: "lr" }).categories).toEqual(["0.001", "1e-2", "0.1", "auto"]);
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

  it("writes metric values readably and param values as logged", () => {
    const { points } = scatterPoints([runEntity("a", { params: { lr: "1e-3" }, metrics: { lr: 6.834904537900144e-8 } })], buildAxis(runs, { kind: "params", key: "lr" }), buildAxis(runs, { kind: "metrics", key: "lr" }), () => "c");
    expect(points.map((p) => [p.xText, p.yText])).toEqual([["1e-3", "6.8349e-8"]]);
    expect(valueText(undefined)).toBe("—");
    expect(valueText(0.1 + 0.2)).toBe("0.3");
  });

  it("collects the drawable numbers of a numeric axis only", () => {
    expect(axisValues(runs, buildAxis(runs, { kind: "params", key: "lr" }))).toEqual([0.1, 0.01, 0.001]);
    expect(axisValues(runs, buildAxis(runs, { kind: "metrics", key: "loss" }))).toEqual([0.5, 0.25]);
    expect(axisValues(runs, buildAxis(runs, { kind: "params", key: "optim" }))).toEqual([]);
  });

  it("offers params then metrics", () => {
    const sections = buildCompareSections(runs, { onlyDiff: true, search: "", showSystemTags: false });
    expect(fieldOptions(sections).map((f) => `${f.kind}.${f.key}`)).toEqual(["params.lr", "params.optim", "params.seed", "metrics.acc", "metrics.loss"]);
  });
});
