import { DOUBLE_MAX } from "./row-mappers.js";

/** A stored metric row (`value` as stored: NaN is 0 with is_nan = 1, ±Infinity is ±DBL_MAX). */
export interface SummaryRow {
  step: number;
  timestamp: number;
  value: number;
  is_nan: number;
}

/**
 * Block layout, in doubles. first/last are the block's first and last rows in (step, timestamp,
 * value, is_nan) order, as stored, so a block's raw rows are exactly the rows between them. min/max
 * are its finite extremes (the first one on ties; step NaN when the block holds only markers).
 */
export const F = {
  count: 0,
  markers: 1,
  firstStep: 2,
  firstTimestamp: 3,
  firstValue: 4,
  firstIsNan: 5,
  lastStep: 6,
  lastTimestamp: 7,
  lastValue: 8,
  lastIsNan: 9,
  minStep: 10,
  minTimestamp: 11,
  minValue: 12,
  maxStep: 13,
  maxTimestamp: 14,
  maxValue: 15,
} as const;
export const BLOCK_FIELDS = 16;
const BLOCK_BYTES = BLOCK_FIELDS * 8;

/**
 * Points per block of level k: 8^(k+1), i.e. 8, 64, … 262,144; each level-(k+1) block is 8
 * level-k blocks. All levels together hold n / 7 blocks (≈ 18 bytes per point).
 */
export const FANOUT = 8;
export const LEVEL_COUNT = 6;
export const blockSizeOf = (level: number): number => FANOUT ** (level + 1);
/** Blocks per stored page. */
export const BLOCKS_PER_PAGE = 512;

export const isMarkerRow = (r: SummaryRow): boolean => r.is_nan !== 0 || Math.abs(r.value) >= DOUBLE_MAX;

/** One stored page of a level: `blocks` holds `BLOCK_FIELDS` little-endian doubles per block. */
export interface SummaryPage {
  level: number;
  page: number;
  first_step: number;
  last_step: number;
  blocks: Uint8Array;
}

const LITTLE_ENDIAN = new Uint8Array(new Float64Array([1]).buffer)[7] === 0x3f;

/**
 * The page's doubles as a Float64Array: a view of the blob itself when the platform is little-endian
 * and the blob 8-byte aligned (a read is then an array access, not a DataView call), else decoded.
 */
function doublesOf(bytes: Uint8Array, count: number): Float64Array {
  if (LITTLE_ENDIAN && bytes.byteOffset % 8 === 0) return new Float64Array(bytes.buffer, bytes.byteOffset, count);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return Float64Array.from({ length: count }, (_, i) => view.getFloat64(i * 8, true));
}

/** Read access to a decoded page's blocks. */
export class PageView {
  /** The blocks' fields, `BLOCK_FIELDS` per block: block i's field f is at i * BLOCK_FIELDS + f. */
  readonly doubles: Float64Array;
  readonly length: number;
  constructor(bytes: Uint8Array) {
    this.length = Math.floor(bytes.byteLength / BLOCK_BYTES);
    this.doubles = doublesOf(bytes, this.length * BLOCK_FIELDS);
  }
  get(block: number, field: number): number {
    return this.doubles[block * BLOCK_FIELDS + field] as number;
  }
  row(block: number, at: "first" | "last" | "min" | "max"): SummaryRow {
    const base = at === "first" ? F.firstStep : at === "last" ? F.lastStep : at === "min" ? F.minStep : F.maxStep;
    const isNan = at === "first" ? this.get(block, F.firstIsNan) : at === "last" ? this.get(block, F.lastIsNan) : 0;
    return { step: this.get(block, base), timestamp: this.get(block, base + 1), value: this.get(block, base + 2), is_nan: isNan };
  }
}

function emptyBlock(): Float64Array {
  const b = new Float64Array(BLOCK_FIELDS);
  b[F.minStep] = NaN;
  b[F.maxStep] = NaN;
  return b;
}

/** Folds block `next` (which follows `into` in series order) into `into`. */
function mergeInto(into: Float64Array, next: Float64Array): void {
  if ((next[F.count] as number) === 0) return;
  if ((into[F.count] as number) === 0) {
    into.set(next);
    return;
  }
  into[F.count] = (into[F.count] as number) + (next[F.count] as number);
  into[F.markers] = (into[F.markers] as number) + (next[F.markers] as number);
  for (let i = 0; i < 4; i++) into[F.lastStep + i] = next[F.lastStep + i] as number;
  // Strict comparisons: on ties the earlier point (in `into`) stays, as in downsampleMinMax.
  if (!Number.isNaN(next[F.minStep]) && (Number.isNaN(into[F.minStep]) || (next[F.minValue] as number) < (into[F.minValue] as number))) {
    for (let i = 0; i < 3; i++) into[F.minStep + i] = next[F.minStep + i] as number;
  }
  if (!Number.isNaN(next[F.maxStep]) && (Number.isNaN(into[F.maxStep]) || (next[F.maxValue] as number) > (into[F.maxValue] as number))) {
    for (let i = 0; i < 3; i++) into[F.maxStep + i] = next[F.maxStep + i] as number;
  }
}

/** Folds a row (which follows the block's rows in series order) into block `b`, without allocating. */
function addRow(b: Float64Array, step: number, timestamp: number, value: number, isNan: number): void {
  if ((b[F.count] as number) === 0) {
    b[F.firstStep] = step;
    b[F.firstTimestamp] = timestamp;
    b[F.firstValue] = value;
    b[F.firstIsNan] = isNan;
  }
  b[F.count] = (b[F.count] as number) + 1;
  b[F.lastStep] = step;
  b[F.lastTimestamp] = timestamp;
  b[F.lastValue] = value;
  b[F.lastIsNan] = isNan;
  if (isNan !== 0 || Math.abs(value) >= DOUBLE_MAX) {
    b[F.markers] = (b[F.markers] as number) + 1;
    return;
  }
  if (Number.isNaN(b[F.minStep]) || value < (b[F.minValue] as number)) {
    b[F.minStep] = step;
    b[F.minTimestamp] = timestamp;
    b[F.minValue] = value;
  }
  if (Number.isNaN(b[F.maxStep]) || value > (b[F.maxValue] as number)) {
    b[F.maxStep] = step;
    b[F.maxTimestamp] = timestamp;
    b[F.maxValue] = value;
  }
}

class LevelPages {
  private readonly buffer = new Float64Array(BLOCKS_PER_PAGE * BLOCK_FIELDS);
  private used = 0;
  private next = 0;
  /** Finished pages not yet taken by `SummaryBuilder.take()`. */
  pages: SummaryPage[] = [];
  constructor(private readonly level: number) {}

  add(block: Float64Array): void {
    this.buffer.set(block, this.used * BLOCK_FIELDS);
    this.used++;
    if (this.used === BLOCKS_PER_PAGE) this.flush();
  }

  flush(): void {
    if (this.used === 0) return;
    const bytes = new Uint8Array(this.used * BLOCK_BYTES);
    const view = new DataView(bytes.buffer);
    for (let i = 0; i < this.used * BLOCK_FIELDS; i++) view.setFloat64(i * 8, this.buffer[i] as number, true);
    const firstStep = this.buffer[F.firstStep] as number;
    const lastStep = this.buffer[(this.used - 1) * BLOCK_FIELDS + F.lastStep] as number;
    this.pages.push({ level: this.level, page: this.next++, first_step: firstStep, last_step: lastStep, blocks: bytes });
    this.used = 0;
  }
}

/**
 * Builds every level of a series' summary from its rows pushed in (step, timestamp, value,
 * is_nan) order, in one pass: level 0 blocks hold 8 rows, each level-(k+1) block 8 level-k blocks.
 * Finished pages are handed out by `take()` as the pass goes, so memory stays a few pages.
 */
export class SummaryBuilder {
  private readonly open: Float64Array[] = Array.from({ length: LEVEL_COUNT }, emptyBlock);
  private readonly children = new Array<number>(LEVEL_COUNT).fill(0);
  private readonly levels = Array.from({ length: LEVEL_COUNT }, (_, k) => new LevelPages(k));
  count = 0;
  firstStep = NaN;
  lastStep = NaN;

  push(r: SummaryRow): void {
    this.pushValues(r.step, r.timestamp, r.value, r.is_nan);
  }

  /** `push` of a row given by its fields (the build pass reads tuples). */
  pushValues(step: number, timestamp: number, value: number, isNan: number): void {
    if (this.count === 0) this.firstStep = step;
    this.lastStep = step;
    this.count++;
    addRow(this.open[0] as Float64Array, step, timestamp, value, isNan);
    this.children[0] = (this.children[0] as number) + 1;
    if (this.children[0] === FANOUT) this.close(0);
  }

  /** The pages finished so far (each level's full pages), handed out once. */
  take(): SummaryPage[] {
    const out: SummaryPage[] = [];
    for (const level of this.levels) {
      out.push(...level.pages);
      level.pages = [];
    }
    return out;
  }

  private close(level: number): void {
    const block = this.open[level] as Float64Array;
    this.open[level] = emptyBlock();
    this.children[level] = 0;
    (this.levels[level] as LevelPages).add(block);
    if (level + 1 >= LEVEL_COUNT) return;
    mergeInto(this.open[level + 1] as Float64Array, block);
    this.children[level + 1] = (this.children[level + 1] as number) + 1;
    if (this.children[level + 1] === FANOUT) this.close(level + 1);
  }

  /**
   * The remaining pages of the levels worth reading: those with at least 2 blocks (a read wants ≥ 2
   * blocks per bucket). A level with a page taken before has ≥ 512 blocks, so it is always one.
   */
  finish(): SummaryPage[] {
    for (let k = 0; k < LEVEL_COUNT; k++) if ((this.children[k] as number) > 0) this.close(k);
    const out: SummaryPage[] = [];
    for (let k = 0; k < LEVEL_COUNT; k++) {
      const level = this.levels[k] as LevelPages;
      level.flush();
      if (blockSizeOf(k) * 2 <= this.count) out.push(...level.pages);
      level.pages = [];
    }
    return out;
  }
}
