import { memo, useMemo, useState } from "react";
import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, Scatter, XAxis, YAxis } from "recharts";
import { formatMetric } from "../../utils/format.js";
import type { ChartSettings, ChartZoom } from "./chart-settings.js";
import { formatTick, X_AXIS_LABEL, xAxisTicks, xDomain, yAxisTicks, yDomain, type PlotSeries } from "./chart-series.js";
import { ChartInteraction } from "./chart-interaction.js";

interface Props {
  series: readonly PlotSeries[];
  settings: ChartSettings;
  height: number;
  highlighted: string | undefined;
  onHighlight: (runId: string | undefined) => void;
  onZoom?: ((range: ChartZoom) => void) | undefined;
}

const TICK = { fill: "var(--text-muted)", fontSize: 11 };

/**
 * The Recharts drawing: one line per run (its own data, so runs need not share x values), NaN and
 * ±Infinity as diamonds on the top/bottom edge, and the pointer layer. Lines are memoised on the
 * data and the highlighted run only, so hovering does not redraw them.
 */
export const ChartPlot = memo(function ChartPlot({ series, settings, height, highlighted, onHighlight, onZoom }: Props) {
  const [host, setHost] = useState<HTMLDivElement | null>(null);
  const xDom = xDomain(series, settings.zoom);
  const yRange = yDomain(series, settings);
  const yAxis = yRange ? yAxisTicks(yRange, settings.yScale) : undefined;
  const yDom = yAxis?.domain;
  const span = xDom ? xDom[1] - xDom[0] : 0;
  const lines = useMemo(
    () =>
      series.map((s) => {
        const dimmed = highlighted !== undefined && highlighted !== s.runId;
        return (
          <Line
            key={s.runId}
            data={s.points}
            dataKey="y"
            name={s.runName}
            type="linear"
            dot={false}
            activeDot={false}
            isAnimationActive={false}
            connectNulls
            stroke={s.color}
            strokeWidth={highlighted === s.runId ? 2.5 : 1.5}
            strokeOpacity={dimmed ? 0.2 : 1}
            className={`rmc-line${highlighted === s.runId ? " is-highlighted" : ""}`}
          />
        );
      }),
    [series, highlighted],
  );
  // Markers sit just inside the top/bottom edge, so the plot's clip does not cut them in half.
  const [yLo, yHi] = yDom ? edgesOf(yDom, settings.yScale) : [0, 0];
  const markers = useMemo(() => {
    return series
      .filter((s) => s.markers.length > 0)
      .map((s) => (
        <Scatter
          key={`m-${s.runId}`}
          data={s.markers.map((m) => ({ x: m.x, y: m.edge === "top" ? yHi : yLo, raw: m.raw }))}
          dataKey="y"
          fill={s.color}
          shape="diamond"
          legendType="none"
          isAnimationActive={false}
          className="rmc-marker"
        />
      ));
  }, [series, yLo, yHi]);

  return (
    <div className="rmc-plot" ref={setHost} style={{ height }}>
      <ResponsiveContainer width="100%" height={height}>
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
          {lines}
          {markers}
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
