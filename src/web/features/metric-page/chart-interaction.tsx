import { useRef, useState, type PointerEvent } from "react";
import { createPortal } from "react-dom";
import { usePlotArea, useXAxisInverseScale, useXAxisScale, useYAxisScale } from "recharts";
import type { ChartXAxis, ChartZoom } from "./chart-settings.js";
import { pointNear, type PlotPoint, type PlotSeries } from "./chart-series.js";
import { ChartTooltip } from "./chart-tooltip.js";

interface Props {
  series: readonly PlotSeries[];
  xAxis: ChartXAxis;
  smoothing: boolean;
  highlighted: string | undefined;
  onHighlight: (runId: string | undefined) => void;
  /** Called with a dragged x-range, or undefined on a double-click (reset). */
  onZoom?: ((range: ChartZoom | undefined) => void) | undefined;
  /** Where the HTML tooltip is placed (the plot's wrapper). */
  tooltipHost: HTMLElement | null;
}

/** A hovered x: the point there of each run that has one (`pointNear`), and the pointer position in the wrapper. */
export interface HoverState {
  x: number;
  left: number;
  top: number;
  rows: { series: PlotSeries; point: PlotPoint }[];
}

/** Drags closer than this are clicks, not zooms. */
const MIN_DRAG_PX = 4;
/** How close (px) the pointer must be to a curve to highlight its run. */
const HIGHLIGHT_PX = 14;
/** Past a run's first or last point, how close (px) the pointer must be to it to show it. */
const REACH_PX = 10;

/**
 * The pointer layer over the plot area (a child of the Recharts chart, so it reads its scales):
 * drag to select an x-range (zoom), double-click to zoom out, hover for the tooltip and to highlight the nearest curve. Its
 * state is its own, so moving the pointer re-renders this layer only, not a hundred lines.
 */
export function ChartInteraction({ series, xAxis, smoothing, highlighted, onHighlight, onZoom, tooltipHost }: Props) {
  const plot = usePlotArea();
  const invert = useXAxisInverseScale();
  const xScale = useXAxisScale();
  const yScale = useYAxisScale();
  const [drag, setDrag] = useState<{ from: number; to: number } | undefined>();
  const [hover, setHover] = useState<HoverState | undefined>();
  const svgLeft = useRef(0);
  if (!plot || !invert || !xScale || !yScale) return null;

  const localX = (e: PointerEvent<SVGRectElement>): number => {
    const box = e.currentTarget.ownerSVGElement?.getBoundingClientRect();
    svgLeft.current = box?.left ?? 0;
    return Math.min(plot.x + plot.width, Math.max(plot.x, e.clientX - (box?.left ?? 0)));
  };
  const localY = (e: PointerEvent<SVGRectElement>): number => e.clientY - (e.currentTarget.ownerSVGElement?.getBoundingClientRect().top ?? 0);

  const onMove = (e: PointerEvent<SVGRectElement>): void => {
    const px = localX(e);
    const py = localY(e);
    if (drag) setDrag({ ...drag, to: px });
    const x = Number(invert(px));
    const reach = Math.abs(Number(invert(px + REACH_PX)) - x);
    const domain = [Number(invert(plot.x)), Number(invert(plot.x + plot.width))] as const;
    const rows: HoverState["rows"] = [];
    let nearest: { runId: string; distance: number } | undefined;
    for (const s of series) {
      const point = pointNear(s.points, x, reach, domain);
      if (!point) continue;
      rows.push({ series: s, point });
      if (point.y === null) continue;
      const distance = Math.abs(Number(yScale(point.y)) - py);
      if (distance <= HIGHLIGHT_PX && (!nearest || distance < nearest.distance)) nearest = { runId: s.runId, distance };
    }
    setHover({ x, left: px, top: py, rows });
    if (nearest?.runId !== highlighted) onHighlight(nearest?.runId);
  };

  const onUp = (e: PointerEvent<SVGRectElement>): void => {
    if (!drag) return;
    setDrag(undefined);
    const to = localX(e);
    if (!onZoom || Math.abs(to - drag.from) < MIN_DRAG_PX) return;
    let min = Number(invert(Math.min(drag.from, to)));
    let max = Number(invert(Math.max(drag.from, to)));
    if (xAxis === "step") {
      min = Math.floor(min);
      max = Math.ceil(max);
    } else {
      min = Math.round(min);
      max = Math.round(max);
    }
    if (min < max) onZoom({ min, max });
  };

  const hoverX = hover ? Number(xScale(hover.x)) : undefined;
  return (
    <g className="rmc-interaction">
      {hoverX !== undefined && !drag && <line className="rmc-crosshair" x1={hoverX} x2={hoverX} y1={plot.y} y2={plot.y + plot.height} />}
      {hover &&
        !drag &&
        hover.rows.map(({ series: s, point }) =>
          point.y === null ? null : (
            <circle key={s.runId} cx={Number(xScale(point.x))} cy={Number(yScale(point.y))} r={s.runId === highlighted ? 4 : 2.5} fill={s.color} className="rmc-hover-dot" />
          ),
        )}
      {drag && <rect className="rmc-selection" data-testid="zoom-selection" x={Math.min(drag.from, drag.to)} y={plot.y} width={Math.abs(drag.to - drag.from)} height={plot.height} />}
      <rect
        data-testid="chart-plot-area"
        x={plot.x}
        y={plot.y}
        width={Math.max(0, plot.width)}
        height={Math.max(0, plot.height)}
        fill="transparent"
        style={{ cursor: onZoom ? "crosshair" : "default", touchAction: "none" }}
        onPointerDown={(e) => {
          if (e.button !== 0) return;
          e.currentTarget.setPointerCapture(e.pointerId);
          const px = localX(e);
          setDrag({ from: px, to: px });
        }}
        onPointerMove={onMove}
        onPointerUp={onUp}
        onDoubleClick={() => onZoom?.(undefined)}
        onPointerLeave={() => {
          if (drag) return;
          setHover(undefined);
          if (highlighted !== undefined) onHighlight(undefined);
        }}
      />
      {hover && !drag && tooltipHost && createPortal(<ChartTooltip hover={hover} xAxis={xAxis} smoothing={smoothing} highlighted={highlighted} width={tooltipHost.clientWidth} />, tooltipHost)}
    </g>
  );
}
