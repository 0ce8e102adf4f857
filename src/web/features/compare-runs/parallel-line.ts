export interface Point {
  x: number;
  y: number;
}

/** One run's line over the parallel axes, split by how each piece should be drawn. */
export interface ParallelLine {
  /** Segments between values on neighbouring axes, as an SVG path. */
  solid: string;
  /**
   * Segments from a value over one or more axes without one to the run's next value, as an SVG path
   * to be drawn dashed. Lifting the pen there instead made a run vanish whole when every other axis
   * lacked its value (a param set on half the runs), and cut the link between the values it has.
   */
  bridge: string;
  /** The value of a run that has a value on one axis only: a path through one point draws nothing. */
  dot: Point | undefined;
  /** The indexes of the axes on which the run has no value. */
  missing: number[];
}

/** The line through a run's points, one per axis in axis order, undefined where it has no value. */
export function parallelLine(points: readonly (Point | undefined)[]): ParallelLine {
  let solid = "";
  let bridge = "";
  let solidEnd = -1;
  let bridgeEnd = -1;
  let previous: { index: number; point: Point } | undefined;
  const missing: number[] = [];
  let present = 0;
  points.forEach((point, index) => {
    if (!point) {
      missing.push(index);
      return;
    }
    present += 1;
    if (previous && index - previous.index === 1) {
      solid += `${solidEnd === previous.index ? "" : `M${coords(previous.point)}`}L${coords(point)}`;
      solidEnd = index;
    } else if (previous) {
      bridge += `${bridgeEnd === previous.index ? "" : `M${coords(previous.point)}`}L${coords(point)}`;
      bridgeEnd = index;
    }
    previous = { index, point };
  });
  return { solid, bridge, dot: present === 1 ? previous?.point : undefined, missing };
}

function coords(p: Point): string {
  return `${round(p.x)},${round(p.y)}`;
}

function round(n: number): number {
  return Math.round(n * 10) / 10;
}
