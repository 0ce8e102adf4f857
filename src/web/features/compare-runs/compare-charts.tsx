import { useMemo } from "react";
import type { Run } from "../../../core/index.js";
import { EmptyState } from "../../components/empty-state.js";
import type { ChartSettings } from "../metric-page/chart-settings.js";
import { ChartToolbar } from "../metric-page/chart-toolbar.js";
import { MetricChartCard } from "../metric-page/metric-chart-card.js";
import type { ChartRun } from "../metric-page/runs-metric-chart.js";
/** Past this many runs a legend per chart is a wall of names; the table's headers carry the colours. */
const MAX_LEGEND_RUNS = 12;

interface Props {
  runs: readonly Run[];
  /** The metric rows the table shows (so "Only differences" and the key search apply here too). */
  metricKeys: readonly string[];
  settings: ChartSettings;
  onSettings: (change: (current: ChartSettings) => ChartSettings) => void;
}

/**
 * One overlay chart per metric for the compared runs, in the run colours of the table. Charts mount
 * as they scroll into view, so comparing runs with hundreds of metrics fetches only what is seen.
 */
export function CompareCharts({ runs, metricKeys, settings, onSettings }: Props) {
  const chartRuns = useMemo(
    (): ChartRun[] => runs.map((r) => ({ runId: r.info.run_id, runName: r.info.run_name || r.info.run_id, startTime: r.info.start_time, status: r.info.status })),
    [runs],
  );
  return (
    <>
      <ChartToolbar settings={settings} onChange={onSettings} />
      {metricKeys.length === 0 ? (
        <EmptyState title="No metrics to chart">The table shows no metric rows for these runs.</EmptyState>
      ) : (
        <div className="metric-grid" data-testid="compare-charts">
          {metricKeys.map((key) => (
            <MetricChartCard
              key={key}
              runs={chartRuns}
              metricKey={key}
              title={key}
              settings={settings}
              onSettings={onSettings}
              showLegend={runs.length <= MAX_LEGEND_RUNS}
              testId="compare-chart-card"
            />
          ))}
        </div>
      )}
    </>
  );
}
