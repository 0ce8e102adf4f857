import { describe, expect, it } from "vitest";
import { runEntity } from "../../../test-support/generators.js";
import { metricKeysOf } from "./use-chart-runs.js";

describe("metricKeysOf", () => {
  it("lists each key the runs logged once, in natural order", () => {
    const runs = [runEntity("a", { metrics: { m10: 1, loss: 2, m2: 3 } }), runEntity("b", { metrics: { loss: 1, acc: 0.5 } }), runEntity("c")];
    expect(metricKeysOf(runs)).toEqual(["acc", "loss", "m2", "m10"]);
    expect(metricKeysOf([])).toEqual([]);
  });
});
