/**
 * Where the parallel-coordinates axes go and how long their labels may be. Labels are sized without
 * measuring: tick labels are 10 px monospace (0.6 em a character), titles 12 px bold (about 7 px).
 */
const TICK_CHAR_PX = 6.1;
const TITLE_CHAR_PX = 7;
/** Left of the axis: a tick label's box starts 3 px away, the n/a label's 8 px (clear of its markers). */
export const TICK_GAP_PX = 3;
export const NA_GAP_PX = 8;
/** Between the leftmost label and the edge of the plot. */
const EDGE_AIR_PX = 4;

export interface LayoutInput {
  available: number;
  axisCount: number;
  /** The first axis's tick labels and n/a label: they hang left of it, into the margin. */
  firstLabels: readonly { text: string; na: boolean }[];
  /**
   * The last axis's, when there are two axes or more: they hang right of it, into the right margin,
   * clear of the lines that all arrive at it from the left (where they hid its labels).
   */
  lastLabels?: readonly { text: string; na: boolean }[];
  margin: { left: number; right: number };
  /** Closer than this, tick labels of neighbouring axes collide. */
  minSpacing: number;
}

export interface ParallelLayout {
  width: number;
  spacing: number;
  /** Each axis's x. */
  x: number[];
  /** The longest tick label, in characters, that fits between two axes. */
  tickChars: number;
  /** Per axis, the longest title that fits: half to each side, so an edge axis's is shorter. */
  titleChars: number[];
}

export function clip(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, Math.max(1, max - 1))}…` : text;
}

/** The width of the page-coloured box behind a tick label of `text`. */
export function tickBoxWidth(text: string): number {
  return text.length * TICK_CHAR_PX + 6;
}

export function naLabel(count: number): string {
  return `n/a (${count})`;
}

function spacingFor(available: number, left: number, right: number, count: number, minSpacing: number): number {
  return Math.max(minSpacing, (available - left - right) / Math.max(1, count - 1));
}

function tickCharsFor(spacing: number): number {
  return Math.floor(spacing / TITLE_CHAR_PX) - 2;
}

/**
 * Axes spread over the available width, never closer than `minSpacing` (then the plot scrolls).
 * The left margin grows to hold the first axis's longest label (a long category name, `n/a (12)`),
 * which the edge of the plot cut off before, and the right margin the last axis's.
 */
export function parallelLayout({ available, axisCount, firstLabels, lastLabels = [], margin, minSpacing }: LayoutInput): ParallelLayout {
  const roughChars = tickCharsFor(spacingFor(available, margin.left, margin.right, axisCount, minSpacing));
  const hanging = (labels: readonly { text: string; na: boolean }[]) => labels.map((l) => (l.na ? NA_GAP_PX : TICK_GAP_PX) + tickBoxWidth(clip(l.text, roughChars)) + EDGE_AIR_PX);
  const left = Math.ceil(Math.max(margin.left, ...hanging(firstLabels)));
  const right = Math.ceil(Math.max(margin.right, ...hanging(lastLabels)));
  // A wider margin only narrows the spacing, so labels clipped to it still fit the margin.
  const spacing = spacingFor(available, left, right, axisCount, minSpacing);
  const width = Math.max(available, left + right + spacing * Math.max(1, axisCount - 1));
  const x = Array.from({ length: axisCount }, (_, i) => (axisCount === 1 ? width / 2 : left + i * spacing));
  const titleChars = x.map((at) => Math.floor(Math.min(spacing, 2 * Math.min(at, width - at)) / TITLE_CHAR_PX));
  return { width, spacing, x, tickChars: tickCharsFor(spacing), titleChars };
}
