import { CartesianGrid, ComposedChart, Line, ResponsiveContainer, Scatter, Tooltip, XAxis, YAxis } from "recharts";
import type { Metric } from "../../../core/index.js";
import { formatMetric, formatTime } from "../../utils/format.js";

interface Props {
  points: readonly Metric[];
  xAxis: "step" | "timestamp";
  logScale: boolean;
}

interface ChartPoint {
  x: number;
  y: number | null;
  raw: number;
  marker: number | null;
}

/**
 * One series as a line. NaN and ±Infinity (stored by MLflow as ±max double) are not dropped:
 * they are drawn as markers on the chart's top edge, so a divergence stays visible.
 */
export function MetricChart({ points, xAxis, logScale }: Props) {
  const finite = points.filter((p) => Number.isFinite(p.value) && Math.abs(p.value) < 1e308 && (!logScale || p.value > 0));
  const top = finite.length > 0 ? Math.max(...finite.map((p) => p.value)) : 1;
  const data: ChartPoint[] = points.map((p) => {
    const special = !Number.isFinite(p.value) || Math.abs(p.value) >= 1e308;
    return {
      x: xAxis === "step" ? p.step : p.timestamp,
      y: special || (logScale && p.value <= 0) ? null : p.value,
      raw: p.value,
      marker: special ? top : null,
    };
  });
  const formatX = (x: number): string => (xAxis === "step" ? String(x) : formatTime(x));
  return (
    <div className="metric-chart" data-testid="metric-chart">
      <ResponsiveContainer width="100%" height={360}>
        <ComposedChart data={data} margin={{ top: 12, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" stroke="var(--border, #ddd)" />
          <XAxis dataKey="x" type="number" domain={["dataMin", "dataMax"]} tickFormatter={formatX} name={xAxis === "step" ? "Step" : "Wall time"} />
          <YAxis scale={logScale ? "log" : "linear"} domain={["auto", "auto"]} allowDataOverflow tickFormatter={(v: number) => formatMetric(v)} width={72} />
          <Tooltip
            labelFormatter={(x) => `${xAxis === "step" ? "Step" : "Time"} ${formatX(Number(x))}`}
            formatter={(_value, _name, item) => [formatMetric((item.payload as ChartPoint).raw), "value"]}
          />
          <Line dataKey="y" type="linear" dot={false} isAnimationActive={false} connectNulls stroke="#2563eb" strokeWidth={1.5} />
          <Scatter data={data.filter((d) => d.marker !== null)} dataKey="marker" fill="#dc2626" shape="diamond" isAnimationActive={false} />
        </ComposedChart>
      </ResponsiveContainer>
    </div>
  );
}
