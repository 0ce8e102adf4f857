import { describe, expect, it } from "vitest";
import { referenceRun } from "./reference-run.js";
import { runEntity } from "../../../test-support/generators.js";

const empty = runEntity("empty");
const paramsOnly = runEntity("params", { params: { lr: "0.1" } });
const withMetrics = runEntity("metrics", { metrics: { loss: 0.5 } });

describe("referenceRun", () => {
  it("defaults to the first run with metrics, then with params, then the first run", () => {
    expect(referenceRun([empty, paramsOnly, withMetrics], undefined)?.info.run_id).toBe("metrics");
    expect(referenceRun([empty, paramsOnly], undefined)?.info.run_id).toBe("params");
    expect(referenceRun([withMetrics, runEntity("m2", { metrics: { loss: 1 } })], undefined)?.info.run_id).toBe("metrics");
    expect(referenceRun([empty, runEntity("empty2")], undefined)?.info.run_id).toBe("empty");
    expect(referenceRun([], undefined)).toBeUndefined();
  });

  it("keeps the user's choice, even an empty run, and ignores an id that is not compared", () => {
    expect(referenceRun([empty, withMetrics], "empty")?.info.run_id).toBe("empty");
    expect(referenceRun([empty, paramsOnly, withMetrics], "params")?.info.run_id).toBe("params");
    expect(referenceRun([empty, withMetrics], "gone")?.info.run_id).toBe("metrics");
  });
});
