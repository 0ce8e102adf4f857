import { describe, expect, it } from "vitest";
import { MlflowError } from "../../core/index.js";
import { isMissingResource } from "./is-missing-resource.js";

describe("isMissingResource", () => {
  it("recognises an unknown or malformed id", () => {
    expect(isMissingResource(MlflowError.notFound("Run with id=x not found"))).toBe(true);
    expect(isMissingResource(new MlflowError("RESOURCE_DOES_NOT_EXIST", "No Experiment with id=9999 exists"))).toBe(true);
    expect(isMissingResource(new MlflowError("INVALID_PARAMETER_VALUE", "Invalid experiment id 'abc'"))).toBe(true);
  });

  it("leaves failures a retry may fix, a missing endpoint and foreign errors to the error banner", () => {
    expect(isMissingResource(new MlflowError("INTERNAL_ERROR", "database is locked"))).toBe(false);
    expect(isMissingResource(new MlflowError("TEMPORARILY_UNAVAILABLE", "Could not reach"))).toBe(false);
    expect(isMissingResource(new MlflowError("ENDPOINT_NOT_FOUND", "no such endpoint"))).toBe(false);
    expect(isMissingResource(new TypeError("Failed to fetch"))).toBe(false);
    expect(isMissingResource(new Error("RESOURCE_DOES_NOT_EXIST"))).toBe(false);
  });
});
