import { describe, expect, it } from "vitest";
import type { Run } from "../../../core/index.js";
import { withDisplayNames } from "./with-display-names.js";

const run = (id: string, name: string, parent?: string): Run => ({
  info: { run_id: id, run_uuid: id, run_name: name, experiment_id: "1", user_id: "", status: "FINISHED", start_time: 0, artifact_uri: "", lifecycle_stage: "active" },
  data: { metrics: [], params: [], tags: parent ? [{ key: "mlflow.parentRunId", value: parent }] : [] },
  inputs: { dataset_inputs: [] },
});

describe("withDisplayNames", () => {
  it("keeps unique names, and the same run objects for them", () => {
    const runs = [run("a1", "alpha"), run("b1", "beta")];
    const out = withDisplayNames(runs);
    expect(out[0]).toBe(runs[0]);
    expect(out[1]).toBe(runs[1]);
  });

  it("tells same-named runs apart by a compared parent's name, else by a short id, in the given order", () => {
    const runs = [run("p1", "sweep-a"), run("p2", "sweep-b"), run("c1aaaaaa", "seed-0", "p1"), run("c2bbbbbb", "seed-0", "p2"), run("x1cccccc", "lone"), run("x2dddddd", "lone")];
    expect(withDisplayNames(runs).map((r) => r.info.run_name)).toEqual(["sweep-a", "sweep-b", "seed-0 · sweep-a", "seed-0 · sweep-b", "lone · x1cccc", "lone · x2dddd"]);
  });
});
