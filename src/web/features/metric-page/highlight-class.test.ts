import { describe, expect, it } from "vitest";
import { highlightClass } from "./highlight-class.js";

describe("highlightClass", () => {
  it("marks the highlighted run, dims the others, and leaves all alone while none is", () => {
    expect(highlightClass("a", "a")).toBe("is-highlighted");
    expect(highlightClass("a", "b")).toBe("is-dimmed");
    expect(highlightClass(undefined, "b")).toBe("");
  });
});
