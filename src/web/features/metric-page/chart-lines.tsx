import { memo, useId, useLayoutEffect, useMemo, useRef } from "react";
import { usePlotArea, useXAxisScale, useYAxisScale } from "recharts";
import type { ChartYScale } from "./chart-settings.js";
import type { PlotSeries } from "./chart-series.js";
import { strokeRun, type Drawn, type Scale } from "./stroke-run.js";

interface Props {
  series: readonly PlotSeries[];
  highlighted: string | undefined;
  yScale: ChartYScale;
  /** The y of markers on the bottom and top edges. */
  edges: [number, number];
  /** The axes' domains, to probe the scales with (see `affine`). */
  xDomain: [number, number] | undefined;
  yDomain: [number, number] | undefined;
}


/** The canvas reaches this far (px) above and below the plot area, so a line along an edge is not cut in half. */
const EDGE_PAD = 2;
/**
 * One pixel: Skia strokes a line exactly one device pixel wide on its fast thin-line path, and any
 * wider line (1.01 px included) through its general stroker, ~20× the work: ~10 ms against
 * ~220-330 ms of raster for 100 runs × 1,250 points on this 2-core machine's software canvas.
 * Only the highlighted run, one line, is drawn wider.
 */
const LINE_WIDTH = 1;
const HIGHLIGHTED_WIDTH = 2.5;
const DIMMED_ALPHA = 0.2;
/** With smoothing, the logged values are drawn this faint behind the smoothed line, as TensorBoard, W&B and MLflow do. */
const RAW_ALPHA = 0.3;

/**
 * A marker's shape: NaN a diamond, +∞ a triangle pointing up, −∞ one pointing down, so a NaN and an
 * infinity on the top edge are not taken for one another (the tooltip gives the value too).
 */
function markerPath(kind: "nan" | "inf" | "-inf", x: number, y: number): string {
  if (kind === "nan") return `M${x},${y - 5}L${x + 4},${y}L${x},${y + 5}L${x - 4},${y}Z`;
  const tip = kind === "inf" ? -5 : 5;
  return `M${x},${y + tip}L${x + 5},${y - tip * 0.8}L${x - 5},${y - tip * 0.8}Z`;
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

/**
 * The runs' lines, drawn on one <canvas> over the plot area (inside the chart's SVG), on the
 * chart's Recharts scales; NaN/Inf markers stay SVG shapes (`markerPath`). Recharts' own <Line> took seconds for
 * 100 runs × 1,000 points, and one SVG path per run still cost the browser a parse, a layout and a
 * raster of 100 long paths per paint (and per hover highlight); the canvas draws them in tens of ms.
 * Each run keeps an empty, invisible `[data-testid="chart-line"]` element carrying its run id, colour
 * and highlight state, and, once drawn, `data-points` (points drawn) and `data-geometry` (a digest of
 * their positions): what tests and `bench:charts` read instead of a path's `d`, and with smoothing
 * `data-raw-points` (logged values drawn faintly behind). The highlighted run is drawn last, on
 * top, and the others dimmed.
 */
export const ChartLines = memo(function ChartLines({ series, highlighted, yScale: scaleType, edges, xDomain, yDomain }: Props) {
  // useId() may hold characters that url(#…) does not take.
  const clipId = `rmc-clip-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const plot = usePlotArea();
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const linesRef = useRef<SVGGElement>(null);
  // The scales and the draw order are kept while the data, the scales and the highlight are: a
  // re-render for anything else (Recharts' store) does not redraw the canvas.
  const scales = useMemo(() => {
    if (!xScale || !yScale) return undefined;
    const x: Scale = (v) => xScale(v);
    const y: Scale = scaleType === "log" ? (v) => (v <= 0 ? undefined : yScale(v)) : (v) => yScale(v);
    return { x: xDomain ? affine(x, ...xDomain) : x, y: yDomain && scaleType !== "log" ? affine(y, ...yDomain) : y };
  }, [scaleType, xScale, yScale, xDomain, yDomain]);
  const ordered = useMemo(() => (highlighted ? [...series.filter((s) => s.runId !== highlighted), ...series.filter((s) => s.runId === highlighted)] : series), [series, highlighted]);
  const ratio = typeof window === "undefined" ? 1 : window.devicePixelRatio || 1;
  const left = plot?.x ?? 0;
  const top = (plot?.y ?? 0) - EDGE_PAD;
  const width = Math.max(0, plot?.width ?? 0);
  const height = Math.max(0, (plot?.height ?? 0) + 2 * EDGE_PAD);

  // Drawn before the browser paints (a layout effect), so the lines appear in the same frame as the axes.
  useLayoutEffect(() => {
    const canvas = canvasRef.current;
    const g = canvas?.getContext("2d");
    if (!canvas || !g || !scales) return;
    g.setTransform(1, 0, 0, 1, 0, 0);
    g.clearRect(0, 0, canvas.width, canvas.height);
    // Chart (SVG) coordinates on the canvas's device pixels.
    g.setTransform(ratio, 0, 0, ratio, -left * ratio, -top * ratio);
    g.lineJoin = "round";
    g.lineCap = "butt";
    const drawn = new Map<string, Drawn>();
    // Smoothing on: every run's logged values first, faint and thin, under all the smoothed lines.
    const raw = new Map<string, number>();
    for (const s of ordered) {
      if (!s.points.smoothed) continue;
      g.globalAlpha = RAW_ALPHA * (highlighted === undefined || highlighted === s.runId ? 1 : DIMMED_ALPHA);
      raw.set(s.runId, strokeRun(g, s, scales.x, scales.y, LINE_WIDTH, s.points.raw).points);
    }
    for (const s of ordered) {
      g.globalAlpha = highlighted === undefined || highlighted === s.runId ? 1 : DIMMED_ALPHA;
      drawn.set(s.runId, strokeRun(g, s, scales.x, scales.y, highlighted === s.runId ? HIGHLIGHTED_WIDTH : LINE_WIDTH));
    }
    g.globalAlpha = 1;
    for (const el of linesRef.current?.children ?? []) {
      const d = drawn.get(el.getAttribute("data-run-id") ?? "");
      if (!d) continue;
      el.setAttribute("data-points", String(d.points));
      el.setAttribute("data-geometry", d.digest);
      const rawPoints = raw.get(el.getAttribute("data-run-id") ?? "");
      if (rawPoints === undefined) el.removeAttribute("data-raw-points");
      else el.setAttribute("data-raw-points", String(rawPoints));
    }
  }, [ordered, highlighted, scales, ratio, left, top, width, height]);

  if (!plot || !scales) return null;
  const { x, y } = scales;
  return (
    <g className="rmc-lines">
      <foreignObject x={left} y={top} width={width} height={height} pointerEvents="none">
        <canvas ref={canvasRef} data-testid="chart-canvas" width={Math.round(width * ratio)} height={Math.round(height * ratio)} style={{ display: "block", width, height }} />
      </foreignObject>
      <g ref={linesRef} aria-hidden="true">
        {ordered.map((s) => {
          const state = highlighted === undefined ? "" : highlighted === s.runId ? " is-highlighted" : " is-dimmed";
          return <g key={s.runId} className={`rmc-line${state}`} data-testid="chart-line" data-run-id={s.runId} stroke={s.color} />;
        })}
      </g>
      <defs>
        <clipPath id={clipId}>
          <rect x={left} y={top} width={width} height={height} />
        </clipPath>
      </defs>
      <g clipPath={`url(#${clipId})`}>
        {ordered.flatMap((s) =>
          s.markers.map((m, i) => {
            const cx = x(m.x);
            const cy = y(m.edge === "top" ? edges[1] : edges[0]);
            if (cx === undefined || cy === undefined) return null;
            const kind = Number.isNaN(m.raw) ? "nan" : m.raw > 0 ? "inf" : "-inf";
            return <path key={`${s.runId}-${i}`} className="rmc-marker" data-testid="chart-marker" data-kind={kind} d={markerPath(kind, cx, cy)} fill={s.color} />;
          }),
        )}
      </g>
    </g>
  );
});
