import { useNavigate } from "react-router";
import { CartesianGrid, Cell, ResponsiveContainer, Scatter, ScatterChart, Tooltip, XAxis, YAxis } from "recharts";
import type { Run } from "../../../core/index.js";
import { EmptyState } from "../../components/empty-state.js";
import { paths } from "../../config/paths.js";
import { formatMetric } from "../../utils/format.js";
import type { FieldRef } from "./compare-fields.js";
import { FieldSelect } from "./field-select.js";
import { buildAxis, scatterPoints, type ScatterAxis, type ScatterPoint } from "./scatter-data.js";

interface Props {
  runs: readonly Run[];
  options: readonly FieldRef[];
  x: FieldRef | undefined;
  y: FieldRef | undefined;
  colorOf: (runId: string) => string;
  onChange: (change: { scatterX?: FieldRef; scatterY?: FieldRef }) => void;
}

/** Numeric axes fit the data; categorical ones put each value on an integer tick, labelled with the value. */
function axisProps(axis: ScatterAxis) {
  if (!axis.categories) return { type: "number" as const, domain: ["auto", "auto"] as [string, string], tickFormatter: (v: number) => formatMetric(v) };
  const categories = axis.categories;
  return {
    type: "number" as const,
    domain: [-0.5, categories.length - 0.5] as [number, number],
    ticks: categories.map((_, i) => i),
    interval: 0 as const,
    tickFormatter: (v: number) => categories[v] ?? "",
  };
}

function PointTooltip({ active, payload }: { active?: boolean; payload?: readonly { payload?: unknown }[] }) {
  const point = active ? (payload?.[0]?.payload as ScatterPoint | undefined) : undefined;
  if (!point) return null;
  return (
    <div className="tooltip-panel chart-tooltip">
      <div className="chart-tooltip-title">
        <span className="run-swatch" style={{ background: point.color }} aria-hidden="true" />
        {point.name}
      </div>
      <div className="muted">
        x {point.xText} · y {point.yText}
      </div>
    </div>
  );
}

/** Any param or metric against another, one point per run in its colour; a click opens the run. */
export function CompareScatter({ runs, options, x, y, colorOf, onChange }: Props) {
  const navigate = useNavigate();
  const controls = (
    <div className="toolbar">
      <FieldSelect label="X axis" value={x} options={options} onChange={(f) => onChange({ scatterX: f })} />
      <FieldSelect label="Y axis" value={y} options={options} onChange={(f) => onChange({ scatterY: f })} />
    </div>
  );
  if (!x || !y) {
    return (
      <>
        {controls}
        <EmptyState title="Nothing to plot">These runs have no params or metrics.</EmptyState>
      </>
    );
  }
  const xAxis = buildAxis(runs, x);
  const yAxis = buildAxis(runs, y);
  const { points, missing } = scatterPoints(runs, xAxis, yAxis, (i) => colorOf(runs[i]?.info.run_id ?? ""));
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
          <ScatterChart margin={{ top: 12, right: 20, bottom: 28, left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" stroke="var(--border)" />
            <XAxis dataKey="x" name={x.key} {...axisProps(xAxis)} stroke="var(--text-faint)" tick={{ fill: "var(--text-muted)", fontSize: 11 }} label={{ value: x.key, position: "insideBottom", offset: -16, fill: "var(--text-muted)", fontSize: 12 }} />
            <YAxis dataKey="y" name={y.key} {...axisProps(yAxis)} width={76} stroke="var(--text-faint)" tick={{ fill: "var(--text-muted)", fontSize: 11 }} label={{ value: y.key, angle: -90, position: "insideLeft", fill: "var(--text-muted)", fontSize: 12 }} />
            <Tooltip content={PointTooltip} cursor={{ strokeDasharray: "3 3" }} isAnimationActive={false} />
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
