import { describe, expect, it } from "vitest";
import { parseRunFilter } from "../../../core/search/index.js";
import { closest, filterKeyHints } from "./filter-key-hints.js";

const keys = { metrics: ["loss", "val_loss", "accuracy"], params: ["lr", "optimizer"], tags: ["team", "mlflow.runName", "my tag"] };
const hints = (filter: string) => {
  const node = parseRunFilter(filter);
  if (!node) throw new Error("no filter");
  return filterKeyHints(node, keys);
};

describe("filterKeyHints", () => {
  it("names a metric, param or tag no run has, with the closest one they have", () => {
    expect(hints("metrics.los < 1")).toEqual([{ written: "metrics.los", meant: "metrics.loss" }]);
    expect(hints("params.optimiser = 'adam' AND tags.Team = 'nlp'")).toEqual([
      { written: "params.optimiser", meant: "params.optimizer" },
      { written: "tags.Team", meant: "tags.team" },
    ]);
    expect(hints("tags.`my tga` = 'x'")).toEqual([{ written: "tags.`my tga`", meant: "tags.`my tag`" }]);
  });

  it("offers nothing when no name is close, and says nothing of names the runs have", () => {
    expect(hints("metrics.throughput > 3")).toEqual([{ written: "metrics.throughput", meant: undefined }]);
    expect(hints("metrics.loss < 1 AND params.lr = '0.1' AND tags.team = 'x'")).toEqual([]);
  });

  it("leaves a clause asking for an absent key alone, and reads inside OR and parentheses", () => {
    expect(hints("tags.reviewed IS NULL")).toEqual([]);
    expect(hints("(metrics.acuracy > 0.9 OR metrics.loss < 1) AND metrics.acuracy < 1")).toEqual([{ written: "metrics.acuracy", meant: "metrics.accuracy" }]);
  });

  it("names a run status that does not exist, with the one meant", () => {
    expect(hints("attributes.status = 'RUNING'")).toEqual([{ written: "attributes.status = 'RUNING'", meant: "attributes.status = 'RUNNING'" }]);
    expect(hints("attributes.status = 'FINISHED'")).toEqual([]);
  });
});

describe("closest", () => {
  it("allows about a third of the name's length in edits, at least two", () => {
    expect(closest("los", ["loss"])).toBe("loss");
    expect(closest("ab", ["xy"])).toBe("xy");
    expect(closest("abc", ["xyz"])).toBeUndefined();
    expect(closest("validation_los", ["validation_loss", "loss"])).toBe("validation_loss");
    expect(closest("anything", [])).toBeUndefined();
  });
});
