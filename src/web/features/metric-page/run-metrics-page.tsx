import { useDeferredValue, useMemo } from "react";
import { Link, useParams, useSearchParams } from "react-router";
import { EmptyState } from "../../components/empty-state.js";
import { ErrorBanner } from "../../components/error-banner.js";
import { LoadingState } from "../../components/loading-state.js";
import { paths } from "../../config/paths.js";
import { useDocumentTitle } from "../../utils/use-document-title.js";
import { chartRunIds } from "./chart-query.js";
import { ChartToolbar } from "./chart-toolbar.js";
import { MetricChartCard } from "./metric-chart-card.js";
import { ChartPageBreadcrumbs } from "./chart-page-breadcrumbs.js";
import { metricKeysOf, useChartRuns } from "./use-chart-runs.js";
import { useChartSettings } from "./use-chart-settings.js";

/**
 * Every metric of a run (and of the runs in `?runs=`) as a grid of charts that mount as they
 * scroll into view. The settings (axis, scale, smoothing, outliers, zoom) apply to every chart and
 * live in the URL; each title opens that metric's own page with the same settings.
 */
export function RunMetricsPage() {
  const { experimentId = "", runId = "" } = useParams();
  const [params] = useSearchParams();
  const runsParam = params.get("runs");
  const runIds = useMemo(() => chartRunIds(runId, runsParam), [runId, runsParam]);
  const experimentIds = useMemo(() => [experimentId], [experimentId]);
  const { runs, loaded, isPending, error } = useChartRuns(runIds, experimentIds);
  const [settings, updateSettings] = useChartSettings();
  // The toolbar shows a change at once; the charts redraw for it after, not before, that paint.
  const chartSettings = useDeferredValue(settings);
  const home = loaded.find((r) => r.info.run_id === runId);
  useDocumentTitle(`Metrics of ${home?.info.run_name || runId}`);
  const keys = useMemo(() => metricKeysOf(loaded), [loaded]);
  const search = params.toString();

  return (
    <div className="page page-scroll">
      <ChartPageBreadcrumbs experimentId={experimentId} runId={runId} runName={home?.info.run_name} />
      <h1>
        Metrics
        {runIds.length > 1 && <span className="muted"> · {runIds.length} runs</span>}
        {keys.length > 0 && <span className="muted"> · {keys.length} charts</span>}
      </h1>
      {(keys.length > 0 || isPending) && <ChartToolbar settings={settings} onChange={updateSettings} />}
      {error && <ErrorBanner error={error} title="Could not load a run" />}
      {isPending && keys.length === 0 && <LoadingState label="Loading runs…" />}
      {!isPending && keys.length === 0 && !error && <EmptyState title="No metrics">No metric has been logged to {runIds.length > 1 ? "these runs" : "this run"} yet.</EmptyState>}
      <div className="metric-grid" data-testid="metric-grid">
        {keys.map((key) => (
          <MetricChartCard
            key={key}
            runs={runs}
            metricKey={key}
            title={
              <Link to={paths.metric.href({ experimentId, runId, metricKey: key, search })} title={`Open the chart of ${key}`}>
                {key}
              </Link>
            }
            settings={chartSettings}
            onSettings={updateSettings}
            showLegend={runIds.length > 1}
            testId="metric-grid-card"
          />
        ))}
      </div>
    </div>
  );
}
