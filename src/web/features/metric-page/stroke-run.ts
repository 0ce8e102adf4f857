import type { PlotSeries } from "./chart-series.js";

/** A chart scale: value to pixel, undefined where the value has no place (≤ 0 on a log scale). */
export type Scale = (value: number) => number | undefined;

/** A run with one drawable point (a metric logged once, e.g. a final accuracy) is drawn as a dot of this radius. */
const LONE_RADIUS = 3.5;

/** The canvas calls a run's drawing makes (a fake records them in tests). */
export type RunCanvas = Pick<CanvasRenderingContext2D, "beginPath" | "moveTo" | "lineTo" | "arc" | "stroke" | "fill" | "lineWidth" | "strokeStyle" | "fillStyle">;

/** What was drawn of a run: its points on the canvas and a digest of their positions (to 0.1 px). */
export interface Drawn {
  points: number;
  digest: string;
}

/**
 * Strokes one run's line through its drawable points in chart coordinates, broken where a value
 * cannot be drawn (NaN/±Infinity, which the chart marks on its edge, and ≤ 0 on a log scale): a
 * line across such a gap would show values that were never logged. A point alone between two gaps
 * is a dot. `values` are the drawn values (default) or the logged ones (the faded line behind a
 * smoothed one). Returns what it drew; the digest is an FNV-1a hash of the rounded positions, so tests
 * can tell that a setting changed the drawing.
 */
export function strokeRun(g: RunCanvas, s: PlotSeries, x: Scale, y: Scale, width: number, values: Float64Array = s.points.y): Drawn {
  let n = 0;
  let h = 0x811c9dc5;
  /** Points in the segment being drawn, and its last point. */
  let segment = 0;
  let lastX = 0;
  let lastY = 0;
  const dots: number[] = [];
  const xs = s.points.x;
  const ys = values;
  g.beginPath();
  for (let i = 0; i < xs.length; i++) {
    const v = ys[i] as number;
    // NaN and ±Infinity (±DBL_MAX in logged values) in one comparison: both are markers, not line.
    const px = !(Math.abs(v) < Number.MAX_VALUE) ? undefined : x(xs[i] as number);
    const py = px === undefined ? undefined : y(v);
    if (px === undefined || py === undefined || !Number.isFinite(px) || !Number.isFinite(py)) {
      if (segment === 1) dots.push(lastX, lastY);
      segment = 0;
      continue;
    }
    if (segment === 0) g.moveTo(px, py);
    else g.lineTo(px, py);
    segment++;
    n++;
    lastX = px;
    lastY = py;
    h = Math.imul(h ^ Math.round(px * 10), 0x01000193);
    h = Math.imul(h ^ Math.round(py * 10), 0x01000193);
  }
  if (segment === 1) dots.push(lastX, lastY);
  if (n > 1) {
    g.lineWidth = width;
    g.strokeStyle = s.color;
    g.stroke();
  }
  if (dots.length > 0) {
    // A run with one drawable point (a metric logged once, e.g. a final accuracy) gets a larger dot.
    const radius = n === 1 ? LONE_RADIUS : width + 0.5;
    g.beginPath();
    for (let i = 0; i < dots.length; i += 2) {
      g.moveTo((dots[i] as number) + radius, dots[i + 1] as number);
      g.arc(dots[i] as number, dots[i + 1] as number, radius, 0, 2 * Math.PI);
    }
    g.fillStyle = s.color;
    g.fill();
  }
  return { points: n, digest: (h >>> 0).toString(16).padStart(8, "0") };
}

