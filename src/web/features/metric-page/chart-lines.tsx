import { memo, useId } from "react";
import { usePlotArea, useXAxisScale, useYAxisScale } from "recharts";
import type { ChartYScale } from "./chart-settings.js";
import type { PlotSeries } from "./chart-series.js";

interface Props {
  series: readonly PlotSeries[];
  highlighted: string | undefined;
  yScale: ChartYScale;
  /** The y of markers on the bottom and top edges. */
  edges: [number, number];
}

type Scale = (value: number) => number | undefined;

/**
 * "M x,y L x,y …" through the drawable points (gaps at NaN/Inf and at ≤ 0 on a log scale are bridged).
 * A lone point (a metric logged once, e.g. a final accuracy) would be an invisible zero-length
 * path, so it becomes a zero-length segment that the round line caps draw as a dot.
 */
function pathOf(s: PlotSeries, x: Scale, y: Scale): string {
  const parts: string[] = [];
  for (const p of s.points) {
    if (p.y === null) continue;
    const px = x(p.x);
    const py = y(p.y);
    if (px === undefined || py === undefined || !Number.isFinite(px) || !Number.isFinite(py)) continue;
    parts.push(`${parts.length === 0 ? "M" : "L"}${px.toFixed(1)},${py.toFixed(1)}`);
  }
  const [only] = parts;
  if (parts.length === 1 && only !== undefined) return `${only}L${only.slice(1)}`;
  return parts.join("");
}

/**
 * The runs' lines and NaN/Inf markers, drawn as plain SVG paths on the chart's Recharts scales.
 * Recharts' own <Line> processes each series through its store, which took seconds for 100 runs ×
 * 1,000 points; one path string per run takes milliseconds. The highlighted run is drawn last, on top.
 */
export const ChartLines = memo(function ChartLines({ series, highlighted, yScale: scaleType, edges }: Props) {
  // useId() may hold characters that url(#…) does not take.
  const clipId = `rmc-clip-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const plot = usePlotArea();
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  if (!plot || !xScale || !yScale) return null;
  const x: Scale = (v) => xScale(v);
  const y: Scale = (v) => (scaleType === "log" && v <= 0 ? undefined : yScale(v));
  const ordered = highlighted ? [...series.filter((s) => s.runId !== highlighted), ...series.filter((s) => s.runId === highlighted)] : series;
  return (
    <g className="rmc-lines">
      <defs>
        <clipPath id={clipId}>
          <rect x={plot.x} y={plot.y - 2} width={plot.width} height={plot.height + 4} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${clipId})`}>
        {ordered.map((s) => {
          const state = highlighted === undefined ? "" : highlighted === s.runId ? " is-highlighted" : " is-dimmed";
          const lone = s.points.filter((p) => p.y !== null).length === 1;
          return (
            <path
              key={s.runId}
              className={`rmc-line${state}`}
              data-testid="chart-line"
              data-run-id={s.runId}
              d={pathOf(s, x, y)}
              fill="none"
              stroke={s.color}
              strokeWidth={lone ? 7 : highlighted === s.runId ? 2.5 : 1.5}
              strokeLinecap={lone ? "round" : undefined}
              strokeOpacity={state === " is-dimmed" ? 0.2 : 1}
              strokeLinejoin="round"
            />
          );
        })}
        {ordered.flatMap((s) =>
          s.markers.map((m, i) => {
            const cx = x(m.x);
            const cy = y(m.edge === "top" ? edges[1] : edges[0]);
            if (cx === undefined || cy === undefined) return null;
            return <path key={`${s.runId}-${i}`} className="rmc-marker" data-testid="chart-marker" d={`M${cx},${cy - 5}L${cx + 4},${cy}L${cx},${cy + 5}L${cx - 4},${cy}Z`} fill={s.color} />;
          }),
        )}
      </g>
    </g>
  );
});
