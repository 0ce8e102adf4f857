import { describe, expect, it } from "vitest";
import type { Run } from "../../../core/index.js";
import { defaultMetricColumns } from "./default-columns.js";

const run = (...keys: string[]) => ({ info: {}, data: { params: [], tags: [], metrics: keys.map((key) => ({ key, value: 1, timestamp: 0, step: 0 })) } }) as unknown as Run;

describe("defaultMetricColumns", () => {
  it("takes the metrics most runs log, shown in key order", () => {
    const runs = [run("loss", "acc", "lr_peak"), run("loss", "acc"), run("loss", "acc", "f1"), run("loss", "zeta"), run("zeta")];
    expect(defaultMetricColumns(runs, 3)).toEqual(["metrics.acc", "metrics.loss", "metrics.zeta"]);
  });
  it("breaks ties by natural key order and is empty without metrics", () => {
    expect(defaultMetricColumns([run("m10", "m2", "m1")], 2)).toEqual(["metrics.m1", "metrics.m2"]);
    expect(defaultMetricColumns([run()])).toEqual([]);
  });
});
