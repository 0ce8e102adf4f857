import { describe, expect, it } from "vitest";
import { compareGrid, exportFileName } from "./compare-export.js";
import { buildCompareSections } from "./compare-rows.js";
import { toCsv } from "./csv.js";
import { runEntity } from "../../../test-support/generators.js";

const runs = [runEntity("a", { params: { lr: "0.1", optim: "adam" }, metrics: { loss: 0.5 }, tags: { note: "=1+1" } }), runEntity("b", { params: { lr: "0.01", optim: "adam" }, metrics: { loss: -0.25 } })];
const sections = buildCompareSections(runs, { onlyDiff: true, search: "", showSystemTags: false });

describe("compareGrid", () => {
  it("exports the rows shown, runs as columns, with an id row", () => {
    expect(toCsv(compareGrid(runs, sections, false))).toBe(
      ["section,key,run-a,run-b", ",run_id,a,b", "params,lr,0.1,0.01", "metrics,loss,0.5,-0.25", "tags,note,'=1+1,", ""].join("\r\n"),
    );
  });

  it("exports runs as rows when the table is transposed", () => {
    expect(compareGrid(runs, sections, true)).toEqual([
      ["run_id", "run_name", "params.lr", "metrics.loss", "tags.note"],
      ["a", "run-a", "0.1", 0.5, "=1+1"],
      ["b", "run-b", "0.01", -0.25, undefined],
    ]);
  });
});

describe("compareGrid with system tags", () => {
  it("names a system tag as MLflow's runs CSV does, tags.mlflow.*", () => {
    const tagged = [runEntity("a", { tags: { "mlflow.user": "ann" } }), runEntity("b", { tags: { "mlflow.user": "bob" } })];
    const sections = buildCompareSections(tagged, { onlyDiff: true, search: "", showSystemTags: true });
    expect(compareGrid(tagged, sections, true)[0]).toEqual(["run_id", "run_name", "tags.mlflow.user"]);
    expect(compareGrid(tagged, sections, false).at(-1)).toEqual(["tags", "mlflow.user", "ann", "bob"]);
  });
});

describe("exportFileName", () => {
  it("names the file after the run count and the day", () => {
    expect(exportFileName(3, new Date(2024, 4, 1, 12))).toBe("compare-3-runs-2024-05-01.csv");
  });
});
