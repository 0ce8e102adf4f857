import { describe, expect, it } from "vitest";
import { runNameProblem } from "./run-name-problem.js";

describe("runNameProblem", () => {
  it("refuses empty and blank names", () => {
    expect(runNameProblem("")).toMatch(/empty/);
    expect(runNameProblem("   ")).toMatch(/empty/);
  });
  it("refuses names over MLflow's 250 characters, counting code points", () => {
    expect(runNameProblem("a".repeat(251))).toMatch(/at most 250/);
    expect(runNameProblem("😀".repeat(250))).toBeUndefined();
  });
  it("accepts an ordinary name", () => {
    expect(runNameProblem("resnet-50 lr=0.1")).toBeUndefined();
  });
});
