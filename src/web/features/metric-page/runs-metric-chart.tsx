import { useQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import type { SampledSeriesColumns } from "../../../core/charts/index.js";
import type { RunStatus } from "../../../core/index.js";
import { runsToRefresh } from "../../api/metrics/live-series.js";
import { sampledHistoryQueryOptions } from "../../api/metrics/metric-queries.js";
import { EmptyState } from "../../components/empty-state.js";
import { ErrorBanner } from "../../components/error-banner.js";
import { ChartLegend } from "./chart-legend.js";
import { ChartPlot } from "./chart-plot.js";
import { toPlotSeries, type PlotSeries } from "./chart-series.js";
import { chartHistoryQuery } from "./chart-query.js";
import type { ChartSettings, ChartZoom } from "./chart-settings.js";
import { formatCount } from "../../utils/format.js";
import { useRunColors } from "../../utils/use-run-colors.js";
import { SingleValueBars } from "./single-value-bars.js";
import { singleValueBars } from "./single-values.js";
import { runDisplayNames } from "../../utils/run-display-names.js";
import { LiveBadge } from "./live-badge.js";
import { useLiveRuns } from "./use-live-runs.js";
import "./metric-chart.css";

/** A run as the chart needs it. */
export interface ChartRun {
  readonly runId: string;
  /** Shown in the legend and the tooltip; where runs share a name, with what tells them apart (`runDisplayNames`). */
  readonly runName: string;
  /** The parent run's name, if known: tells apart same-named runs of two sweeps (else a short run id does). */
  readonly parentName?: string | undefined;
  /** Epoch ms; optional, for callers that have it (relative time counts from each series' first value, as MLflow's does). */
  readonly startTime?: number | undefined;
  /**
   * As the caller last saw it. While a run is RUNNING or SCHEDULED the chart polls its new points
   * and refreshes its status (into the run's cached details) until it ends; without a status the
   * run is taken for finished.
   */
  readonly status?: RunStatus | undefined;
}

export interface RunsMetricChartProps {
  /** The runs to overlay (any number; fetched 100 per request). Each run keeps its colour across views (`use-run-colors.ts`). */
  readonly runs: readonly ChartRun[];
  readonly metricKey: string;
  /** Axis, scale, smoothing, outliers and zoom: keep them in the URL (`chart-settings.ts`). */
  readonly settings: ChartSettings;
  /** Called with the dragged x-range, or undefined by "Reset zoom". Without it the chart does not zoom. */
  readonly onZoom?: ((range: ChartZoom | undefined) => void) | undefined;
  /** Plot height in px (default 320). */
  readonly height?: number | undefined;
  /** Points per run (default 1,000; the server allows up to 10,000). */
  readonly maxPoints?: number | undefined;
  /** Hide the legend (e.g. a single-run chart in a grid). */
  readonly hideLegend?: boolean | undefined;
  /**
   * Where the legend goes (default above the plot). Below it, a legend that wraps to more lines
   * does not push the plot down: the plots of a grid row stay level (`MetricChartCard`).
   */
  readonly legendPlacement?: "top" | "bottom" | undefined;
  /** Shown under "No values" when no run has logged the metric (e.g. the metrics they do have). */
  readonly emptyHint?: ReactNode;
}

const DEFAULT_HEIGHT = 320;
const DEFAULT_MAX_POINTS = 1000;
/** The performance mark set when the chart's lines are first drawn and painted, for `npm run bench:charts`. */
export const CHART_PAINTED_MARK = "tracklet:metric-chart-painted";

/**
 * One metric of several runs in one chart: a line per run in the run's colour, min/max-sampled by
 * the server (or MLflow's bulk-interval read), NaN/Inf as markers, a legend and tooltip, drag to
 * zoom (refetching the range at full resolution) and an "N of M points" badge. While a run is
 * RUNNING it polls that run's new points (`sampledHistoryQueryOptions`) behind a "Live" badge,
 * keeping the zoom, hidden runs, highlight and colours. Stable props: `runs`, `metricKey`,
 * `settings`, `onZoom`, `height`, `maxPoints`, `hideLegend`, `legendPlacement`, `emptyHint`.
 */
export function RunsMetricChart({ runs, metricKey, settings, onZoom, height = DEFAULT_HEIGHT, maxPoints = DEFAULT_MAX_POINTS, hideLegend = false, legendPlacement = "top", emptyHint }: RunsMetricChartProps) {
  const runIdsKey = runs.map((r) => r.runId).join(",");
  const runIds = useMemo(() => (runIdsKey ? runIdsKey.split(",") : []), [runIdsKey]);
  const live = useLiveRuns(runs);
  const history = useQuery({ ...sampledHistoryQueryOptions(chartHistoryQuery(runIds, metricKey, settings, maxPoints), live), enabled: runIds.length > 0 });
  const polling = runsToRefresh(runIds, live.liveNow, history.data?.live ?? []).length > 0;
  const [highlighted, setHighlighted] = useState<string | undefined>();
  // Curves hidden from the legend: a passing look at the runs behind them, so not kept in the URL.
  const [hidden, setHidden] = useState<ReadonlySet<string>>(() => new Set());
  const toggleHidden = useCallback((runId: string) => {
    setHidden((current) => {
      const next = new Set(current);
      if (!next.delete(runId)) next.add(runId);
      return next;
    });
    setHighlighted(undefined);
  }, []);
  // Each run's drawn series, by the answer's series object: a poll replaces only the live runs'
  // objects (`mergeSeries`), so the other runs keep theirs and are not rebuilt every 10 s.
  const colors = useRunColors(runIds);
  const built = useMemo(() => new WeakMap<SampledSeriesColumns, PlotSeries>(), [runIds, settings]);
  // Geometry from the data and settings only; names join after, sharing the points arrays, so the
  // lines are not rebuilt when the runs' names arrive after the history.
  const plotted = useMemo(() => {
    return (history.data?.series ?? []).flatMap((s) => {
      const color = colors.get(s.run_id);
      if (!color) return [];
      // A recoloured run keeps its geometry.
      const cached = built.get(s);
      const plot = cached ? (cached.color === color ? cached : { ...cached, color }) : toPlotSeries(s, { runName: s.run_id, color }, settings);
      built.set(s, plot);
      return [plot];
    });
  }, [history.data, settings, built, colors]);
  const series = useMemo(() => {
    const names = runDisplayNames(runs);
    return plotted.map((s) => ({ ...s, runName: names.get(s.runId) ?? s.runId }));
  }, [plotted, runs]);
  const visible = useMemo(() => (hidden.size === 0 ? series : series.filter((s) => !hidden.has(s.runId))), [series, hidden]);
  const bars = useMemo(() => singleValueBars(visible), [visible]);
  const shown = visible.reduce((n, s) => n + s.shown, 0);
  const total = visible.reduce((n, s) => n + s.total, 0);
  const offScale = visible.reduce((n, s) => n + s.offScale, 0);
  const root = useRef<HTMLDivElement>(null);
  usePaintedMark(root, visible.filter((s) => s.points.length > 0).length);

  const body = () => {
    if (runIds.length === 0) return <EmptyState title="No runs">Select runs to chart this metric.</EmptyState>;
    // A failed poll keeps the chart it has (the Live badge says so); only a chart with nothing to show shows the error.
    if (history.isError && !history.data) return <ErrorBanner error={history.error} title="Could not load the metric history" onRetry={() => void history.refetch()} />;
    if (history.isPending) return <div className="rmc-skeleton" style={{ height }} role="status" aria-label="Loading metric history" />;
    if (visible.length === 0 && series.length > 0) {
      return (
        <div style={{ minHeight: height }} className="rmc-empty">
          <EmptyState title="Every run is hidden">Click a run in the legend to show it again.</EmptyState>
        </div>
      );
    }
    if (shown === 0) {
      return (
        <div style={{ minHeight: height }} className="rmc-empty">
          <EmptyState title={settings.zoom ? "No values in this range" : "No values"}>
            {settings.zoom ? "Reset the zoom to see the whole series." : `No run has logged ${metricKey} yet.`}
            {!settings.zoom && emptyHint}
          </EmptyState>
        </div>
      );
    }
    if (bars && !settings.zoom) return <SingleValueBars bars={bars} height={height} highlighted={highlighted} onHighlight={setHighlighted} />;
    // The root is mounted (it held the skeleton): its width is the plot's.
    return <ChartPlot metricKey={metricKey} series={visible} settings={settings} height={height} highlighted={highlighted} onHighlight={setHighlighted} onZoom={onZoom} initialWidth={root.current?.clientWidth} />;
  };

  const legend = !hideLegend && <ChartLegend series={series} highlighted={highlighted} onHighlight={setHighlighted} hidden={hidden} onToggle={toggleHidden} zoomed={settings.zoom !== undefined} live={live.liveNow} />;
  return (
    <div className={`rmc${history.isPlaceholderData ? " is-stale" : ""}`} data-testid="runs-metric-chart" data-live={polling || undefined} ref={root}>
      <div className="rmc-header">
        {legendPlacement === "top" && legend}
        <span className="rmc-header-spacer" />
        {/* Only a new view (zoom, setting) says so: a poll's refetch happens quietly behind the Live badge. */}
        {history.isFetching && history.isPlaceholderData && <span className="faint rmc-fetching">Loading…</span>}
        {polling && history.data && <LiveBadge updatedAt={history.dataUpdatedAt} running={live.liveNow.size} failed={history.isError} />}
        {offScale > 0 && (
          <span className="badge badge-danger" data-testid="off-scale-badge" title="A log scale has no place for zero or negative values: the lines break where they were">
            {formatCount(offScale)} {offScale === 1 ? "value" : "values"} ≤ 0 not drawn
          </span>
        )}
        {history.data && (
          <span className="badge" data-testid="points-badge" title="Each bucket of the x-range keeps its minimum and maximum; NaN and infinite values are always shown">
            {formatCount(shown)} of {formatCount(total)} {total === 1 ? "point" : "points"}
          </span>
        )}
        {settings.zoom && onZoom && (
          <button type="button" className="btn btn-small" title="Or double-click the chart" onClick={() => onZoom(undefined)}>
            Reset zoom
          </button>
        )}
      </div>
      {body()}
      {legendPlacement === "bottom" && legend}
    </div>
  );
}

/**
 * Marks CHART_PAINTED_MARK once `lines` curves have been drawn (chart-lines.tsx sets `data-points` on
 * a run's line element when it has drawn it on the canvas) and a frame has been painted.
 */
function usePaintedMark(root: React.RefObject<HTMLDivElement | null>, lines: number): void {
  const marked = useRef(false);
  useEffect(() => {
    if (marked.current || lines === 0) return;
    let frame = 0;
    const check = (): void => {
      const drawn = root.current?.querySelectorAll('[data-testid="chart-line"][data-points]').length ?? 0;
      if (drawn >= lines) {
        marked.current = true;
        // The next frame starts once this one, with the lines, has been painted.
        frame = requestAnimationFrame(() => performance.mark(CHART_PAINTED_MARK, { detail: { lines } }));
        return;
      }
      frame = requestAnimationFrame(check);
    };
    check();
    return () => cancelAnimationFrame(frame);
  }, [root, lines]);
}
