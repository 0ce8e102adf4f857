import { join, resolve } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { getTrackingUri, normalizeTrackingUri, setTrackingUri } from "./tracking-uri.js";

describe("tracking URI", () => {
  const saved = process.env.MLFLOW_TRACKING_URI;
  afterEach(() => {
    if (saved === undefined) delete process.env.MLFLOW_TRACKING_URI;
    else process.env.MLFLOW_TRACKING_URI = saved;
  });

  it("defaults to ./mlruns in the working directory", () => {
    delete process.env.MLFLOW_TRACKING_URI;
    expect(getTrackingUri()).toBe(join(process.cwd(), "mlruns"));
  });

  it("is read from MLFLOW_TRACKING_URI and written back to it, relative paths made absolute", () => {
    process.env.MLFLOW_TRACKING_URI = "http://tracking:5000";
    expect(getTrackingUri()).toBe("http://tracking:5000");
    setTrackingUri("runs/here");
    expect(process.env.MLFLOW_TRACKING_URI).toBe(resolve("runs/here"));
    expect(getTrackingUri()).toBe(resolve("runs/here"));
  });

  it("keeps URIs with a scheme as they are", () => {
    for (const uri of ["https://host/prefix", "sqlite:///mlflow.db", "sqlite:////abs/mlflow.db", "file:///tmp/mlruns"]) expect(normalizeTrackingUri(uri)).toBe(uri);
    expect(() => normalizeTrackingUri("  ")).toThrow(/must not be empty/);
  });
});
