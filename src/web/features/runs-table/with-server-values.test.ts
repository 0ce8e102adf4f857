import { describe, expect, it } from "vitest";
import type { SuggestionSource } from "../search-bar/suggest.js";
import { withServerValues } from "./with-server-values.js";

describe("withServerValues", () => {
  let keyReads = 0;
  const source: SuggestionSource = {
    get keys() {
      keyReads++;
      return { params: ["lr"], metrics: [], tags: ["team"] };
    },
    valuesOf: (entity, key) => (entity === "tag" && key === "team" ? ["nlp", "vision"] : []),
  };

  it("adds the server's values of its key after the loaded ones, without repeats", () => {
    const merged = withServerValues(source, { entity: "tag", key: "team", values: ["vision", "speech", "nlp", "rare"] });
    expect(merged.valuesOf("tag", "team")).toEqual(["nlp", "vision", "speech", "rare"]);
    expect(merged.valuesOf("param", "team")).toEqual([]);
    expect(merged.valuesOf("tag", "other")).toEqual([]);
  });

  it("keeps the source as it is without an answer, and reads its keys only when asked", () => {
    expect(withServerValues(source, undefined)).toBe(source);
    const before = keyReads;
    const merged = withServerValues(source, { entity: "param", key: "lr", values: ["0.1"] });
    expect(keyReads).toBe(before);
    expect(merged.keys.tags).toEqual(["team"]);
    expect(keyReads).toBe(before + 1);
    expect(merged.valuesOf("param", "lr")).toEqual(["0.1"]);
  });
});
