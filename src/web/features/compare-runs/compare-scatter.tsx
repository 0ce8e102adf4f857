import { useNavigate } from "react-router";
import { CartesianGrid, Cell, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import type { Run } from "../../../core/index.js";
import { EmptyState } from "../../components/empty-state.js";
import { paths } from "../../config/paths.js";
import { allIntegers, formatTickNumber, formatTicks, paddedAxis } from "./axis-ticks.js";
import type { FieldRef } from "./compare-fields.js";
import { FieldSelect } from "./field-select.js";
import { paddedLogAxis, wantsLogScale } from "./log-axis.js";
import { axisValues, buildAxis, scatterPoints, type ScatterAxis, type ScatterPoint } from "./scatter-data.js";

interface Props {
  runs: readonly Run[];
  options: readonly FieldRef[];
  x: FieldRef | undefined;
  y: FieldRef | undefined;
  /** The display name of a field, told apart from a same-named one of the other kind. */
  label: (field: FieldRef) => string;
  colorOf: (runId: string) => string;
  onChange: (change: { scatterX?: FieldRef; scatterY?: FieldRef }) => void;
}

/** Whether a numeric axis is drawn on a log scale (see log-axis.ts). */
function isLogAxis(axis: ScatterAxis, runs: readonly Run[]): boolean {
  return !axis.categories && wantsLogScale(axisValues(runs, axis));
}

/**
 * Numeric axes get our own round ticks (recharts' "auto" gave 55, 110, 165 and 2.2 for a whole-number
 * param), on a log scale when their values span two decades or more; categorical ones put each value
 * on an integer tick, labelled with the value.
 */
function axisProps(axis: ScatterAxis, runs: readonly Run[]) {
  if (!axis.categories) {
    const values = axisValues(runs, axis);
    if (wantsLogScale(values)) {
      const log = paddedLogAxis(values, 6);
      const labels = new Map(formatTicks(log.ticks).map((text, i) => [log.ticks[i], text]));
      return { type: "number" as const, scale: "log" as const, domain: log.domain, ticks: log.ticks, interval: 0 as const, tickFormatter: (v: number) => labels.get(v) ?? formatTickNumber(v) };
    }
    const scale = paddedAxis(values, { count: 6, integer: allIntegers(values) });
    if (!scale) return { type: "number" as const, domain: ["auto", "auto"] as [string, string], tickFormatter: (v: number) => formatTickNumber(v) };
    const labels = new Map(formatTicks(scale.ticks).map((text, i) => [scale.ticks[i], text]));
    return { type: "number" as const, domain: scale.domain, ticks: scale.ticks, interval: 0 as const, tickFormatter: (v: number) => labels.get(v) ?? formatTickNumber(v) };
  }
  const categories = axis.categories;
  return {
    type: "number" as const,
    domain: [-0.5, categories.length - 0.5] as [number, number],
    ticks: categories.map((_, i) => i),
    interval: 0 as const,
    tickFormatter: (v: number) => categories[v] ?? "",
  };
}

interface TooltipProps {
  active?: boolean;
  payload?: readonly { payload?: unknown }[];
  xLabel: string;
  yLabel: string;
}

function PointTooltip({ active, payload, xLabel, yLabel }: TooltipProps) {
  const point = active ? (payload?.[0]?.payload as ScatterPoint | undefined) : undefined;
  if (!point) return null;
  return (
    <div className="tooltip-panel chart-tooltip">
      <div className="chart-tooltip-title">
        <span className="run-swatch" style={{ background: point.color }} aria-hidden="true" />
        {point.name}
      </div>
      <div className="scatter-tooltip-values">
        <span className="muted">{xLabel}</span>
        <span className="mono">{point.xText}</span>
        <span className="muted">{yLabel}</span>
        <span className="mono">{point.yText}</span>
      </div>
    </div>
  );
}

/** Any param or metric against another, one point per run in its colour; a click opens the run. */
export function CompareScatter({ runs, options, x, y, label, colorOf, onChange }: Props) {
  const navigate = useNavigate();
  const controls = (
    <div className="toolbar">
      <FieldSelect label="X axis" value={x} options={options} fieldLabel={label} onChange={(f) => onChange({ scatterX: f })} />
      <FieldSelect label="Y axis" value={y} options={options} fieldLabel={label} onChange={(f) => onChange({ scatterY: f })} />
    </div>
  );
  if (!x || !y) {
    return (
      <>
        {controls}
        <EmptyState title="Nothing to plot">
          {options.length === 0
            ? "These runs have no params or metrics."
            : options.length === 1
              ? "A scatter needs two fields, and these runs have one param or metric."
              : "Choose a field for each axis."}
        </EmptyState>
      </>
    );
  }
  const xAxis = buildAxis(runs, x);
  const yAxis = buildAxis(runs, y);
  const xLabel = label(x);
  const yLabel = label(y);
  const xTitle = isLogAxis(xAxis, runs) ? `${xLabel} (log)` : xLabel;
  const yTitle = isLogAxis(yAxis, runs) ? `${yLabel} (log)` : yLabel;
  const { points, missing } = scatterPoints(runs, xAxis, yAxis, (i) => colorOf(runs[i]?.info.run_id ?? ""));
  // Axis texts are hidden from assistive technology (Chrome keeps an svg image's text in its tree): the chart's name says what it plots.
  const tick = { fill: "var(--text-muted)", fontSize: 11, "aria-hidden": true };
  // The y title is centred on the axis: recharts starts an insideLeft label at the middle, so a long
  // key (`validation/perplexity_per_token`) ran past the top of the chart.
  return (
    <>
      {controls}
      {missing > 0 && (
        <div className="faint" data-testid="scatter-missing">
          {missing} of {runs.length} runs not shown: no value, or a value that cannot be drawn (NaN, ±∞).
        </div>
      )}
      <div className="compare-chart" data-testid="compare-scatter">
        <ResponsiveContainer width="100%" height={320}>
          {/* An image with a summary name, as the parallel coordinates are: Recharts' default role="application" took its name from the tick labels. Its keyboard layer stays (tab in, arrows step through the runs' tooltips). */}
          <ScatterChart margin={{ top: 12, right: 20, bottom: 28, left: 8 }} role="img" aria-label={`Scatter of ${yLabel} against ${xLabel} for ${points.length} ${points.length === 1 ? "run" : "runs"}`}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
            <XAxis dataKey="x" name={xLabel} {...axisProps(xAxis, runs)} stroke="var(--text-faint)" tick={tick} label={{ value: xTitle, position: "insideBottom", offset: -16, fill: "var(--text-muted)", fontSize: 12, "aria-hidden": true }} />
            <YAxis dataKey="y" name={yLabel} {...axisProps(yAxis, runs)} width={76} stroke="var(--text-faint)" tick={tick} label={{ value: yTitle, angle: -90, position: "insideLeft", textAnchor: "middle", fill: "var(--text-muted)", fontSize: 12, "aria-hidden": true }} />
            <Tooltip content={<PointTooltip xLabel={xLabel} yLabel={yLabel} />} cursor={{ strokeDasharray: "3 3" }} isAnimationActive={false} />
            <Scatter
              data={points}
              isAnimationActive={false}
              cursor="pointer"
              onClick={(item) => {
                const point = item.payload as ScatterPoint | undefined;
                if (point) void navigate(paths.run.href({ experimentId: point.experimentId, runId: point.runId }));
              }}
            >
              {points.map((p) => (
                <Cell key={p.runId} fill={p.color} stroke="var(--bg)" strokeWidth={1} />
              ))}
            </Scatter>
          </ScatterChart>
        </ResponsiveContainer>
      </div>
    </>
  );
}
