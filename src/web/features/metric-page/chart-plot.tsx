import { memo, useMemo, useRef, useState } from "react";
import { CartesianGrid, ComposedChart, ResponsiveContainer, XAxis, YAxis } from "recharts";
import { formatMetric } from "../../utils/format.js";
import type { ChartSettings, ChartZoom } from "./chart-settings.js";
import { formatTick, X_AXIS_LABEL, xAxisTicks, xDomain, yAxisTicks, yDomain, type PlotSeries } from "./chart-series.js";
import { ChartInteraction } from "./chart-interaction.js";
import { ChartLines } from "./chart-lines.js";

interface Props {
  series: readonly PlotSeries[];
  settings: ChartSettings;
  height: number;
  highlighted: string | undefined;
  onHighlight: (runId: string | undefined) => void;
  onZoom?: ((range: ChartZoom) => void) | undefined;
  /** The plot's width when known before it mounts (its container's), so the first render draws the chart. */
  initialWidth?: number | undefined;
}

const TICK = { fill: "var(--text-muted)", fontSize: 11 };

/**
 * The Recharts chart: grid and axes from Recharts, one line per run on a canvas and NaN/±Infinity
 * diamonds on the top/bottom edge (`chart-lines.tsx`, redrawn only when the data, the scales or the
 * highlighted run change, so moving the pointer does not redraw them), and the pointer layer.
 */
export const ChartPlot = memo(function ChartPlot({ series, settings, height, highlighted, onHighlight, onZoom, initialWidth }: Props) {
  const [host, setHost] = useState<HTMLDivElement | null>(null);
  const geometry = useGeometry(series);
  const xDom = useMemo(() => xDomain(geometry, settings.zoom), [geometry, settings.zoom]);
  const yAxis = useMemo(() => {
    const range = yDomain(geometry, settings);
    return range ? yAxisTicks(range, settings.yScale) : undefined;
  }, [geometry, settings]);
  const yDom = yAxis?.domain;
  const span = xDom ? xDom[1] - xDom[0] : 0;
  // Markers sit just inside the top/bottom edge, so the plot's clip does not cut them in half.
  const [yLo, yHi] = yDom ?? [0, 0];
  const edges = useMemo(() => edgesOf([yLo, yHi], settings.yScale), [yLo, yHi, settings.yScale]);

  return (
    <div className="rmc-plot" ref={setHost} style={{ height }}>
      {/* Without a known width, ResponsiveContainer renders an empty chart first and the real one only after its effect has measured it. */}
      <ResponsiveContainer width="100%" height={height} initialDimension={{ width: initialWidth ?? -1, height }}>
        {/* No keyboard layer: the chart is read with the pointer, and its focus ring would flash on every drag. */}
        <ComposedChart margin={{ top: 10, right: 18, bottom: 0, left: 0 }} accessibilityLayer={false}>
          <CartesianGrid stroke="var(--border)" strokeDasharray="2 4" />
          <XAxis
            dataKey="x"
            type="number"
            domain={xDom ?? ["dataMin", "dataMax"]}
            {...(xDom ? { ticks: xAxisTicks(xDom, settings.xAxis) } : {})}
            interval="preserveStartEnd"
            allowDataOverflow
            tickFormatter={(x: number) => formatTick(x, settings.xAxis, span)}
            tick={TICK}
            stroke="var(--border-strong)"
            minTickGap={24}
            height={38}
            label={{ value: X_AXIS_LABEL[settings.xAxis], position: "insideBottomRight", offset: 0, fill: "var(--text-faint)", fontSize: 11 }}
          />
          <YAxis
            type="number"
            scale={settings.yScale === "log" ? "log" : "linear"}
            domain={yDom ?? ["auto", "auto"]}
            {...(yAxis ? { ticks: yAxis.ticks } : {})}
            interval={0}
            allowDataOverflow
            tickFormatter={(v: number) => formatMetric(v)}
            tick={TICK}
            stroke="var(--border-strong)"
            width={60}
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
    </div>
  );
});

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
