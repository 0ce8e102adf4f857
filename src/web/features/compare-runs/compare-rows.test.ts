import { describe, expect, it } from "vitest";
import { buildCompareSections, changedFromReference, differCount, differSummary, type CompareSection } from "./compare-rows.js";
import { runEntity } from "../../../test-support/generators.js";

const runs = [
  runEntity("a", { params: { lr: "0.1", optim: "adam", layer_10: "x", layer_2: "y" }, metrics: { loss: 0.5, epochs: 5, nan: Number.NaN }, tags: { team: "vision", owner: "ann", "mlflow.user": "ann" } }),
  runEntity("b", { params: { lr: "0.01", optim: "adam", layer_10: "x", layer_2: "y" }, metrics: { loss: 0.25, epochs: 5, nan: Number.NaN }, tags: { team: "vision", "mlflow.user": "bob" } }),
  runEntity("c", { params: { lr: "0.1", optim: "adam", layer_10: "x", layer_2: "y", extra: "1" }, metrics: { loss: 0.75, epochs: 5, nan: Number.NaN }, tags: { team: "vision", owner: "cy", "mlflow.user": "ann" } }),
];
const all = { onlyDiff: false, search: "", showSystemTags: false };
const keys = (sections: CompareSection[], id: string) => sections.find((s) => s.id === id)?.rows.map((r) => r.key);

describe("buildCompareSections", () => {
  it("lists every key per section in natural order, values aligned with the runs", () => {
    const sections = buildCompareSections(runs, all);
    expect(sections.map((s) => s.id)).toEqual(["params", "metrics", "tags"]);
    expect(keys(sections, "params")).toEqual(["extra", "layer_2", "layer_10", "lr", "optim"]);
    expect(sections[0]?.rows.find((r) => r.key === "extra")?.values).toEqual([undefined, undefined, "1"]);
    expect(sections[1]?.rows.find((r) => r.key === "loss")?.values).toEqual([0.5, 0.25, 0.75]);
  });

  it("keeps only differing rows by default, treating a missing value as different and NaN as equal to NaN", () => {
    const sections = buildCompareSections(runs, { ...all, onlyDiff: true });
    expect(keys(sections, "params")).toEqual(["extra", "lr"]);
    expect(keys(sections, "metrics")).toEqual(["loss"]);
    expect(keys(sections, "tags")).toEqual(["owner"]);
    expect(sections.map(differSummary)).toEqual(["2 of 5 params differ", "1 of 3 metrics differ", "1 of 2 tags differ"]);
    expect(sections.map(differCount)).toEqual(["2 of 5 differ", "1 of 3 differ", "1 of 2 differ"]);
  });

  it("shows every row of a single run, since nothing can differ", () => {
    expect(keys(buildCompareSections([runs[0] ?? runEntity("x")], { ...all, onlyDiff: true }), "params")).toHaveLength(4);
  });

  it("hides mlflow.* tags unless asked, then shows them in their own section", () => {
    expect(keys(buildCompareSections(runs, all), "tags")).not.toContain("mlflow.user");
    const withSystem = buildCompareSections(runs, { ...all, showSystemTags: true });
    expect(keys(withSystem, "system")).toEqual(["mlflow.user"]);
    expect(withSystem.find((s) => s.id === "system")?.differingKeys).toEqual(["mlflow.user"]);
  });

  it("filters rows by a case-insensitive key search but keeps the counts of the whole section", () => {
    const sections = buildCompareSections(runs, { ...all, search: "LAYER" });
    expect(keys(sections, "params")).toEqual(["layer_2", "layer_10"]);
    expect(keys(sections, "metrics")).toEqual([]);
    expect(sections[0]?.allKeys).toHaveLength(5);
  });

  it("leaves out sections no run has", () => {
    expect(buildCompareSections([runEntity("a", { params: { lr: "1" } })], all).map((s) => s.id)).toEqual(["params"]);
  });
});

describe("changedFromReference", () => {
  it("marks cells that differ from the reference's cell, never the reference itself", () => {
    const lr = buildCompareSections(runs, all)[0]?.rows.find((r) => r.key === "lr");
    if (!lr) throw new Error("no lr row");
    expect(changedFromReference(lr, 0)).toEqual([false, true, false]);
    expect(changedFromReference(lr, 1)).toEqual([true, false, true]);
  });
});
