import { describe, expect, it } from "vitest";
import { BLOCK_FIELDS, PageView } from "./metric-summary-blocks.js";
import { SummaryMemory } from "./summary-memory.js";

/** A page of `blocks` blocks (its bytes are what the memory counts). */
const page = (blocks: number): PageView => new PageView(new Uint8Array(blocks * BLOCK_FIELDS * 8));
const BLOCK_BYTES = BLOCK_FIELDS * 8;
const nan = { step: 3, timestamp: 10, value: 0, is_nan: 1 };

describe("SummaryMemory", () => {
  it("gives back a level and the markers only for the point count they were remembered with", () => {
    const memory = new SummaryMemory(100 * BLOCK_BYTES);
    const pages = [page(4), page(2)];
    memory.rememberLevel("r", "loss", 1000, 0, pages);
    memory.rememberMarkers("r", "loss", 1000, [nan]);
    expect(memory.level("r", "loss", 1000, 0)).toBe(pages);
    expect(memory.level("r", "loss", 1000, 1)).toBeUndefined();
    expect(memory.level("r", "acc", 1000, 0)).toBeUndefined();
    expect(memory.markers("r", "loss", 1000)).toEqual([nan]);
    // A write moved the count: the entry is dropped, also for the old count afterwards.
    expect(memory.level("r", "loss", 1001, 0)).toBeUndefined();
    expect(memory.level("r", "loss", 1000, 0)).toBeUndefined();
    expect(memory.markers("r", "loss", 1000)).toBeUndefined();
    expect(memory.size).toBe(0);
  });

  it("holds at most its bytes, dropping the least recently used series first", () => {
    const memory = new SummaryMemory(10 * BLOCK_BYTES);
    memory.rememberLevel("a", "m", 1, 0, [page(4)]);
    memory.rememberLevel("b", "m", 1, 0, [page(4)]);
    expect(memory.level("a", "m", 1, 0)).toBeDefined(); // a is now the most recent
    memory.rememberLevel("c", "m", 1, 0, [page(4)]);
    expect(memory.level("b", "m", 1, 0)).toBeUndefined();
    expect(memory.level("a", "m", 1, 0)).toBeDefined();
    expect(memory.level("c", "m", 1, 0)).toBeDefined();
    expect(memory.size).toBe(8 * BLOCK_BYTES);
    // A level larger than the whole budget is not held at all.
    memory.rememberLevel("d", "m", 1, 0, [page(11)]);
    expect(memory.level("d", "m", 1, 0)).toBeUndefined();
    expect(memory.size).toBe(8 * BLOCK_BYTES);
  });

  it("replaces a level remembered again without counting it twice", () => {
    const memory = new SummaryMemory(100 * BLOCK_BYTES);
    memory.rememberLevel("a", "m", 5, 1, [page(3)]);
    memory.rememberLevel("a", "m", 5, 1, [page(2)]);
    memory.rememberLevel("a", "m", 5, 0, [page(6)]);
    expect(memory.size).toBe(8 * BLOCK_BYTES);
  });
});
