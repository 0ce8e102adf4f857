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
    parts.push(`${parts.length === 0 ? "M" : "L"}${Math.round(px * 10) / 10},${Math.round(py * 10) / 10}`);
  }
  const [only] = parts;
  if (parts.length === 1 && only !== undefined) return `${only}L${only.slice(1)}`;
  return parts.join("");
}

/**
 * `scale` as `a + b·v` when it is affine over [v0, v1] (Recharts' linear scales), checked at a third
 * point: one multiply-add per point instead of a call through d3's interpolators. Else `scale` itself.
 */
function affine(scale: Scale, v0: number, v1: number): Scale {
  const s0 = scale(v0);
  const s1 = scale(v1);
  const mid = scale((v0 + v1) / 2);
  if (!(v1 > v0) || s0 === undefined || s1 === undefined || mid === undefined) return scale;
  const b = (s1 - s0) / (v1 - v0);
  const a = s0 - b * v0;
  if (!Number.isFinite(a) || !Number.isFinite(b) || Math.abs(a + b * ((v0 + v1) / 2) - mid) > 1e-6) return scale;
  return (v) => a + b * v;
}

/** The range of x and of drawable y over every line, to probe the scales with. */
function rangesOf(series: readonly PlotSeries[]): { x: [number, number]; y: [number, number] } {
  const x: [number, number] = [Infinity, -Infinity];
  const y: [number, number] = [Infinity, -Infinity];
  for (const s of series) {
    for (const p of s.points) {
      if (p.x < x[0]) x[0] = p.x;
      if (p.x > x[1]) x[1] = p.x;
      if (p.y === null) continue;
      if (p.y < y[0]) y[0] = p.y;
      if (p.y > y[1]) y[1] = p.y;
    }
  }
  return { x, y };
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
  const ranges = rangesOf(series);
  const x = affine((v) => xScale(v), ...ranges.x);
  const y: Scale = scaleType === "log" ? (v) => (v <= 0 ? undefined : yScale(v)) : affine((v) => yScale(v), ...ranges.y);
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
