/**
 * The pages loaded on first visit, not with the runs table: the run page carries the markdown
 * renderer, the metric and compare pages the chart library. One loader each, shared by the router's
 * `lazy` and by `preloadRouteModules`, so a preloaded page is the very module the router then uses.
 */
export const routeModules = {
  runPage: () => import("../features/run-page/run-page.js"),
  metricPage: () => import("../features/metric-page/metric-page.js"),
  runMetricsPage: () => import("../features/metric-page/run-metrics-page.js"),
  comparePage: () => import("../features/compare-runs/compare-page.js"),
} as const;
