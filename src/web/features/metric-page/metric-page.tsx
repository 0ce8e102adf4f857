import { useDeferredValue, useMemo } from "react";
import { Link, useNavigate, useParams, useSearchParams } from "react-router";
import { ErrorBanner } from "../../components/error-banner.js";
import { paths } from "../../config/paths.js";
import { useDocumentTitle } from "../../utils/use-document-title.js";
import { formatMetric } from "../../utils/format.js";
import { chartRunIds, METRIC_PAGE_MAX_POINTS } from "./chart-query.js";
import { ChartToolbar } from "./chart-toolbar.js";
import { RunsMetricChart } from "./runs-metric-chart.js";
import { ChartPageBreadcrumbs } from "./chart-page-breadcrumbs.js";
import { MetricSwitcher } from "./metric-switcher.js";
import { metricKeysOf, useChartRuns } from "./use-chart-runs.js";
import { useChartSettings } from "./use-chart-settings.js";

/** At most this many of the runs' other metric keys are offered when the page's key is not one of theirs. */
const MAX_OTHER_KEYS = 12;

/**
 * One metric of one run, or of several: `?runs=<id>,<id>` adds runs to the one in the path (the
 * runs table's "Chart" action links here). Chart settings live in the URL (`chart-settings.ts`).
 */
export function MetricPage() {
  const { experimentId = "", runId = "", "*": metricKey = "" } = useParams();
  const [params] = useSearchParams();
  const runsParam = params.get("runs");
  const runIds = useMemo(() => chartRunIds(runId, runsParam), [runId, runsParam]);
  const experimentIds = useMemo(() => [experimentId], [experimentId]);
  const { runs, loaded, error } = useChartRuns(runIds, experimentIds);
  const [settings, updateSettings] = useChartSettings();
  // The toolbar shows a change at once; the charts redraw for it after, not before, that paint.
  const chartSettings = useDeferredValue(settings);
  useDocumentTitle(metricKey);
  const home = loaded.find((r) => r.info.run_id === runId);
  const latest = runIds.length === 1 ? home?.data.metrics.find((m) => m.key === metricKey) : undefined;
  // Offered by the metric switcher, and under an empty chart.
  const allKeys = useMemo(() => metricKeysOf(loaded), [loaded]);
  // A key none of the runs has (a typo, an old link): say which keys they do have.
  const otherKeys = allKeys.includes(metricKey) ? [] : allKeys;
  const search = params.toString();
  const navigate = useNavigate();
  const openMetric = (key: string): void => {
    // The zoom is a range of this metric's x: another metric may have no values there (eval every 1,000 steps).
    const next = new URLSearchParams(params);
    next.delete("zoom");
    void navigate(paths.metric.href({ experimentId, runId, metricKey: key, search: next.toString() }));
  };

  return (
    <div className="page page-scroll">
      <ChartPageBreadcrumbs
        experimentId={experimentId}
        runId={runId}
        runName={home?.info.run_name}
        trail={[
          <Link key="metrics" to={paths.runMetrics.href({ experimentId, runId, runIds: runIds.length > 1 ? runIds : [] })}>
            Metrics
          </Link>,
        ]}
      />
      <h1 data-testid="metric-title">
        {metricKey}
        {runIds.length > 1 && <span className="muted"> · {runIds.length} runs</span>}
      </h1>
      <ChartToolbar settings={settings} onChange={updateSettings}>
        {allKeys.length > 1 && <MetricSwitcher keys={allKeys} current={metricKey} onSelect={openMetric} />}
        {latest && (
          <span className="muted">
            Latest {formatMetric(latest.value)} at step {latest.step}
          </span>
        )}
      </ChartToolbar>
      {error && <ErrorBanner error={error} title="Could not load a run" />}
      {/* Every run failed (not found): the banner says it all; an empty chart would only contradict it. */}
      {!(error && runs.length === 0) && (
        <RunsMetricChart
          runs={runs}
          metricKey={metricKey}
          settings={chartSettings}
          height={420}
          maxPoints={METRIC_PAGE_MAX_POINTS}
          onZoom={(zoom) => updateSettings((s) => ({ ...s, zoom }))}
          emptyHint={
            otherKeys.length > 0 && (
              <p className="metric-other-keys">
                {runIds.length > 1 ? "These runs have" : "This run has"}{" "}
                {otherKeys.slice(0, MAX_OTHER_KEYS).map((key, i) => (
                  <span key={key}>
                    {i > 0 && ", "}
                    <Link to={paths.metric.href({ experimentId, runId, metricKey: key, search })}>{key}</Link>
                  </span>
                ))}
                {otherKeys.length > MAX_OTHER_KEYS && ` and ${otherKeys.length - MAX_OTHER_KEYS} more`}.
              </p>
            )
          }
        />
      )}
    </div>
  );
}
