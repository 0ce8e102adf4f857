/**
 * Every route of the UI in one table: `path` for the router, `href(...)` for links. Builders take
 * objects so call sites stay readable, and encode every user-controlled segment.
 */
const enc = encodeURIComponent;

export const paths = {
  home: { path: "/" },
  experiments: { path: "/experiments", href: (): string => "/experiments" },
  runs: {
    path: "/experiments/:experimentIds/runs",
    /** Several experiments share one table: ids joined by commas, e.g. `/experiments/1,4/runs`. */
    href: ({ experimentIds, search = "" }: { experimentIds: readonly string[]; search?: string }): string =>
      `/experiments/${experimentIds.map(enc).join(",")}/runs${search ? `?${search}` : ""}`,
  },
  run: {
    path: "/experiments/:experimentId/runs/:runId",
    href: ({ experimentId, runId }: { experimentId: string; runId: string }): string => `/experiments/${enc(experimentId)}/runs/${enc(runId)}`,
  },
  metric: {
    // A splat, because metric keys may contain slashes (`train/loss`).
    path: "/experiments/:experimentId/runs/:runId/metrics/*",
    /** `runIds` overlays more runs (`?runs=`); `search` carries chart settings along. */
    href: ({ experimentId, runId, metricKey, search = "" }: { experimentId: string; runId: string; metricKey: string; search?: string }): string =>
      `/experiments/${enc(experimentId)}/runs/${enc(runId)}/metrics/${enc(metricKey)}${search ? `?${search}` : ""}`,
  },
  /** A run's metric chart where the run's experiment is not known (an MLflow metric link without it): redirects to `metric`. */
  metricOfRun: {
    path: "/runs/:runId/metrics/*",
    href: ({ runId, metricKey, search = "" }: { runId: string; metricKey: string; search?: string }): string =>
      `/runs/${enc(runId)}/metrics/${enc(metricKey)}${search ? `?${search}` : ""}`,
  },
  runMetrics: {
    /** Every metric of a run as a grid of charts; `?runs=` overlays more runs on each. */
    path: "/experiments/:experimentId/runs/:runId/metrics",
    href: ({ experimentId, runId, runIds = [] }: { experimentId: string; runId: string; runIds?: readonly string[] }): string =>
      `/experiments/${enc(experimentId)}/runs/${enc(runId)}/metrics${runIds.length > 0 ? `?${new URLSearchParams({ runs: runIds.join(",") }).toString()}` : ""}`,
  },
  compareRuns: {
    path: "/compare-runs",
    href: ({ runIds, experimentIds }: { runIds: readonly string[]; experimentIds: readonly string[] }): string =>
      `/compare-runs?${new URLSearchParams({ runs: runIds.join(","), experiments: experimentIds.join(",") }).toString()}`,
  },
} as const;

/**
 * A path decoded as the router decodes it before matching: each segment URI-decoded (left raw if it
 * does not decode) with the slashes it held kept as `%2F`, so they stay inside their parameter.
 */
function decodeLikeRouter(pathname: string): string {
  try {
    return pathname
      .split("/")
      .map((segment) => decodeURIComponent(segment).replace(/\//g, "%2F"))
      .join("/");
  } catch {
    // A malformed escape: the router matches the raw path then, and so does this.
    return pathname;
  }
}

const routerParam = (value: string): string => value.replace(/%2F/g, "/");

/**
 * The experiment-ids parameter of a runs-table URL, or undefined for any other path, matched as the
 * router matches `paths.runs.path`: on the decoded path, case-insensitive, with an optional
 * trailing slash. For code that runs before the router exists (boot.ts).
 */
export function matchRunsPath(pathname: string): { experimentIds: string } | undefined {
  const experimentIds = /^\/experiments\/([^/]+)\/runs\/?$/i.exec(decodeLikeRouter(pathname))?.[1];
  return experimentIds ? { experimentIds: routerParam(experimentIds) } : undefined;
}

/**
 * The run and metric key of a metric-page URL (`paths.metric.path`), as the router's `runId` and
 * splat parameters would hold them, or undefined for any other path. For boot.ts, like matchRunsPath.
 */
export function matchMetricPath(pathname: string): { runId: string; metricKey: string } | undefined {
  const match = /^\/experiments\/[^/]+\/runs\/([^/]+)\/metrics\/(.+)$/i.exec(decodeLikeRouter(pathname));
  const [, runId, metricKey] = match ?? [];
  return runId && metricKey ? { runId: routerParam(runId), metricKey: routerParam(metricKey) } : undefined;
}

/** `"1,4"` from the route param back to ids. */
export function parseIdList(text: string | null | undefined): string[] {
  return (text ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
}
