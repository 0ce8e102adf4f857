import { matchMetricPath, matchRunsPath } from "./config/paths.js";
import { prefetchMetricChart } from "./features/metric-page/prefetch-metric-chart.js";
import { prefetchRunsView } from "./features/runs-table/prefetch-runs-view.js";
import { appQueryClient } from "./lib/app-query-client.js";

// A separate, small entry (index.html loads it before main.tsx): it runs as soon as its own few
// modules are compiled, not after React, the router and the whole UI, so the first runs/search of a
// runs link (the page's slowest request) overlaps the app's start-up instead of following it. The
// route loader asks for the same query and finds it on its way.
const runs = matchRunsPath(window.location.pathname);
if (runs) prefetchRunsView(appQueryClient, runs.experimentIds, new URLSearchParams(window.location.search));
// The same for a metric page's history, the largest request of the UI.
const metric = runs ? undefined : matchMetricPath(window.location.pathname);
if (metric) prefetchMetricChart(appQueryClient, metric.runId, metric.metricKey, new URLSearchParams(window.location.search));
