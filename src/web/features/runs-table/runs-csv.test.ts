import { describe, expect, it } from "vitest";
import type { Run } from "../../../core/index.js";
import { toCsv } from "../compare-runs/csv.js";
import { runsCsvRows, runsToExport } from "./runs-csv.js";

function run(id: string, extra: { params?: [string, string][]; metrics?: [string, number][]; tags?: [string, string][]; end?: number; status?: string } = {}): Run {
  return {
    info: { run_id: id, run_name: `name-${id}`, experiment_id: "7", status: extra.status ?? "FINISHED", start_time: 1_700_000_000_000, ...(extra.end ? { end_time: extra.end } : {}), lifecycle_stage: "active", user_id: "" },
    data: {
      params: (extra.params ?? []).map(([key, value]) => ({ key, value })),
      metrics: (extra.metrics ?? []).map(([key, value]) => ({ key, value, timestamp: 0, step: 0 })),
      tags: [{ key: "mlflow.user", value: "ana" }, { key: "mlflow.source.name", value: "/src/train.py" }, ...(extra.tags ?? []).map(([key, value]) => ({ key, value }))],
    },
  } as unknown as Run;
}

describe("runsCsvRows", () => {
  it("has the fixed columns, then every param, metric and tag key seen, empty where a run lacks one", () => {
    const rows = runsCsvRows([
      run("a", { params: [["lr", "0.1"]], metrics: [["loss", 0.25]], end: 1_700_000_090_500 }),
      run("b", { metrics: [["acc", 0.9]], tags: [["team", "nlp"]], status: "RUNNING" }),
    ]);
    expect(rows[0]).toEqual([
      "run_id",
      "name",
      "experiment_id",
      "status",
      "user",
      "start_time",
      "end_time",
      "duration_s",
      "source",
      "params.lr",
      "metrics.acc",
      "metrics.loss",
      "tags.team",
      "tags.mlflow.source.name",
      "tags.mlflow.user",
    ]);
    expect(rows[1]).toEqual(["a", "name-a", "7", "FINISHED", "ana", "2023-11-14T22:13:20.000Z", "2023-11-14T22:14:50.500Z", 90.5, "/src/train.py", "0.1", undefined, 0.25, undefined, "/src/train.py", "ana"]);
    expect(rows[2]?.slice(3, 8)).toEqual(["RUNNING", "ana", "2023-11-14T22:13:20.000Z", undefined, undefined]);
  });

  it("escapes and defuses what it writes (RFC 4180, no formulas)", () => {
    const csv = toCsv(runsCsvRows([run("a", { params: [["note", '=HYPERLINK("x"), "quoted"\nline']], metrics: [["delta", -0.5]] })]));
    const [, line] = csv.split("\r\n");
    expect(line).toContain(`"'=HYPERLINK(""x""), ""quoted""\nline"`);
    expect(line).toContain(",-0.5,");
  });
});

describe("runsToExport", () => {
  const loaded = [run("a"), run("b"), run("c")];
  it("takes every loaded run, or only the selected ones in table order", () => {
    expect(runsToExport(loaded, []).map((r) => r.info.run_id)).toEqual(["a", "b", "c"]);
    expect(runsToExport(loaded, ["c", "a", "zz"]).map((r) => r.info.run_id)).toEqual(["a", "c"]);
  });
});
