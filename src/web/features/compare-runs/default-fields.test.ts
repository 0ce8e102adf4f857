import { describe, expect, it } from "vitest";
import { defaultMetric, defaultScatterFields, rankMetrics, rankParams } from "./default-fields.js";
import { runEntity } from "../../../test-support/generators.js";

// The reviewer's runs: `lr` is both a param and a logged schedule, and the first alphabetically.
const runs = [
  runEntity("a", { params: { batch_size: "128", lr: "0.1", model: "resnet18" }, metrics: { lr: 3e-7, reward: 9, "train/loss": 0.2, "val/accuracy": 0.9 } }),
  runEntity("b", { params: { batch_size: "128", lr: "0.01", model: "resnet18" }, metrics: { lr: 5e-8, reward: 8, "train/loss": 0.3, "val/accuracy": 0.8 } }),
  runEntity("c", { params: { batch_size: "256", lr: "0.001", model: "resnet18" }, metrics: { lr: 1e-8, "train/loss": 0.4, "val/accuracy": 0.7 } }),
];
const paramKeys = ["batch_size", "lr", "model"];
const metricKeys = ["lr", "reward", "train/loss", "val/accuracy"];

describe("rankMetrics", () => {
  it("puts the metric most runs logged first, then losses, then accuracies, then by name", () => {
    expect(rankMetrics(runs, metricKeys)).toEqual(["train/loss", "val/accuracy", "lr", "reward"]);
  });

  it("prefers coverage over the name", () => {
    const partial = [runEntity("a", { metrics: { loss: 1, zeta: 1 } }), runEntity("b", { metrics: { zeta: 2 } })];
    expect(rankMetrics(partial, ["loss", "zeta"])).toEqual(["zeta", "loss"]);
  });

  it("tells accuracies from words that only contain acc", () => {
    const keys = ["grad_accumulation", "top1_accuracy", "val_acc", "acc", "alpha"];
    const all = [runEntity("a", { metrics: Object.fromEntries(keys.map((k) => [k, 1])) })];
    expect(rankMetrics(all, keys)).toEqual(["acc", "top1_accuracy", "val_acc", "alpha", "grad_accumulation"]);
  });

  it("orders names naturally and keeps the input untouched", () => {
    const keys = ["m10", "m2"];
    expect(rankMetrics([runEntity("a", { metrics: { m10: 1, m2: 1 } })], keys)).toEqual(["m2", "m10"]);
    expect(keys).toEqual(["m10", "m2"]);
  });
});

describe("rankParams", () => {
  it("puts params that vary first, then those only some runs set, then constants, in table order", () => {
    const mixed = [runEntity("a", { params: { a: "1", b: "x", c: "1", d: "2" } }), runEntity("b", { params: { a: "1", c: "2", d: "2" } })];
    expect(rankParams(mixed, ["a", "b", "c", "d"])).toEqual(["c", "b", "a", "d"]);
  });

  it("puts a param every run sets before one that only half of them set", () => {
    const sweep = [runEntity("a", { params: { dropout: "0.1", lr: "0.1" } }), runEntity("b", { params: { dropout: "0.2", lr: "0.01" } }), runEntity("c", { params: { lr: "0.001" } })];
    expect(rankParams(sweep, ["dropout", "lr"])).toEqual(["lr", "dropout"]);
    expect(defaultScatterFields(sweep, ["dropout", "lr"], []).x).toEqual({ kind: "params", key: "lr" });
  });
});

describe("defaultMetric", () => {
  it("is the best-ranked metric, not the first by name", () => {
    expect(defaultMetric(runs, metricKeys)).toBe("train/loss");
    expect(defaultMetric(runs, [])).toBeUndefined();
  });
});

describe("defaultScatterFields", () => {
  it("puts the first varying param against the best metric", () => {
    expect(defaultScatterFields(runs, paramKeys, metricKeys)).toEqual({ x: { kind: "params", key: "batch_size" }, y: { kind: "metrics", key: "train/loss" } });
    expect(defaultScatterFields(runs, ["model", "lr"], metricKeys).x).toEqual({ kind: "params", key: "lr" });
  });

  it("falls back to two metrics without params, two params without metrics, and nothing without data", () => {
    expect(defaultScatterFields(runs, [], metricKeys)).toEqual({ x: { kind: "metrics", key: "train/loss" }, y: { kind: "metrics", key: "val/accuracy" } });
    expect(defaultScatterFields(runs, paramKeys, [])).toEqual({ x: { kind: "params", key: "batch_size" }, y: { kind: "params", key: "lr" } });
    expect(defaultScatterFields(runs, ["lr"], [])).toEqual({ x: { kind: "params", key: "lr" }, y: undefined });
    expect(defaultScatterFields([], [], [])).toEqual({ x: undefined, y: undefined });
  });
});
