import { describe, expect, it } from "vitest";
import { splitForMiddleEllipsis } from "./middle-ellipsis.js";

describe("splitForMiddleEllipsis", () => {
  it("keeps the end of a long label apart, so it stays visible", () => {
    expect(splitForMiddleEllipsis("param_017_learning_rate")).toEqual({ head: "param_017_learnin", tail: "g_rate" });
    expect(splitForMiddleEllipsis("param_017")).toEqual({ head: "param", tail: "_017" });
  });

  it("splits short labels in half at most, and never inside a surrogate pair", () => {
    expect(splitForMiddleEllipsis("lr")).toEqual({ head: "l", tail: "r" });
    expect(splitForMiddleEllipsis("x")).toEqual({ head: "x", tail: "" });
    expect(splitForMiddleEllipsis("")).toEqual({ head: "", tail: "" });
    const emoji = splitForMiddleEllipsis("loss_😀😀😀");
    expect(emoji.head + emoji.tail).toBe("loss_😀😀😀");
    expect(emoji.tail).toBe("_😀😀😀");
  });
});
