import { describe, expect, it } from "vitest";
import type { Run } from "../../../core/index.js";
import { buildColumns, collectKeys, dataColumn, dataValue, nextSort, orderByClause, parseColumnId } from "./column-model.js";

const run = (id: string, data: Partial<Run["data"]>): Run => ({
  info: { run_id: id, run_uuid: id, run_name: id, experiment_id: "1", user_id: "u", status: "FINISHED", start_time: 1, artifact_uri: "", lifecycle_stage: "active" },
  data: { metrics: [], params: [], tags: [], ...data },
  inputs: { dataset_inputs: [] },
});

describe("column ids", () => {
  it("split at the first dot, as MLflow reads identifiers", () => {
    expect(parseColumnId("metrics.val.loss")).toEqual({ group: "metrics", key: "val.loss" });
    expect(parseColumnId("tags.mlflow.runName")).toEqual({ group: "tags", key: "mlflow.runName" });
    expect(parseColumnId("params.learning rate")).toEqual({ group: "params", key: "learning rate" });
  });
  it("reject unknown groups and empty keys", () => {
    expect(parseColumnId("foo.bar")).toBeUndefined();
    expect(parseColumnId("metrics.")).toBeUndefined();
    expect(parseColumnId("metrics")).toBeUndefined();
    expect(dataColumn("attributes.status")).toBeUndefined();
  });
});

describe("order_by clauses", () => {
  it("quote data keys with backticks", () => {
    expect(orderByClause({ columnId: "metrics.loss", direction: "ASC" })).toBe("metrics.`loss` ASC");
    expect(orderByClause({ columnId: "params.lr", direction: "DESC" })).toBe("params.`lr` DESC");
    expect(orderByClause({ columnId: "tags.x y", direction: "ASC" })).toBe("tags.`x y` ASC");
    expect(orderByClause({ columnId: "metrics.a`b", direction: "ASC" })).toBe('metrics."a`b" ASC');
  });
  it("use attribute names for attributes, and the source tag for Source", () => {
    expect(orderByClause({ columnId: "attributes.start_time", direction: "DESC" })).toBe("attributes.start_time DESC");
    expect(orderByClause({ columnId: "attributes.run_name", direction: "ASC" })).toBe("attributes.run_name ASC");
    expect(orderByClause({ columnId: "attributes.source", direction: "ASC" })).toBe("tags.`mlflow.source.name` ASC");
  });
  it("refuse what the server cannot sort", () => {
    expect(orderByClause({ columnId: "attributes.duration", direction: "ASC" })).toBeUndefined();
    expect(orderByClause(undefined)).toBeUndefined();
  });
});

describe("nextSort", () => {
  const loss = dataColumn("metrics.loss");
  it("cycles ascending → descending → default", () => {
    if (!loss) throw new Error("no column");
    const a = nextSort(undefined, loss);
    expect(a).toEqual({ columnId: "metrics.loss", direction: "ASC" });
    const b = nextSort(a, loss);
    expect(b).toEqual({ columnId: "metrics.loss", direction: "DESC" });
    expect(nextSort(b, loss)).toBeUndefined();
  });
});

describe("buildColumns", () => {
  it("adds chosen data columns after the attributes and ignores bad ids", () => {
    const ids = buildColumns(["metrics.loss", "nonsense", "params.lr"], false).map((c) => c.id);
    expect(ids.slice(-2)).toEqual(["metrics.loss", "params.lr"]);
    expect(ids).not.toContain("nonsense");
    expect(ids).not.toContain("attributes.experiment_id");
    expect(buildColumns([], true).map((c) => c.id)).toContain("attributes.experiment_id");
  });
});

describe("collectKeys and dataValue", () => {
  const runs = [
    run("a", { metrics: [{ key: "loss", value: 0.5, step: 1, timestamp: 1 }], params: [{ key: "lr", value: "0.1" }], tags: [{ key: "mlflow.user", value: "x" }] }),
    run("b", { metrics: [{ key: "acc", value: 0.9, step: 1, timestamp: 1 }], tags: [{ key: "team", value: "vision" }] }),
  ];
  it("collects sorted keys with system tags last", () => {
    expect(collectKeys(runs)).toEqual({ params: ["lr"], metrics: ["acc", "loss"], tags: ["team", "mlflow.user"] });
  });
  it("reads a run's value per group", () => {
    expect(dataValue(runs[0] as Run, "metrics", "loss")).toBe(0.5);
    expect(dataValue(runs[0] as Run, "params", "lr")).toBe("0.1");
    expect(dataValue(runs[1] as Run, "tags", "team")).toBe("vision");
    expect(dataValue(runs[1] as Run, "params", "lr")).toBeUndefined();
  });
});
