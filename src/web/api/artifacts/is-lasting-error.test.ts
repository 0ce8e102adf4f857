import { describe, expect, it } from "vitest";
import { MlflowError } from "../../../core/index.js";
import { isLastingError } from "./is-lasting-error.js";

describe("isLastingError", () => {
  it("is a 4xx MLflow error other than 429", () => {
    expect(isLastingError(new MlflowError("INVALID_PARAMETER_VALUE", "Invalid path"))).toBe(true);
    expect(isLastingError(new MlflowError("RESOURCE_DOES_NOT_EXIST", "gone"))).toBe(true);
    expect(isLastingError(new MlflowError("PERMISSION_DENIED", "no"))).toBe(true);
    expect(isLastingError(new MlflowError("REQUEST_LIMIT_EXCEEDED", "slow down"))).toBe(false);
    expect(isLastingError(new MlflowError("TEMPORARILY_UNAVAILABLE", "down"))).toBe(false);
    expect(isLastingError(new MlflowError("INTERNAL_ERROR", "boom"))).toBe(false);
    expect(isLastingError(new Error("Failed to fetch"))).toBe(false);
    expect(isLastingError(undefined)).toBe(false);
  });
});
