import { describe, expect, it } from "vitest";
import type { Run } from "../../../core/index.js";
import { ancestorIsResult } from "./ancestor-is-result.js";

function run(experimentId: string, stage: "active" | "deleted"): Run {
  return {
    info: { run_id: "r", run_uuid: "r", run_name: "r", experiment_id: experimentId, user_id: "u", status: "FINISHED", start_time: 1, artifact_uri: "", lifecycle_stage: stage },
    data: { metrics: [], params: [], tags: [] },
    inputs: { dataset_inputs: [] },
  };
}

describe("ancestorIsResult", () => {
  const base = { experimentIds: ["1", "2"], filter: "", viewType: "ACTIVE_ONLY" } as const;
  it("counts an ancestor in a searched experiment and the shown stage as a result", () => {
    expect(ancestorIsResult(base)(run("2", "active"))).toBe(true);
    expect(ancestorIsResult(base)(run("2", "deleted"))).toBe(false);
    expect(ancestorIsResult({ ...base, viewType: "DELETED_ONLY" })(run("1", "deleted"))).toBe(true);
    expect(ancestorIsResult({ ...base, viewType: "ALL" })(run("1", "deleted"))).toBe(true);
  });
  it("never does for another experiment, or under a filter the server judges", () => {
    expect(ancestorIsResult(base)(run("3", "active"))).toBe(false);
    expect(ancestorIsResult({ ...base, filter: "metrics.loss < 1" })(run("1", "active"))).toBe(false);
    expect(ancestorIsResult({ ...base, filter: "   " })(run("1", "active"))).toBe(true);
  });
});
