import { matchRoutes } from "react-router";
import { describe, expect, it } from "vitest";
import { matchRunsPath, parseIdList, paths } from "./paths.js";

describe("matchRunsPath", () => {
  // boot.ts matches before the router exists: it must agree with the router on every path.
  it.each([
    "/experiments/1/runs",
    "/experiments/1,4/runs",
    "/experiments/1%2C4/runs",
    "/experiments/7/runs/",
    "/Experiments/7/Runs",
    "/experiments/7/runs/0123456789abcdef0123456789abcdef",
    "/experiments/7",
    "/experiments//runs",
    "/experiments",
    "/compare-runs",
    "/experiments/%E0%A4%A/runs",
    "/experiments/a%2Fb/runs",
    "/experiments/%20/runs",
  ])("agrees with the router on %s", (pathname) => {
    const ids = matchRoutes([{ path: paths.runs.path }], pathname)?.[0]?.params.experimentIds;
    expect(matchRunsPath(pathname)).toEqual(ids ? { experimentIds: ids } : undefined);
  });

  it("gives the ids the table reads", () => {
    expect(parseIdList(matchRunsPath(paths.runs.href({ experimentIds: ["1", "4"] }))?.experimentIds)).toEqual(["1", "4"]);
  });
});
