import { useRef, useState } from "react";
import { useNavigate } from "react-router";
import type { Run } from "../../../core/index.js";
import { paths } from "../../config/paths.js";
import { fieldValue, runLabel, type FieldRef } from "./compare-fields.js";
import { axisPosition, buildParallelAxes, rampColor } from "./parallel-axes.js";
import { ParallelAxisView } from "./parallel-axis-view.js";
import { naLabel, parallelLayout } from "./parallel-layout.js";
import { ParallelLegend } from "./parallel-legend.js";
import { parallelLine, type ParallelLine, type Point } from "./parallel-line.js";
import { ParallelRunLine } from "./parallel-run-line.js";
import { useElementWidth } from "./use-element-width.js";

interface Props {
  runs: readonly Run[];
  /** Params that differ, in table order. */
  paramKeys: readonly string[];
  metricKey: string | undefined;
  /** The display name of a field, told apart from a same-named one of the other kind. */
  label: (field: FieldRef) => string;
}

const PLOT_HEIGHT = 252;
const MARGIN = { top: 34, right: 56, bottom: 14, left: 56 };
/**
 * Below an axis some runs have no value on, a band apart from its range holds their n/a markers:
 * far enough under the lowest tick that the two labels do not touch, so "no value" never reads as
 * "the lowest value".
 */
const NA_GAP = 22;
/** Closer than this, tick labels of neighbouring axes collide. */
const MIN_SPACING = 110;

interface DrawnRun {
  run: Run;
  id: string;
  line: ParallelLine;
  color: string;
  markers: Point[];
}

/**
 * One vertical axis per differing param and one for the metric; one line per run, coloured by its
 * metric value. Hovering a line lifts it and names the run; a click opens it. Hand-written SVG:
 * 100 paths need no charting library.
 *
 * A run without a value on an axis (a param set on half a sweep, a metric some runs lack) is drawn
 * dashed from its value before to its value after, and gets a hollow marker in an n/a band under
 * that axis. Routing its line down to the n/a band instead would pull half the lines of such a sweep
 * to the bottom, where they read as the lowest values and hide the real ones, and would cut what
 * the user wants to see: how the values it has relate (lr against loss when warmup is unset).
 */
export function ParallelCoordinates({ runs, paramKeys, metricKey, label }: Props) {
  const navigate = useNavigate();
  const box = useRef<HTMLDivElement>(null);
  const available = useElementWidth(box);
  const [hovered, setHovered] = useState<string | undefined>();
  const fields: FieldRef[] = [...paramKeys.map((key) => ({ kind: "params" as const, key })), ...(metricKey ? [{ kind: "metrics" as const, key: metricKey }] : [])];
  const axes = buildParallelAxes(runs, fields, PLOT_HEIGHT);
  const positions = runs.map((run) => axes.map((axis) => axisPosition(axis, run)));
  const missingCounts = axes.map((_, i) => positions.filter((p) => p[i] === undefined).length);
  const anyMissing = missingCounts.some((n) => n > 0);
  const labelsOf = (i: number) => {
    const missing = missingCounts[i] ?? 0;
    return [...(axes[i]?.ticks.map((t) => ({ text: t.label, na: false })) ?? []), ...(missing > 0 ? [{ text: naLabel(missing), na: true }] : [])];
  };
  const last = axes.length - 1;
  const layout = parallelLayout({
    available,
    axisCount: axes.length,
    firstLabels: labelsOf(0),
    lastLabels: last > 0 ? labelsOf(last) : [],
    margin: MARGIN,
    minSpacing: MIN_SPACING,
  });
  const xOf = (i: number) => layout.x[i] ?? 0;
  const yOf = (at: number) => MARGIN.top + (1 - at) * PLOT_HEIGHT;
  const plotBottom = MARGIN.top + PLOT_HEIGHT;
  const naY = plotBottom + NA_GAP;
  const metricAxis = metricKey ? axes.at(-1) : undefined;
  const height = MARGIN.top + PLOT_HEIGHT + (anyMissing ? NA_GAP + 8 : MARGIN.bottom);
  const drawn = runs.map((run, r): DrawnRun => {
    const at = positions[r] ?? [];
    const line = parallelLine(axes.map((_, i) => {
      const p = at[i];
      return p === undefined ? undefined : { x: xOf(i), y: yOf(p) };
    }));
    const metricAt = metricAxis ? at[axes.length - 1] : undefined;
    const color = !metricAxis ? "var(--accent)" : metricAt === undefined ? "var(--text-faint)" : rampColor(metricAt);
    return { run, id: run.info.run_id, line, color, markers: line.missing.map((i) => ({ x: xOf(i), y: naY })) };
  });
  const hoveredRun = drawn.find((d) => d.id === hovered);
  const metricLabel = metricKey ? label({ kind: "metrics", key: metricKey }) : "";
  const hoveredValue = hoveredRun && metricKey ? fieldValue(hoveredRun.run, { kind: "metrics", key: metricKey }) : undefined;

  return (
    <div className="parallel" ref={box} data-testid="parallel-coordinates">
      <ParallelLegend
        metric={metricAxis ? { label: metricLabel, min: metricAxis.min, max: metricAxis.max } : undefined}
        showsBridges={drawn.some((d) => d.line.bridge !== "")}
        hovered={hoveredRun && { name: runLabel(hoveredRun.run), value: typeof hoveredValue === "number" ? hoveredValue : undefined }}
      />
      <div className="parallel-scroll">
        <svg width={layout.width} height={height} className={hovered ? "has-hover" : undefined} role="img" aria-label={`Parallel coordinates of ${runs.length} runs over ${axes.length} axes`}>
          <g className="pc-lines">
            {drawn.map((d) => (
              <ParallelRunLine
                key={d.id}
                runId={d.id}
                name={runLabel(d.run)}
                line={d.line}
                color={d.color}
                markers={d.markers}
                className={`pc-run${hovered === d.id ? " is-hovered" : ""}`}
                interactive
                onEnter={() => setHovered(d.id)}
                onLeave={() => setHovered((h) => (h === d.id ? undefined : h))}
                onOpen={() => void navigate(paths.run.href({ experimentId: d.run.info.experiment_id, runId: d.id }))}
              />
            ))}
          </g>
          {/* SVG paints in document order: a copy of the hovered run on top keeps it visible in a bundle of 100. */}
          {hoveredRun && <ParallelRunLine runId={hoveredRun.id} name={runLabel(hoveredRun.run)} line={hoveredRun.line} color={hoveredRun.color} markers={hoveredRun.markers} className="pc-run pc-top" interactive={false} />}
          {/* After the lines, so axes and labels stay on top; each tick label sits on a box of the page colour. */}
          {axes.map((axis, i) => {
            const count = missingCounts[i] ?? 0;
            return (
              <ParallelAxisView
                key={axis.id}
                axis={axis}
                x={xOf(i)}
                name={label(axis.field)}
                top={MARGIN.top}
                bottom={plotBottom}
                yOf={yOf}
                titleChars={layout.titleChars[i] ?? 0}
                tickChars={layout.tickChars}
                missing={count > 0 ? { count, of: runs.length, y: naY } : undefined}
                side={i === last && last > 0 ? "right" : "left"}
              />
            );
          })}
        </svg>
      </div>
    </div>
  );
}
