import { describe, expect, it } from "vitest";
import type { Run } from "../../../core/index.js";
import { suggestionSource } from "./suggestion-source.js";

const run = (id: string, data: Partial<Run["data"]>): Run => ({
  info: { run_id: id, run_uuid: id, run_name: id, experiment_id: "1", user_id: "u", status: "FINISHED", start_time: 1, artifact_uri: "", lifecycle_stage: "active" },
  data: { metrics: [], params: [], tags: [], ...data },
  inputs: { dataset_inputs: [] },
});

/** The runs, each counting how often its data is read. */
function counted(runs: Run[]): { runs: Run[]; reads: () => number } {
  let reads = 0;
  const wrapped = runs.map((r) => ({
    ...r,
    get data() {
      reads++;
      return r.data;
    },
  }));
  return { runs: wrapped, reads: () => reads };
}

describe("suggestionSource", () => {
  const runs = [
    run("a", { params: [{ key: "lr", value: "0.1" }], tags: [{ key: "team", value: "nlp" }, { key: "mlflow.user", value: "x" }] }),
    run("b", { params: [{ key: "lr", value: "0.2" }], metrics: [{ key: "loss", value: 1, step: 0, timestamp: 1 }], tags: [{ key: "team", value: "nlp" }] }),
    run("c", { params: [{ key: "lr", value: "0.2" }, { key: "Batch", value: "8" }], tags: [{ key: "team", value: "cv" }] }),
  ];

  it("reads no run until the keys are asked for, then collects them once", () => {
    const { runs: watched, reads } = counted(runs);
    const source = suggestionSource(watched);
    expect(reads()).toBe(0);
    expect(source.keys).toEqual({ params: ["Batch", "lr"], metrics: ["loss"], tags: ["team", "mlflow.user"] });
    const afterFirst = reads();
    expect(afterFirst).toBeGreaterThan(0);
    expect(source.keys).toBe(source.keys);
    expect(reads()).toBe(afterFirst);
  });

  it("suggests the values of a key, most frequent first", () => {
    const source = suggestionSource(runs);
    expect(source.valuesOf("tag", "team")).toEqual(["nlp", "cv"]);
    expect(source.valuesOf("param", "lr")).toEqual(["0.2", "0.1"]);
    expect(source.valuesOf("param", "missing")).toEqual([]);
  });
});
