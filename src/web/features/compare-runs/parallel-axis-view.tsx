import type { ParallelAxis } from "./parallel-axes.js";
import { clip, NA_GAP_PX, naLabel, TICK_GAP_PX, tickBoxWidth } from "./parallel-layout.js";

interface Props {
  axis: ParallelAxis;
  x: number;
  /** The axis title, its key told apart from a same-named field of the other kind. */
  name: string;
  top: number;
  bottom: number;
  yOf: (at: number) => number;
  /** The longest title and tick label that fit, in characters (see parallel-layout.ts). */
  titleChars: number;
  tickChars: number;
  /** Runs without a value here, and where their n/a markers sit (below the axis, apart from its range). */
  missing: { count: number; of: number; y: number } | undefined;
  /** Which side the tick labels hang on: the last axis's go right, clear of the lines arriving at it. */
  side?: "left" | "right";
}

/** One vertical axis: title, line, ticks on boxes of the page colour, and the n/a tick when runs lack a value. */
export function ParallelAxisView({ axis, x, name, top, bottom, yOf, titleChars, tickChars, missing, side = "left" }: Props) {
  const sign = side === "left" ? -1 : 1;
  // The scale's mark survives the clipping of a long key.
  const title = axis.log ? `${clip(name, titleChars - 6)} (log)` : clip(name, titleChars);
  const tick = (key: string, y: number, label: string, na = false) => {
    const gap = na ? NA_GAP_PX : TICK_GAP_PX;
    const text = clip(label, tickChars);
    const boxWidth = tickBoxWidth(text);
    return (
      <g key={key} transform={`translate(0,${y})`}>
        <rect className="pc-tick-box" x={side === "left" ? -gap - boxWidth : gap} y={-6.5} width={boxWidth} height={13} rx={2} />
        {!na && <line x1={sign * gap} x2={0} />}
        <text className={na ? "pc-tick pc-na-label" : "pc-tick"} x={sign * (gap + 3)} dy="0.32em" textAnchor={side === "left" ? "end" : "start"}>
          {text}
        </text>
      </g>
    );
  };
  return (
    <g className="pc-axis" transform={`translate(${x},0)`} data-axis={axis.id}>
      <title>{axis.log ? `${name} (log scale)` : name}</title>
      <line y1={top} y2={bottom} />
      <text className="pc-axis-label" y={top - 14} textAnchor="middle">
        {title}
      </text>
      {axis.ticks.map((t) => tick(`${t.label}:${t.at}`, yOf(t.at), t.label))}
      {missing && (
        <g className="pc-na-tick">
          <title>{`${missing.count} of ${missing.of} runs have no value for ${name}`}</title>
          {tick("n/a", missing.y, naLabel(missing.count), true)}
        </g>
      )}
    </g>
  );
}
