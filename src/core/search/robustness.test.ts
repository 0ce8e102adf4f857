import { describe, expect, it } from "vitest";
import { describeSearchPosition } from "./describe-search-position.js";
import { parseExperimentFilter, parseRunFilter } from "./parse-filter.js";
import { parseRunOrderBy } from "./parse-order-by.js";
import { SearchSyntaxError } from "./search-syntax-error.js";
import { tokenize } from "./tokenize.js";

const PIECES = [
  "metrics", "tags", "params", "attributes", "status", "run_id", "created", ".", ".", "x", "`a b`", '"k"', "'v'", "'", '"', "`",
  "=", "!=", ">", "<=", "==", "LIKE", "IN", "NOT", "IS", "NULL", "AND", "OR", "(", ")", ",", "1", "-2.5", ".5", "1e3", ";", "-",
  " ", " ", "\\", "''", "😀", "é",
];

/** Deterministic pseudo-random filters (mulberry32), so a failure can be replayed. */
function* randomFilters(count: number, seed = 42): Generator<string> {
  let state = seed;
  const random = (): number => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t ^= t + Math.imul(t ^ (t >>> 7), 61 | t);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  for (let n = 0; n < count; n++) {
    const length = 1 + Math.floor(random() * 12);
    yield Array.from({ length }, () => PIECES[Math.floor(random() * PIECES.length)] ?? "").join("");
  }
}

function onlySyntaxErrors(run: () => unknown, text: string): void {
  try {
    run();
  } catch (e) {
    if (!(e instanceof SearchSyntaxError)) throw new Error(`non-syntax error for ${JSON.stringify(text)}`, { cause: e });
    const { start, end } = e.position;
    if (!(start >= 0 && start <= end && end <= text.length)) throw new Error(`span ${start}-${end} out of range for ${JSON.stringify(text)}`, { cause: e });
  }
}

describe("robustness on arbitrary input", () => {
  it("parses or throws SearchSyntaxError with an in-range span, and the helpers never throw", () => {
    for (const text of randomFilters(1000)) {
      onlySyntaxErrors(() => parseRunFilter(text), text);
      onlySyntaxErrors(() => parseExperimentFilter(text), text);
      onlySyntaxErrors(() => parseRunOrderBy([text]), text);
      tokenize(text);
      for (let offset = 0; offset <= text.length; offset++) describeSearchPosition(text, offset);
    }
  });

  it("refuses deep nesting instead of overflowing the stack", () => {
    const text = "(".repeat(10_000);
    expect(() => parseRunFilter(text)).toThrow(SearchSyntaxError);
  });

  it("turns an overflowing number into Infinity (as Python's float does)", () => {
    expect(parseRunFilter("metrics.x < 1e309")).toMatchObject({ value: Infinity });
  });
});
