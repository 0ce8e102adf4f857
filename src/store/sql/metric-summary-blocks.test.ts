import { describe, expect, it } from "vitest";
import { BLOCKS_PER_PAGE, blockSizeOf, F, isMarkerRow, PageView, SummaryBuilder, type SummaryPage, type SummaryRow } from "./metric-summary-blocks.js";
import { DOUBLE_MAX } from "./row-mappers.js";

/** `n` rows in series order: a few share a step, values repeat (ties), NaN and ±DBL_MAX markers sprinkled. */
function rows(n: number): SummaryRow[] {
  let state = 7;
  const next = (): number => (state = (Math.imul(state, 1664525) + 1013904223) >>> 0) / 2 ** 32;
  return Array.from({ length: n }, (_, i) => {
    const step = Math.floor(i / 3) * 2;
    const r = next();
    if (r < 0.01) return { step, timestamp: 1000 + i, value: 0, is_nan: 1 };
    if (r < 0.015) return { step, timestamp: 1000 + i, value: r < 0.0125 ? DOUBLE_MAX : -DOUBLE_MAX, is_nan: 0 };
    return { step, timestamp: 1000 + i, value: Math.round(next() * 50), is_nan: 0 };
  });
}

function build(input: readonly SummaryRow[], takeEvery = 0): SummaryPage[] {
  const builder = new SummaryBuilder();
  const pages: SummaryPage[] = [];
  input.forEach((r, i) => {
    builder.push(r);
    if (takeEvery > 0 && i % takeEvery === 0) pages.push(...builder.take());
  });
  pages.push(...builder.finish());
  expect(builder.count).toBe(input.length);
  return pages;
}

const point = (r: SummaryRow): number[] => [r.step, r.timestamp, r.value];

describe("SummaryBuilder", () => {
  it.each([0, 997])("each level's blocks summarise exactly their slice of the rows (pages taken every %i rows)", (takeEvery) => {
    const input = rows(40_000);
    const pages = build(input, takeEvery);
    for (let level = 0; blockSizeOf(level) * 2 <= input.length; level++) {
      const size = blockSizeOf(level);
      const ofLevel = pages.filter((p) => p.level === level).sort((a, b) => a.page - b.page);
      expect(ofLevel.map((p) => p.page)).toEqual(ofLevel.map((_, i) => i));
      let block = 0;
      for (const page of ofLevel) {
        const view = new PageView(page.blocks);
        expect(view.length).toBeLessThanOrEqual(BLOCKS_PER_PAGE);
        expect(page.first_step).toBe(view.get(0, F.firstStep));
        expect(page.last_step).toBe(view.get(view.length - 1, F.lastStep));
        for (let i = 0; i < view.length; i++, block++) {
          const slice = input.slice(block * size, (block + 1) * size);
          const finite = slice.filter((r) => !isMarkerRow(r));
          expect(view.get(i, F.count)).toBe(slice.length);
          expect(view.get(i, F.markers)).toBe(slice.length - finite.length);
          expect(view.row(i, "first")).toEqual(slice[0]);
          expect(view.row(i, "last")).toEqual(slice[slice.length - 1]);
          // The first row with the smallest (largest) value, as downsampleMinMax picks on ties.
          const min = finite.reduce<SummaryRow | undefined>((a, r) => (a === undefined || r.value < a.value ? r : a), undefined);
          const max = finite.reduce<SummaryRow | undefined>((a, r) => (a === undefined || r.value > a.value ? r : a), undefined);
          if (min && max) {
            expect(point(view.row(i, "min"))).toEqual(point(min));
            expect(point(view.row(i, "max"))).toEqual(point(max));
          } else expect(view.get(i, F.minStep)).toBeNaN();
        }
      }
      expect(block, `level ${level} covers every row`).toBe(Math.ceil(input.length / size));
    }
    expect(pages.some((p) => blockSizeOf(p.level) * 2 > input.length)).toBe(false);
  });

  it("a block of markers only has no min or max; an empty series has no pages", () => {
    const nan = Array.from({ length: 16 }, (_, i): SummaryRow => ({ step: i, timestamp: i, value: 0, is_nan: 1 }));
    const [first] = build(nan);
    const view = new PageView((first as SummaryPage).blocks);
    expect([view.get(0, F.count), view.get(0, F.markers), view.get(0, F.minStep), view.get(0, F.maxStep)]).toEqual([8, 8, NaN, NaN]);
    expect(build([])).toEqual([]);
  });

  it("reads a page the same from a blob at any byte offset (SQLite hands blobs back unaligned at times)", () => {
    const rows = Array.from({ length: 64 }, (_, i): SummaryRow => ({ step: i, timestamp: 1000 + i, value: Math.sin(i) * 1e10, is_nan: 0 }));
    const [page] = build(rows);
    const blocks = (page as SummaryPage).blocks;
    const shifted = new Uint8Array(blocks.byteLength + 3);
    shifted.set(blocks, 3);
    const aligned = new PageView(blocks);
    const unaligned = new PageView(shifted.subarray(3));
    expect(unaligned.length).toBe(aligned.length);
    for (let b = 0; b < aligned.length; b++) for (const field of Object.values(F)) expect(unaligned.get(b, field)).toBe(aligned.get(b, field));
    expect(unaligned.row(0, "max")).toEqual(aligned.row(0, "max"));
  });
});
