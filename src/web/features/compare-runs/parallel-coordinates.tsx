import { useRef, useState } from "react";
import { useNavigate } from "react-router";
import type { Run } from "../../../core/index.js";
import { paths } from "../../config/paths.js";
import { formatMetric } from "../../utils/format.js";
import { fieldValue, runLabel, type FieldRef } from "./compare-fields.js";
import { axisPosition, buildParallelAxes, linePath, rampColor, rampGradient } from "./parallel-axes.js";
import { useElementWidth } from "./use-element-width.js";

interface Props {
  runs: readonly Run[];
  /** Params that differ, in table order. */
  paramKeys: readonly string[];
  metricKey: string | undefined;
  /** The display name of a field, told apart from a same-named one of the other kind. */
  label: (field: FieldRef) => string;
}

const HEIGHT = 300;
const MARGIN = { top: 34, right: 56, bottom: 14, left: 56 };
/** Closer than this, tick labels of neighbouring axes collide. */
const MIN_SPACING = 110;
/** Tick labels are 10 px monospace, 0.6 em a character: their backing box is sized without measuring. */
const TICK_CHAR_PX = 6.1;

/**
 * One vertical axis per differing param and one for the metric; one line per run, coloured by its
 * metric value. Hovering a line lifts it and names the run; a click opens it. Hand-written SVG:
 * 100 paths need no charting library.
 */
export function ParallelCoordinates({ runs, paramKeys, metricKey, label }: Props) {
  const navigate = useNavigate();
  const box = useRef<HTMLDivElement>(null);
  const available = useElementWidth(box);
  const [hovered, setHovered] = useState<string | undefined>();
  const fields: FieldRef[] = [...paramKeys.map((key) => ({ kind: "params" as const, key })), ...(metricKey ? [{ kind: "metrics" as const, key: metricKey }] : [])];
  const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;
  const axes = buildParallelAxes(runs, fields, plotHeight);
  const spacing = Math.max(MIN_SPACING, (available - MARGIN.left - MARGIN.right) / Math.max(1, axes.length - 1));
  const width = Math.max(available, MARGIN.left + MARGIN.right + spacing * Math.max(1, axes.length - 1));
  const xOf = (i: number) => (axes.length === 1 ? width / 2 : MARGIN.left + i * spacing);
  const yOf = (at: number) => MARGIN.top + (1 - at) * plotHeight;
  const metricAxis = metricKey ? axes.at(-1) : undefined;
  const colorOf = (run: Run): string => {
    if (!metricAxis) return "var(--accent)";
    const at = axisPosition(metricAxis, run);
    return at === undefined ? "var(--text-faint)" : rampColor(at);
  };
  const hoveredRun = runs.find((r) => r.info.run_id === hovered);
  const metricLabel = metricKey ? label({ kind: "metrics", key: metricKey }) : "";
  const maxChars = Math.floor(spacing / 7);
  const pathOf = (run: Run) =>
    linePath(
      axes.map((axis, i) => {
        const at = axisPosition(axis, run);
        return at === undefined ? undefined : { x: xOf(i), y: yOf(at) };
      }),
    );

  return (
    <div className="parallel" ref={box} data-testid="parallel-coordinates">
      {metricAxis && metricKey && (
        <div className="parallel-legend">
          <span className="muted">Colour: {metricLabel}</span>
          <span className="mono">{formatMetric(metricAxis.min)}</span>
          <span className="parallel-ramp" style={{ background: rampGradient() }} aria-hidden="true" />
          <span className="mono">{formatMetric(metricAxis.max)}</span>
          {hoveredRun && (
            <span className="parallel-hovered" data-testid="parallel-hovered">
              {runLabel(hoveredRun)} · {metricLabel} {formatMetric(Number(fieldValue(hoveredRun, { kind: "metrics", key: metricKey }) ?? Number.NaN))}
            </span>
          )}
        </div>
      )}
      <div className="parallel-scroll">
        <svg width={width} height={HEIGHT} className={hovered ? "has-hover" : undefined} role="img" aria-label={`Parallel coordinates of ${runs.length} runs over ${axes.length} axes`}>
          <g className="pc-lines">
            {runs.map((run) => {
              const d = pathOf(run);
              const id = run.info.run_id;
              return (
                <g
                  key={id}
                  className={`pc-run${hovered === id ? " is-hovered" : ""}`}
                  onMouseEnter={() => setHovered(id)}
                  onMouseLeave={() => setHovered((h) => (h === id ? undefined : h))}
                  onClick={() => void navigate(paths.run.href({ experimentId: run.info.experiment_id, runId: id }))}
                >
                  <title>{runLabel(run)}</title>
                  <path className="pc-line" d={d} stroke={colorOf(run)} data-run={id} />
                  <path className="pc-hit" d={d} />
                </g>
              );
            })}
          </g>
          {/* SVG paints in document order: a copy of the hovered line on top keeps it visible in a bundle of 100. */}
          {hoveredRun && <path className="pc-line pc-line-top" d={pathOf(hoveredRun)} stroke={colorOf(hoveredRun)} pointerEvents="none" />}
          {/* After the lines, so axes and labels stay on top; each tick label sits on a box of the page colour. */}
          {axes.map((axis, i) => {
            const name = label(axis.field);
            // The scale's mark survives the clipping of a long key.
            const title = axis.log ? `${clip(name, maxChars - 6)} (log)` : clip(name, maxChars);
            return (
              <g key={axis.id} className="pc-axis" transform={`translate(${xOf(i)},0)`}>
                <title>{axis.log ? `${name} (log scale)` : name}</title>
                <line y1={MARGIN.top} y2={MARGIN.top + plotHeight} />
                <text className="pc-axis-label" y={MARGIN.top - 14} textAnchor="middle">
                  {title}
                </text>
                {axis.ticks.map((tick) => {
                  const text = clip(tick.label, maxChars - 2);
                  const boxWidth = text.length * TICK_CHAR_PX + 6;
                  return (
                    <g key={`${tick.label}:${tick.at}`} transform={`translate(0,${yOf(tick.at)})`}>
                      <rect className="pc-tick-box" x={-3 - boxWidth} y={-6.5} width={boxWidth} height={13} rx={2} />
                      <line x1={-3} x2={0} />
                      <text className="pc-tick" x={-6} dy="0.32em" textAnchor="end">
                        {text}
                      </text>
                    </g>
                  );
                })}
              </g>
            );
          })}
        </svg>
      </div>
    </div>
  );
}

function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text;
}
