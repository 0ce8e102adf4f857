import { matchRoutes } from "react-router";
import { describe, expect, it } from "vitest";
import { matchMetricPath, matchRunsPath, parseIdList, paths } from "./paths.js";

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

describe("matchMetricPath", () => {
  const key = "train/loss v2 %";
  it.each([
    "/experiments/1/runs/abc/metrics/loss",
    paths.metric.href({ experimentId: "1", runId: "abc", metricKey: key }),
    "/experiments/1/runs/abc/metrics/train/loss",
    "/experiments/1/runs/abc/metrics/train%2Floss/",
    "/Experiments/1/Runs/abc/Metrics/Loss",
    "/experiments/1/runs/a%2Fb/metrics/loss",
    "/experiments/1/runs/abc/metrics/%E0%A4%A",
    "/experiments/1/runs/abc/metrics/",
    "/experiments/1/runs/abc/metrics",
    "/experiments/1/runs/abc",
    "/experiments/1/runs",
  ])("agrees with the router on %s", (pathname) => {
    // The metric page is matched among the routes it competes with, as the app's router does.
    const [match] = matchRoutes([{ path: paths.runMetrics.path }, { path: paths.metric.path }, { path: paths.run.path }], pathname) ?? [];
    const expected = match?.route.path === paths.metric.path && match.params["*"] ? { runId: match.params.runId, metricKey: match.params["*"] } : undefined;
    expect(matchMetricPath(pathname)).toEqual(expected);
  });

  it("gives back the key a link was made for", () => {
    expect(matchMetricPath(paths.metric.href({ experimentId: "1", runId: "abc", metricKey: key }))).toEqual({ runId: "abc", metricKey: key });
  });
});
