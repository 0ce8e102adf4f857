import { describe, expect, it } from "vitest";
import { axisPosition, buildParallelAxes, rampColor } from "./parallel-axes.js";
import { runEntity } from "../../../test-support/generators.js";

const runs = [
  runEntity("a", { params: { lr: "0.1", optim: "adam" }, metrics: { loss: 0.5 } }),
  runEntity("b", { params: { lr: "0.3", optim: "sgd" }, metrics: { loss: 0.25 } }),
  runEntity("c", { params: { lr: "0.2" }, metrics: { loss: 1 } }),
];

describe("buildParallelAxes", () => {
  const axes = buildParallelAxes(runs, [{ kind: "params", key: "lr" }, { kind: "params", key: "optim" }, { kind: "metrics", key: "loss" }], 300);

  it("builds numeric axes over the runs' own range and categorical axes over sorted values", () => {
    expect(axes.map((a) => [a.id, a.categories, a.min, a.max])).toEqual([
      ["params.lr", undefined, 0.1, 0.3],
      ["params.optim", ["adam", "sgd"], 0, 1],
      ["metrics.loss", undefined, 0.25, 1],
    ]);
    expect(axes[1]?.ticks).toEqual([{ at: 0, label: "adam" }, { at: 1, label: "sgd" }]);
  });

  it("positions each run from 0 (bottom) to 1 (top), missing values nowhere", () => {
    const [lr, optim, loss] = axes;
    if (!lr || !optim || !loss) throw new Error("axes missing");
    const lrAt = runs.map((r) => axisPosition(lr, r) ?? Number.NaN);
    expect(lrAt[0]).toBe(0);
    expect(lrAt[1]).toBe(1);
    expect(lrAt[2]).toBeCloseTo(0.5);
    expect(runs.map((r) => axisPosition(optim, r))).toEqual([0, 1, undefined]);
    expect(axisPosition(loss, runs[0] ?? runEntity("x"))).toBeCloseTo(1 / 3);
  });

  it("draws a positive field spanning two decades on a log axis, each decade an equal step", () => {
    const sweep = ["1e-5", "1e-4", "1e-3", "1e-2", "1e-1"].map((lr, i) => runEntity(`l${i}`, { params: { lr } }));
    const [lr] = buildParallelAxes(sweep, [{ kind: "params", key: "lr" }], 300);
    if (!lr) throw new Error("axis missing");
    expect(lr.log).toBe(true);
    expect(sweep.map((r) => axisPosition(lr, r) ?? Number.NaN).map((at) => Math.round(at * 100) / 100)).toEqual([0, 0.25, 0.5, 0.75, 1]);
    expect(lr.ticks.map((t) => t.label)).toEqual(["1e-5", "1e-4", "1e-3", "1e-2", "1e-1"]);
    expect(axes.every((a) => !a.log)).toBe(true);
  });

  it("labels numeric ticks compactly, and a whole-number param only at whole numbers", () => {
    const sweep = [2, 3, 4].map((layers, i) => runEntity(`s${i}`, { params: { layers: String(layers) }, metrics: { lr: [3.6e-7, 9e-8, 0][i] ?? 0 } }));
    const [layers, lr] = buildParallelAxes(sweep, [{ kind: "params", key: "layers" }, { kind: "metrics", key: "lr" }], 300);
    expect(layers?.ticks.map((t) => t.label)).toEqual(["2", "3", "4"]);
    expect(layers?.ticks.map((t) => t.at)).toEqual([0, 0.5, 1]);
    expect(lr?.ticks.map((t) => t.label)).toEqual(["0", "1e-7", "2e-7", "3e-7"]);
  });

  it("labels a param swept over a few values at those values, and a crowded one at round numbers", () => {
    const batches = [32, 64, 64, 32].map((batch, i) => runEntity(`b${i}`, { params: { batch: String(batch), trial: String(i * 7) }, metrics: { loss: [0.31, 0.5, 0.42, 0.7][i] ?? 0 } }));
    const [batch, trial, loss] = buildParallelAxes(batches, [{ kind: "params", key: "batch" }, { kind: "params", key: "trial" }, { kind: "metrics", key: "loss" }], 250);
    expect(batch?.ticks).toEqual([{ at: 0, label: "32" }, { at: 1, label: "64" }]);
    expect(trial?.ticks.map((t) => t.label)).toEqual(["0", "7", "14", "21"]);
    // A metric is continuous: round ticks, whatever its values.
    expect(loss?.ticks.map((t) => t.label)).toEqual(["0.4", "0.5", "0.6", "0.7"]);
    const lrs = ["1e-5", "3e-5", "1e-4", "3e-4", "1e-3"].map((lr, i) => runEntity(`l${i}`, { params: { lr } }));
    expect(buildParallelAxes(lrs, [{ kind: "params", key: "lr" }], 250)[0]?.ticks.map((t) => t.label)).toEqual(["1e-5", "3e-5", "1e-4", "3e-4", "1e-3"]);
    // 1 and 1.01 beside 100 would print over each other: round ticks instead.
    const close = ["1", "1.01", "50", "100"].map((v, i) => runEntity(`c${i}`, { params: { v } }));
    expect(buildParallelAxes(close, [{ kind: "params", key: "v" }], 250)[0]?.ticks.map((t) => t.label)).toEqual(["20", "40", "60", "80", "100"]);
    const many = Array.from({ length: 12 }, (_, i) => runEntity(`m${i}`, { params: { n: String(i) } }));
    expect(buildParallelAxes(many, [{ kind: "params", key: "n" }], 250)[0]?.ticks.length).toBeLessThan(12);
  });

  it("thins the labels of a crowded categorical axis but keeps the first and last", () => {
    const many = Array.from({ length: 100 }, (_, i) => runEntity(`r${i}`, { params: { name: `v${String(i).padStart(3, "0")}` } }));
    const [axis] = buildParallelAxes(many, [{ kind: "params", key: "name" }], 140);
    expect(axis?.ticks.length).toBeLessThanOrEqual(11);
    expect(axis?.ticks[0]?.label).toBe("v000");
    expect(axis?.ticks.at(-1)?.label).toBe("v099");
  });
});

describe("rampColor", () => {
  it("runs from indigo to amber and clamps outside 0…1", () => {
    expect(rampColor(0)).toBe("#4f6bed");
    expect(rampColor(1)).toBe("#f5a623");
    expect(rampColor(-5)).toBe(rampColor(0));
    expect(rampColor(Number.NaN)).toBe(rampColor(0));
    expect(rampColor(0.5)).not.toBe(rampColor(0.4));
  });
});
