import { describe, expect, it } from "vitest";
import { unopenableReason } from "./unopenable-reason.js";

describe("unopenableReason", () => {
  it("lets ordinary names through, odd characters and a bare % included", () => {
    for (const path of ["a.txt", "model/MLmodel", "eval results/a b+c&d?.txt", "größe 📈.txt", "100%.txt", "50% done/x", "a%zz.txt"]) {
      expect(unopenableReason(path), path).toBeUndefined();
    }
  });

  it("explains a # anywhere in the path", () => {
    expect(unopenableReason("a#b.txt")).toMatch(/“#”/);
    expect(unopenableReason("run#1/metrics.json")).toMatch(/“#”/);
  });

  it("explains a percent escape, naming what the server would read it as", () => {
    expect(unopenableReason("x%41.txt")).toMatch(/“%41” in an artifact path as an escaped “A”/);
    expect(unopenableReason("dir%2Fname.txt")).toMatch(/“%2F”.*escaped “\/”/);
    expect(unopenableReason("half%C3.txt")).toMatch(/“%C3” in an artifact path as an escaped character, so/);
  });
});
