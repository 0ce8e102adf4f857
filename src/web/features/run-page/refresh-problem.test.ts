import { describe, expect, it } from "vitest";
import { MlflowError } from "../../../core/index.js";
import { refreshProblem } from "./refresh-problem.js";

describe("refreshProblem", () => {
  it("promises the next poll for a live run that lost the connection", () => {
    const problem = refreshProblem(new TypeError("Failed to fetch"), true, 10);
    expect(problem.retrying).toBe(true);
    expect(problem.title).toMatch(/connection lost.*retrying every 10 s/i);
  });
  it("offers a manual retry for a finished run, whose page does not poll", () => {
    const problem = refreshProblem(new MlflowError("TEMPORARILY_UNAVAILABLE", "down"), false, 10);
    expect(problem.retrying).toBe(false);
    expect(problem.title).toMatch(/could not refresh/i);
  });
  it("says a run that vanished from the server is gone, not that the connection dropped", () => {
    const problem = refreshProblem(new MlflowError("RESOURCE_DOES_NOT_EXIST", "no run"), true, 10);
    expect(problem.retrying).toBe(false);
    expect(problem.title).not.toMatch(/connection/i);
  });
});
