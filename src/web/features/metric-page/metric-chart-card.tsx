import type { ReactNode } from "react";
import type { ChartSettings } from "./chart-settings.js";
import { LazyMount } from "./lazy-mount.js";
import { RunsMetricChart, type ChartRun } from "./runs-metric-chart.js";

const CHART_HEIGHT = 200;
/** A one-line legend under the plot (its 6 px gap and 22 px line), so the placeholder is about as tall as the chart that replaces it. */
const LEGEND_LINE = 28;

interface Props {
  runs: readonly ChartRun[];
  metricKey: string;
  /** The card's heading: the key, or a link to the metric's own page. */
  title: ReactNode;
  settings: ChartSettings;
  onSettings: (change: (current: ChartSettings) => ChartSettings) => void;
  showLegend: boolean;
  testId: string;
}

/**
 * One metric of a grid of charts (a run's all-metrics page, the compare view): a titled card whose
 * chart mounts when it scrolls into view and whose drag-zoom applies to the whole grid's settings.
 * The badges sit on the title's line and the legend under the plot, at most three lines (then it
 * scrolls): above it, a legend that wrapped to more lines than its neighbours' (long run names, a
 * "no values" note) pushed its plot down, and the plots of a grid row no longer lined up.
 */
export function MetricChartCard({ runs, metricKey, title, settings, onSettings, showLegend, testId }: Props) {
  return (
    <section className="metric-grid-card" data-testid={testId} aria-label={metricKey}>
      <h2 className="mono" title={metricKey}>
        {title}
      </h2>
      <LazyMount height={CHART_HEIGHT + (showLegend ? LEGEND_LINE : 0)}>
        <RunsMetricChart
          runs={runs}
          metricKey={metricKey}
          settings={settings}
          height={CHART_HEIGHT}
          maxPoints={500}
          hideLegend={!showLegend}
          legendPlacement="bottom"
          onZoom={(zoom) => onSettings((s) => ({ ...s, zoom }))}
        />
      </LazyMount>
    </section>
  );
}
