import { describe, expect, it } from "vitest";
import { MlflowError } from "../../core/index.js";
import { describeError } from "./error-banner.js";

describe("describeError", () => {
  it("keeps an MLflow error's code and message verbatim", () => {
    expect(describeError(new MlflowError("RESOURCE_ALREADY_EXISTS", "Experiment(name=a) already exists."))).toEqual({
      code: "RESOURCE_ALREADY_EXISTS",
      summary: "Experiment(name=a) already exists.",
    });
  });
  it("turns a proxy's HTML page into its headline, dropping the invented code", () => {
    const html = "<html><head><title>502 Bad Gateway</title></head><body><center><h1>502 Bad Gateway</h1></center><hr><center>nginx</center></body></html>";
    expect(describeError(new MlflowError("INTERNAL_ERROR", html))).toEqual({ summary: "The server answered 502 Bad Gateway", details: html });
  });
  it("falls back to an h1 and strips nested tags", () => {
    expect(describeError(new MlflowError("INTERNAL_ERROR", "<html><body><h1>503 <b>Service</b> Unavailable</h1></body></html>")).summary).toBe(
      "The server answered 503 Service Unavailable",
    );
  });
  it("says what it got when the HTML has no headline", () => {
    expect(describeError(new MlflowError("BAD_REQUEST", "<!DOCTYPE html><p>nope</p>")).summary).toBe("The server answered with an HTML page instead of an MLflow error");
  });
  it("leaves plain-text messages that merely mention a tag alone", () => {
    expect(describeError(new Error("Invalid value <b> for param"))).toEqual({ summary: "Invalid value <b> for param" });
  });
});
