import { describe, expect, it } from "vitest";
import { mlflowHashRoute } from "./mlflow-link.js";

describe("mlflowHashRoute", () => {
  it("opens MLflow's experiment, run and run-tab links as the same views", () => {
    expect(mlflowHashRoute("#/experiments/12")).toBe("/experiments/12/runs");
    expect(mlflowHashRoute("#/experiments/12/")).toBe("/experiments/12/runs");
    expect(mlflowHashRoute("#/experiments/12/runs/abc123")).toBe("/experiments/12/runs/abc123");
    expect(mlflowHashRoute("#/experiments/12/runs/abc123/model-metrics")).toBe("/experiments/12/runs/abc123");
    // A file of the artifact tab is selected in the artifact browser (MLflow 2.10+ and older paths).
    expect(mlflowHashRoute("#/experiments/12/runs/abc123/artifacts/model/MLmodel")).toBe("/experiments/12/runs/abc123?artifact=model%2FMLmodel");
    expect(mlflowHashRoute("#/experiments/12/runs/abc123/artifactPath/logs/train%20log.txt")).toBe("/experiments/12/runs/abc123?artifact=logs%2Ftrain+log.txt");
    expect(mlflowHashRoute("#/")).toBe("/experiments");
  });

  it("reads MLflow's JSON-array run lists for compare and metric links", () => {
    expect(mlflowHashRoute('#/compare-runs?runs=["a","b"]&experiments=["3"]')).toBe("/compare-runs?runs=a%2Cb&experiments=3");
    expect(mlflowHashRoute(`#/compare-runs?runs=${encodeURIComponent('["a","b"]')}&experiments=${encodeURIComponent('["3"]')}`)).toBe("/compare-runs?runs=a%2Cb&experiments=3");
    expect(mlflowHashRoute('#/metric/val%2Floss?runs=["a","b","c"]&experiments=["3"]')).toBe("/experiments/3/runs/a/metrics/val%2Floss?runs=b%2Cc");
    expect(mlflowHashRoute('#/metric/loss?runs=["a"]&experiment=3')).toBe("/experiments/3/runs/a/metrics/loss");
    // Without the experiment, a route that asks the run where it lives.
    expect(mlflowHashRoute('#/metric/loss?runs=["a","b"]')).toBe("/runs/a/metrics/loss?runs=b");
  });

  it("opens MLflow's compare-experiments link as one runs table of those experiments", () => {
    expect(mlflowHashRoute('#/compare-experiments/s?experiments=["1","4"]')).toBe("/experiments/1,4/runs");
    expect(mlflowHashRoute("#/compare-experiments/s")).toBeUndefined();
  });

  it("leaves other fragments alone", () => {
    expect(mlflowHashRoute("")).toBeUndefined();
    expect(mlflowHashRoute("#note")).toBeUndefined();
    expect(mlflowHashRoute("#/models/my-model")).toBeUndefined();
    expect(mlflowHashRoute("#/metric/loss?runs=[]")).toBeUndefined();
  });
});
