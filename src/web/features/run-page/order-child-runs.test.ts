import { describe, expect, it } from "vitest";
import type { Run } from "../../../core/index.js";
import { orderChildRuns } from "./order-child-runs.js";

function run(id: string, name: string, start: number): Run {
  return {
    info: { run_id: id, run_uuid: id, run_name: name, experiment_id: "1", user_id: "u", status: "FINISHED", start_time: start, artifact_uri: "", lifecycle_stage: "active" },
    data: { metrics: [], params: [], tags: [] },
    inputs: { dataset_inputs: [] },
  };
}

const names = (runs: readonly Run[]) => orderChildRuns(runs).map((r) => r.info.run_name || r.info.run_id);

describe("orderChildRuns", () => {
  it("lists children oldest first", () => {
    expect(names([run("a", "child-2", 30), run("b", "child-0", 10), run("c", "child-1", 20)])).toEqual(["child-0", "child-1", "child-2"]);
  });

  it("breaks start-time ties by name, naturally, then by run id", () => {
    expect(names([run("a", "child-10", 5), run("b", "child-2", 5), run("c", "child-1", 5)])).toEqual(["child-1", "child-2", "child-10"]);
    expect(orderChildRuns([run("y", "same", 5), run("x", "same", 5)]).map((r) => r.info.run_id)).toEqual(["x", "y"]);
  });

  it("falls back to the run id for an unnamed run and leaves its input alone", () => {
    const input = [run("z2", "", 1), run("z10", "", 1)];
    expect(names(input)).toEqual(["z2", "z10"]);
    expect(input.map((r) => r.info.run_id)).toEqual(["z2", "z10"]);
  });
});
