import { describe, expect, it } from "vitest";
import { SystemTags, type Run } from "../../../core/index.js";
import { searchDependsOnRunName, withRunName } from "./with-run-name.js";

const run: Run = {
  info: {
    run_id: "r1",
    run_uuid: "r1",
    run_name: "old",
    experiment_id: "1",
    user_id: "me",
    status: "FINISHED",
    start_time: 1,
    end_time: 2,
    artifact_uri: "",
    lifecycle_stage: "active",
  },
  data: { metrics: [], params: [], tags: [{ key: SystemTags.RUN_NAME, value: "old" }, { key: "team", value: "nlp" }] },
  inputs: { dataset_inputs: [] },
};

describe("withRunName", () => {
  it("renames the run and its mlflow.runName tag together, leaving other tags alone", () => {
    const renamed = withRunName(run, "new");
    expect(renamed.info.run_name).toBe("new");
    expect(renamed.data.tags).toContainEqual({ key: SystemTags.RUN_NAME, value: "new" });
    expect(renamed.data.tags).toContainEqual({ key: "team", value: "nlp" });
    expect(renamed.data.tags.filter((t) => t.key === SystemTags.RUN_NAME)).toHaveLength(1);
    expect(run.info.run_name).toBe("old");
  });
});

describe("searchDependsOnRunName", () => {
  const search = (filter: string, orderBy?: string) => ({ experimentIds: ["1"], filter, orderBy, viewType: "ACTIVE_ONLY" as const });
  it("is true for searches that filter or sort by the name, however they spell it", () => {
    expect(searchDependsOnRunName(search("attributes.run_name LIKE 'a%'"))).toBe(true);
    expect(searchDependsOnRunName(search("tags.`mlflow.runName` = 'x'"))).toBe(true);
    expect(searchDependsOnRunName(search("", "attributes.run_name ASC"))).toBe(true);
  });
  it("is false for searches the name cannot change", () => {
    expect(searchDependsOnRunName(search("metrics.loss < 1", "metrics.`loss` ASC"))).toBe(false);
    expect(searchDependsOnRunName(search(""))).toBe(false);
  });
});
