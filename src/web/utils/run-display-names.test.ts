import { describe, expect, it } from "vitest";
import { runDisplayNames, runsWithSharedNames } from "./run-display-names.js";

const names = (runs: Parameters<typeof runDisplayNames>[0]): string[] => {
  const map = runDisplayNames(runs);
  return runs.map((r) => map.get(r.runId) ?? "?");
};

describe("runDisplayNames", () => {
  it("keeps names no other run has", () => {
    expect(names([{ runId: "a1", runName: "alpha" }, { runId: "b2", runName: "beta", parentName: "sweep" }])).toEqual(["alpha", "beta"]);
  });

  it("adds the parent's name where it tells same-named runs apart", () => {
    const runs = [
      { runId: "aaaaaaaa11", runName: "seed-0", parentName: "sweep-lr" },
      { runId: "bbbbbbbb22", runName: "seed-0", parentName: "sweep-wd" },
      { runId: "cccccccc33", runName: "seed-1", parentName: "sweep-lr" },
    ];
    expect(names(runs)).toEqual(["seed-0 · sweep-lr", "seed-0 · sweep-wd", "seed-1"]);
  });

  it("adds a short run id where the parent does not tell them apart, or is unknown", () => {
    const runs = [
      { runId: "a1b2c3d4e5", runName: "seed-0", parentName: "sweep" },
      { runId: "f6a7b8c9d0", runName: "seed-0", parentName: "sweep" },
      { runId: "0123456789", runName: "seed-0" },
      { runId: "9876543210", runName: "seed-0", parentName: "other" },
    ];
    expect(names(runs)).toEqual(["seed-0 · a1b2c3", "seed-0 · f6a7b8", "seed-0 · 012345", "seed-0 · other"]);
  });

  it("lengthens the id prefix until it differs", () => {
    expect(names([{ runId: "abcdef01", runName: "x" }, { runId: "abcdef02", runName: "x" }])).toEqual(["x · abcdef01", "x · abcdef02"]);
  });

  it("does not take a name that another run has", () => {
    const runs = [
      { runId: "111111aa", runName: "seed-0", parentName: "p" },
      { runId: "222222bb", runName: "seed-0", parentName: "q" },
      { runId: "333333cc", runName: "seed-0 · p" },
    ];
    expect(names(runs)).toEqual(["seed-0 · 111111", "seed-0 · q", "seed-0 · p"]);
  });

  it("gives every run a name unique in the set, whatever the order", () => {
    const runs = Array.from({ length: 60 }, (_, i) => ({ runId: `${(i * 7919).toString(16).padStart(8, "0")}${i}`, runName: `seed-${i % 4}`, parentName: i % 3 ? `sweep-${i % 5}` : undefined }));
    const forward = runDisplayNames(runs);
    expect(new Set(forward.values()).size).toBe(runs.length);
    expect(runDisplayNames([...runs].reverse())).toEqual(forward);
  });

  it("lists a run given twice once", () => {
    expect([...runDisplayNames([{ runId: "a", runName: "x" }, { runId: "a", runName: "x" }])]).toEqual([["a", "x"]]);
  });
});

describe("runsWithSharedNames", () => {
  it("lists the runs whose name another run has", () => {
    expect(
      runsWithSharedNames([
        { runId: "a", runName: "seed-0" },
        { runId: "b", runName: "seed-1" },
        { runId: "c", runName: "seed-0" },
        { runId: "a", runName: "seed-0" },
      ]),
    ).toEqual(["a", "c"]);
    expect(runsWithSharedNames([{ runId: "a", runName: "x" }])).toEqual([]);
  });
});
