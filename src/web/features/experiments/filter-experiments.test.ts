import { describe, expect, it } from "vitest";
import type { Experiment } from "../../../core/index.js";
import { filterExperiments } from "./filter-experiments.js";

const exp = (experiment_id: string, name: string): Experiment => ({
  experiment_id,
  name,
  artifact_location: "",
  lifecycle_stage: "active",
  creation_time: 0,
  last_update_time: 0,
  tags: [],
});

describe("filterExperiments", () => {
  const all = [exp("0", "Default"), exp("1", "mnist-cnn"), exp("12", "MNIST mlp")];
  it("matches names case-insensitively and keeps server order", () => {
    expect(filterExperiments(all, "mnist").map((e) => e.experiment_id)).toEqual(["1", "12"]);
  });
  it("matches an exact id", () => {
    expect(filterExperiments(all, "12").map((e) => e.name)).toEqual(["MNIST mlp"]);
  });
  it("returns everything for a blank query", () => {
    expect(filterExperiments(all, "  ")).toHaveLength(3);
  });
  it("keeps the experiment being renamed even when its name no longer matches", () => {
    expect(filterExperiments(all, "mnist", "0").map((e) => e.experiment_id)).toEqual(["0", "1", "12"]);
  });
});
