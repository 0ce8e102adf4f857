import { describe, expect, it } from "vitest";
import { parallelLine } from "./parallel-line.js";

const at = (x: number, y: number) => ({ x, y });

describe("parallelLine", () => {
  it("draws a run with every value as one solid path", () => {
    expect(parallelLine([at(0, 1), at(10, 2.25), at(20, 3)])).toEqual({ solid: "M0,1L10,2.3L20,3", bridge: "", dot: undefined, missing: [] });
  });

  it("bridges a missing value from the value before it to the value after it", () => {
    const line = parallelLine([at(0, 1), at(10, 2), undefined, at(30, 4), at(40, 5)]);
    expect(line.solid).toBe("M0,1L10,2M30,4L40,5");
    expect(line.bridge).toBe("M10,2L30,4");
    expect(line.missing).toEqual([2]);
    expect(line.dot).toBeUndefined();
  });

  it("keeps a run whose every other value is missing, which lifting the pen erased", () => {
    const line = parallelLine([at(0, 1), undefined, at(20, 3), undefined, at(40, 5)]);
    expect(line.solid).toBe("");
    expect(line.bridge).toBe("M0,1L20,3L40,5");
    expect(line.missing).toEqual([1, 3]);
  });

  it("bridges several missing axes at once and draws nothing past the first or last value", () => {
    const line = parallelLine([undefined, at(10, 2), undefined, undefined, at(40, 5), undefined]);
    expect(line).toEqual({ solid: "", bridge: "M10,2L40,5", dot: undefined, missing: [0, 2, 3, 5] });
  });

  it("marks a run with a single value with a dot, and one with none with nothing", () => {
    expect(parallelLine([undefined, at(10, 2), undefined])).toEqual({ solid: "", bridge: "", dot: at(10, 2), missing: [0, 2] });
    expect(parallelLine([at(5, 5)]).dot).toEqual(at(5, 5));
    expect(parallelLine([undefined, undefined])).toEqual({ solid: "", bridge: "", dot: undefined, missing: [0, 1] });
  });
});
