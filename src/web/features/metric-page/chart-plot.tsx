import { memo, useEffect, useMemo, useRef, useState } from "react";
import { CartesianGrid, ComposedChart, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { formatMetric } from "../../utils/format.js";
import type { ChartSettings, ChartZoom } from "./chart-settings.js";
import { formatTick, X_AXIS_LABEL, xAxisTicks, xDomain, xTickBudget, yAxisTicks, yDomain, type PlotSeries } from "./chart-series.js";
import { ChartInteraction } from "./chart-interaction.js";
import { ChartLines } from "./chart-lines.js";
import { UNDRAWABLE_Y_RANGE, undrawableNote } from "./undrawable-note.js";

interface Props {
  /** Names the chart for assistive technology; its axis labels alone made a name of tick numbers. */
  metricKey: string;
  series: readonly PlotSeries[];
  settings: ChartSettings;
  height: number;
  highlighted: string | undefined;
  onHighlight: (runId: string | undefined) => void;
  onZoom?: ((range: ChartZoom | undefined) => void) | undefined;
  /** The plot's width when known before it mounts (its container's), so the first render draws the chart. */
  initialWidth?: number | undefined;
}

/** What Recharts hands a tick renderer (the parts this one reads). */
interface TickProps {
  x?: number | string;
  y?: number | string;
  textAnchor?: "start" | "middle" | "end" | "inherit";
  verticalAnchor?: "start" | "middle" | "end";
  className?: string;
  index?: number;
  payload?: { value?: unknown };
  tickFormatter?: (value: never, index: number) => string;
}

const PLOT_MARGIN = { top: 10, right: 18, bottom: 0, left: 0 };
const Y_AXIS_WIDTH = 60;

/** The element's width in whole pixels, following resizes; `initial` until it is measured. */
function useWidth(element: HTMLElement | null, initial: number | undefined): number {
  const [width, setWidth] = useState(initial ?? 0);
  useEffect(() => {
    if (!element) return;
    const observer = new ResizeObserver(([entry]) => setWidth(Math.round(entry?.contentRect.width ?? 0)));
    observer.observe(element);
    return () => observer.disconnect();
  }, [element]);
  return width;
}

/** The baseline shift that puts a line of text's top, middle or bottom at y (Recharts' <Text> uses the same). */
const ANCHOR_DY = { start: "0.71em", middle: "0.355em", end: "0" } as const;

/**
 * An axis label as one plain <text>: Recharts' own <Text> splits and measures every label's words
 * in the DOM to wrap them, which one-word tick labels never need; it was the largest part of the
 * chart's first render after the lines.
 */
function AxisTick({ x, y, textAnchor, verticalAnchor = "end", className, index = 0, payload, tickFormatter }: TickProps) {
  const value = payload?.value;
  return (
    // Hidden from assistive technology: Chrome keeps an svg image's text in its tree, and the chart's name says what it shows.
    <text x={x} y={y} dy={ANCHOR_DY[verticalAnchor]} textAnchor={textAnchor} className={className} fill="var(--text-muted)" fontSize={11} aria-hidden="true">
      {tickFormatter ? tickFormatter(value as never, index) : String(value)}
    </text>
  );
}

/**
 * The Recharts chart: grid and axes from Recharts, one line per run on a canvas and NaN/±Infinity
 * markers (NaN a diamond, ±∞ a triangle) on the top/bottom edge (`chart-lines.tsx`, redrawn only
 * when the data, the scales or the highlighted run change, so moving the pointer does not redraw
 * them), and the pointer layer.
 */
export const ChartPlot = memo(function ChartPlot({ metricKey, series, settings, height, highlighted, onHighlight, onZoom, initialWidth }: Props) {
  const [host, setHost] = useState<HTMLDivElement | null>(null);
  const geometry = useGeometry(series);
  const xDom = useMemo(() => xDomain(geometry, settings.zoom), [geometry, settings.zoom]);
  // Markers without a line (every value NaN, say) still get an axis to sit on, and a note saying why.
  const { yAxis, note } = useMemo(() => {
    const range = yDomain(geometry, settings);
    const missing = range ? undefined : undrawableNote(geometry, settings.yScale);
    const shownRange = range ?? (missing ? UNDRAWABLE_Y_RANGE[settings.yScale] : undefined);
    return { yAxis: shownRange ? yAxisTicks(shownRange, settings.yScale) : undefined, note: missing };
  }, [geometry, settings]);
  const yDom = yAxis?.domain;
  const span = xDom ? xDom[1] - xDom[0] : 0;
  // The longest label the domain's ends can have (written out, never shortened to "k").
  const labelChars = useMemo(() => (xDom ? Math.max(...xDom.map((x) => formatTick(Math.round(x), settings.xAxis, xDom[1] - xDom[0]).length)) : 0), [xDom, settings.xAxis]);
  const tickBudget = xTickBudget(useWidth(host, initialWidth) - Y_AXIS_WIDTH - PLOT_MARGIN.right, labelChars);
  const xTicks = useMemo(() => (xDom ? xAxisTicks(xDom, settings.xAxis, tickBudget) : undefined), [xDom, settings.xAxis, tickBudget]);
  const tickSpacing = xTicks && xTicks.length > 1 ? (xTicks[1] as number) - (xTicks[0] as number) : 0;
  // Markers sit just inside the top/bottom edge, so the plot's clip does not cut them in half.
  const [yLo, yHi] = yDom ?? [0, 0];
  const edges = useMemo(() => edgesOf([yLo, yHi], settings.yScale), [yLo, yHi, settings.yScale]);

  return (
    <div className="rmc-plot" ref={setHost} style={{ height }}>
      {/* Without a known width, ResponsiveContainer renders an empty chart first and the real one only after its effect has measured it. */}
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: initialWidth ?? -1, height }}>
        {/* No keyboard layer: the chart is read with the pointer, and its focus ring would flash on every drag. */}
        {/* One image with a summary name: as role="img" its tick and axis texts are hidden from the accessible tree. */}
        <ComposedChart margin={PLOT_MARGIN} accessibilityLayer={false} role="img" aria-label={chartLabel(metricKey, series.length, settings.xAxis)}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" />
          <XAxis
            dataKey="x"
            type="number"
            domain={xDom ?? ["dataMin", "dataMax"]}
            {...(xTicks ? { ticks: xTicks } : {})}
            // The ticks are ours (round values): Recharts need not compute its own.
            niceTicks="none"
            // As many as fit (xTickBudget), so every one is shown.
            interval={0}
            allowDataOverflow
            tickFormatter={(x: number) => formatTick(x, settings.xAxis, span, tickSpacing)}
            tick={AxisTick}
            stroke="var(--border-strong)"
            height={38}
            label={{ value: X_AXIS_LABEL[settings.xAxis], position: "insideBottomRight", offset: 0, fill: "var(--text-faint)", fontSize: 11, "aria-hidden": true }}
          />
          <YAxis
            type="number"
            scale={settings.yScale === "log" ? "log" : "linear"}
            domain={yDom ?? ["auto", "auto"]}
            {...(yAxis ? { ticks: yAxis.ticks } : {})}
            niceTicks="none"
            interval={0}
            allowDataOverflow
            tickFormatter={(v: number) => formatMetric(v)}
            tick={AxisTick}
            stroke="var(--border-strong)"
            width={Y_AXIS_WIDTH}
          />
          <ChartLines series={geometry} highlighted={highlighted} yScale={settings.yScale} edges={edges} xDomain={xDom} yDomain={yDom} />
          <ChartInteraction
            series={series}
            xAxis={settings.xAxis}
            smoothing={settings.smoothing > 0}
            highlighted={highlighted}
            onHighlight={onHighlight}
            onZoom={onZoom}
            tooltipHost={host}
          />
        </ComposedChart>
      </ResponsiveContainer>
      {note && (
        <div className="rmc-note" data-testid="chart-note" role="note">
          {note}
        </div>
      )}
    </div>
  );
});

/** "Line chart of loss for 5 runs, by step": what the chart shows, for a screen reader. */
function chartLabel(metricKey: string, runs: number, xAxis: ChartSettings["xAxis"]): string {
  return `Line chart of ${metricKey} for ${runs} ${runs === 1 ? "run" : "runs"}, by ${X_AXIS_LABEL[xAxis].toLowerCase()}`;
}

/** The y of markers on the bottom and top edges: 3 % inside the domain (in log space on a log scale). */
function edgesOf([lo, hi]: [number, number], scale: ChartSettings["yScale"]): [number, number] {
  if (scale === "log") {
    const a = Math.log(lo);
    const b = Math.log(hi);
    return [Math.exp(a + (b - a) * 0.03), Math.exp(b - (b - a) * 0.03)];
  }
  return [lo + (hi - lo) * 0.03, hi - (hi - lo) * 0.03];
}

/** `series`, or the previous array while every run keeps its points, colour and markers (a rename is not a redraw). */
function useGeometry(series: readonly PlotSeries[]): readonly PlotSeries[] {
  const kept = useRef(series);
  const previous = kept.current;
  const same = previous.length === series.length && previous.every((p, i) => p.points === series[i]?.points && p.markers === series[i]?.markers && p.color === series[i]?.color);
  if (!same) kept.current = series;
  return kept.current;
}
