import type { QueryClient } from "@tanstack/react-query";
import { createBrowserRouter, redirect, type ShouldRevalidateFunction } from "react-router";
import { experimentListQueryOptions } from "../api/experiments/experiment-queries.js";
import { runQueryOptions } from "../api/runs/run-queries.js";
import { paths } from "../config/paths.js";
import { ExperimentsPage } from "../features/experiments/experiments-page.js";
import { prefetchMetricChart } from "../features/metric-page/prefetch-metric-chart.js";
import { prefetchRunsView } from "../features/runs-table/prefetch-runs-view.js";
import { RunsPage } from "../features/runs-table/runs-page.js";
import { NotFoundPage } from "./not-found-page.js";
import { RootLayout } from "./root-layout.js";
import { RouteError } from "./route-error.js";
import { routeModules } from "./route-modules.js";

/**
 * The loaders only prefetch per path; a change of search params (filter, sort, selection) must not
 * re-run them, so such navigations complete synchronously and inputs bound to the URL never lag.
 */
const onPathChange: ShouldRevalidateFunction = ({ currentUrl, nextUrl }) => currentUrl.pathname !== nextUrl.pathname;

function NoFallback() {
  return null;
}

/**
 * Loaders start fetching with the very query options the pages read, without blocking navigation:
 * each page shows its own designed loading state instead of a frozen previous page.
 */
export function createAppRouter(queryClient: QueryClient) {
  return createBrowserRouter([
    {
      element: <RootLayout />,
      errorElement: <RouteError />,
      // Until the first route's loader and code are in, nothing: the same as React Router's default,
      // declared so that it does not warn about it on every load.
      HydrateFallback: NoFallback,
      children: [
        {
          // A page that fails (its code did not load, a render error) shows its error inside the
          // layout, so the header and its way back stay; the root's boundary is for the layout itself.
          errorElement: <RouteError />,
          children: [
            { path: paths.home.path, loader: () => redirect(paths.experiments.href()) },
            {
              path: paths.experiments.path,
              element: <ExperimentsPage />,
              shouldRevalidate: onPathChange,
              loader: () => {
                void queryClient.prefetchQuery(experimentListQueryOptions("ACTIVE_ONLY"));
                return null;
              },
            },
            {
              path: paths.runs.path,
              element: <RunsPage />,
              shouldRevalidate: onPathChange,
              loader: ({ params, request }) => {
                prefetchRunsView(queryClient, params.experimentIds, new URL(request.url).searchParams);
                return null;
              },
            },
            {
              path: paths.run.path,
              // The run page carries the markdown renderer: loaded on first visit, not with the table.
              lazy: async () => ({ Component: (await routeModules.runPage()).RunPage }),
              shouldRevalidate: onPathChange,
              loader: ({ params }) => {
                if (params.runId) void queryClient.prefetchQuery(runQueryOptions(params.runId));
                return null;
              },
            },
            { path: paths.runMetrics.path, lazy: async () => ({ Component: (await routeModules.runMetricsPage()).RunMetricsPage }) },
            {
              path: paths.metric.path,
              lazy: async () => ({ Component: (await routeModules.metricPage()).MetricPage }),
              shouldRevalidate: onPathChange,
              // The chart's history is fetched while the page's code loads, not after it renders.
              loader: ({ params, request }) => {
                prefetchMetricChart(queryClient, params.runId ?? "", params["*"] ?? "", new URL(request.url).searchParams);
                return null;
              },
            },
            // A metric chart of a run whose experiment the link did not say: the run says, then its chart.
            {
              path: paths.metricOfRun.path,
              loader: async ({ params, request }) => {
                const run = await queryClient.fetchQuery(runQueryOptions(params.runId ?? ""));
                const search = new URL(request.url).search.slice(1);
                return redirect(paths.metric.href({ experimentId: run.info.experiment_id, runId: run.info.run_id, metricKey: params["*"] ?? "", search }));
              },
            },
            // MLflow's URL of an experiment is its runs table.
            {
              path: "/experiments/:experimentIds",
              loader: ({ params, request }) => redirect(paths.runs.href({ experimentIds: (params.experimentIds ?? "").split(","), search: new URL(request.url).search.slice(1) })),
            },
            { path: paths.compareRuns.path, lazy: async () => ({ Component: (await routeModules.comparePage()).ComparePage }) },
            { path: "*", element: <NotFoundPage /> },
          ],
        },
      ],
    },
  ]);
}
