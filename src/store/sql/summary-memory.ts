import type { PageView, SummaryRow } from "./metric-summary-blocks.js";

interface Entry {
  pointCount: number;
  levels: Map<number, PageView[]>;
  /** Every NaN/±Infinity row of the series, in series order, once a read has fetched them. */
  markers?: SummaryRow[] | undefined;
  bytes: number;
}

/** Bytes of level blocks held: 100 series of 10k points at 1,000 points each take 16 MiB. */
export const SUMMARY_MEMORY_BYTES = 32 * 2 ** 20;

/**
 * The whole levels (and marker rows) of recently read summaries, so a chart that re-reads the same
 * series does not copy their blocks out of SQLite again: ~160 KB per 10k-point series at 1,000
 * points, most of the read's time, and the page reads evict the index pages the other queries need.
 *
 * An entry is valid for the point count its summary was built from and is dropped as soon as a
 * read sees another count: metrics rows are insert-only, so the count names the series' rows and
 * a summary is a function of them (the persistent cache's own freshness rule, metric-summary-cache.ts).
 * Least recently used entries go first past `maxBytes`.
 */
export class SummaryMemory {
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;
  constructor(private readonly maxBytes = SUMMARY_MEMORY_BYTES) {}

  /** The level's pages of the series' summary of `pointCount` points, if held. */
  level(runId: string, key: string, pointCount: number, level: number): PageView[] | undefined {
    return this.entry(runId, key, pointCount)?.levels.get(level);
  }

  markers(runId: string, key: string, pointCount: number): SummaryRow[] | undefined {
    return this.entry(runId, key, pointCount)?.markers;
  }

  rememberLevel(runId: string, key: string, pointCount: number, level: number, pages: PageView[]): void {
    const size = pages.reduce((n, page) => n + page.doubles.byteLength, 0);
    if (size > this.maxBytes) return;
    const entry = this.entryFor(runId, key, pointCount);
    const previous = entry.levels.get(level);
    if (previous) this.resize(entry, -previous.reduce((n, page) => n + page.doubles.byteLength, 0));
    entry.levels.set(level, pages);
    this.resize(entry, size);
    this.evict();
  }

  rememberMarkers(runId: string, key: string, pointCount: number, rows: SummaryRow[]): void {
    const entry = this.entryFor(runId, key, pointCount);
    if (entry.markers) this.resize(entry, -entry.markers.length * MARKER_BYTES);
    entry.markers = rows;
    this.resize(entry, rows.length * MARKER_BYTES);
    this.evict();
  }

  get size(): number {
    return this.bytes;
  }

  private entry(runId: string, key: string, pointCount: number): Entry | undefined {
    const id = idOf(runId, key);
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    this.entries.delete(id);
    if (entry.pointCount !== pointCount) {
      this.bytes -= entry.bytes;
      return undefined;
    }
    this.entries.set(id, entry); // most recently used last
    return entry;
  }

  private entryFor(runId: string, key: string, pointCount: number): Entry {
    const existing = this.entry(runId, key, pointCount);
    if (existing) return existing;
    const entry: Entry = { pointCount, levels: new Map(), bytes: 0 };
    this.entries.set(idOf(runId, key), entry);
    return entry;
  }

  private resize(entry: Entry, delta: number): void {
    entry.bytes += delta;
    this.bytes += delta;
  }

  private evict(): void {
    for (const [id, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) return;
      this.entries.delete(id);
      this.bytes -= entry.bytes;
    }
  }
}

/** A marker row held in memory, roughly. */
const MARKER_BYTES = 64;
const idOf = (runId: string, key: string): string => `${runId}\u0000${key}`;
