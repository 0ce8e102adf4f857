import type { ParallelLine, Point } from "./parallel-line.js";

interface Props {
  runId: string;
  name: string;
  line: ParallelLine;
  color: string;
  /** Where the run's hollow n/a markers go: one under each axis it has no value on. */
  markers: readonly Point[];
  className: string;
  /** The copy drawn over the bundle for the hovered run takes no events: the original has them. */
  interactive: boolean;
  onEnter?: () => void;
  onLeave?: () => void;
  onOpen?: () => void;
}

/**
 * One run on the parallel-coordinates plot: solid where neighbouring axes both have its values,
 * dashed over an axis without one, a dot when it has a single value, and hollow n/a markers. Every
 * piece sits in one group, so hovering any of them names and lifts the whole run.
 */
export function ParallelRunLine({ runId, name, line, color, markers, className, interactive, onEnter, onLeave, onOpen }: Props) {
  const hit = line.solid + line.bridge;
  return (
    <g className={className} data-run={interactive ? runId : undefined} pointerEvents={interactive ? undefined : "none"} onMouseEnter={onEnter} onMouseLeave={onLeave} onClick={onOpen}>
      {interactive && <title>{name}</title>}
      {/* Always there (empty for a run without two neighbouring values): one line per run to count. */}
      <path className="pc-line" d={line.solid} stroke={color} data-run={interactive ? runId : undefined} />
      {line.bridge && <path className="pc-bridge" d={line.bridge} stroke={color} data-run={interactive ? runId : undefined} />}
      {line.dot && <circle className="pc-dot" cx={line.dot.x} cy={line.dot.y} r={3.5} fill={color} data-run={interactive ? runId : undefined} />}
      {markers.map((m) => (
        <circle key={`${m.x}`} className="pc-na" cx={m.x} cy={m.y} r={3.5} stroke={color} />
      ))}
      {interactive && hit && <path className="pc-hit" d={hit} />}
      {interactive && line.dot && <circle className="pc-hit" cx={line.dot.x} cy={line.dot.y} r={7} />}
    </g>
  );
}
