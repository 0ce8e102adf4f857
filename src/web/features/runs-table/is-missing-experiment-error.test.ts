import { describe, expect, it } from "vitest";
import { MlflowError } from "../../../core/index.js";
import { isMissingExperimentError } from "./is-missing-experiment-error.js";

describe("isMissingExperimentError", () => {
  it("recognises an unknown or malformed experiment id", () => {
    expect(isMissingExperimentError(new MlflowError("RESOURCE_DOES_NOT_EXIST", "No Experiment with id=9999 exists"))).toBe(true);
    expect(isMissingExperimentError(new MlflowError("INVALID_PARAMETER_VALUE", "Invalid experiment id 'abc'"))).toBe(true);
  });
  it("leaves other failures to the error banner", () => {
    expect(isMissingExperimentError(new MlflowError("INTERNAL_ERROR", "boom"))).toBe(false);
    expect(isMissingExperimentError(new MlflowError("ENDPOINT_NOT_FOUND", "no such endpoint"))).toBe(false);
    expect(isMissingExperimentError(new TypeError("Failed to fetch"))).toBe(false);
  });
});
