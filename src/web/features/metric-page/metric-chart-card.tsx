import type { ReactNode } from "react";
import type { ChartSettings } from "./chart-settings.js";
import { LazyMount } from "./lazy-mount.js";
import { RunsMetricChart, type ChartRun } from "./runs-metric-chart.js";

const CHART_HEIGHT = 200;
/** Header and legend above each plot, so the placeholder is as tall as the chart that replaces it. */
const CARD_CHROME = 30;

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
 */
export function MetricChartCard({ runs, metricKey, title, settings, onSettings, showLegend, testId }: Props) {
  return (
    <section className={`metric-grid-card${showLegend ? " has-legend" : ""}`} data-testid={testId} aria-label={metricKey}>
      <h2 className="mono" title={metricKey}>
        {title}
      </h2>
      <LazyMount height={CHART_HEIGHT + CARD_CHROME}>
        <RunsMetricChart
          runs={runs}
          metricKey={metricKey}
          settings={settings}
          height={CHART_HEIGHT}
          maxPoints={500}
          hideLegend={!showLegend}
          onZoom={(zoom) => onSettings((s) => ({ ...s, zoom }))}
        />
      </LazyMount>
    </section>
  );
}
