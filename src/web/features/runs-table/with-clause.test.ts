import { describe, expect, it } from "vitest";
import { withClause } from "./with-clause.js";

describe("withClause", () => {
  it("starts or extends a filter", () => {
    expect(withClause("", "tags.`team` = 'nlp'")).toBe("tags.`team` = 'nlp'");
    expect(withClause("metrics.loss < 1", "params.`lr` = '0.1'")).toBe("metrics.loss < 1 AND params.`lr` = '0.1'");
  });
  it("does not add a clause the filter already requires, however it is written", () => {
    expect(withClause("tags.`team` = 'nlp'", "tags.`team` = 'nlp'")).toBe("tags.`team` = 'nlp'");
    expect(withClause("metrics.loss < 1 AND tags.team = 'nlp'", "tags.`team` = 'nlp'")).toBe("metrics.loss < 1 AND tags.team = 'nlp'");
  });
  it("adds it when the filter only allows it (OR, bracketed so the clause narrows all of it) or asks for another value", () => {
    expect(withClause("tags.team = 'nlp' OR tags.team = 'cv'", "tags.`team` = 'nlp'")).toBe("(tags.team = 'nlp' OR tags.team = 'cv') AND tags.`team` = 'nlp'");
    expect(withClause("tags.team = 'cv'", "tags.`team` = 'nlp'")).toBe("tags.team = 'cv' AND tags.`team` = 'nlp'");
  });
});
