import { describe, expect, it } from "vitest";
import { runPageView } from "./run-page-view.js";

describe("runPageView", () => {
  it("waits for a run that has not answered yet", () => {
    expect(runPageView({ hasData: false, isError: false })).toBe("loading");
  });
  it("shows the error page only for a run that never loaded", () => {
    expect(runPageView({ hasData: false, isError: true })).toBe("load-error");
  });
  it("keeps a loaded run on show when a refetch fails", () => {
    expect(runPageView({ hasData: true, isError: true })).toBe("run");
    expect(runPageView({ hasData: true, isError: false })).toBe("run");
  });
});
