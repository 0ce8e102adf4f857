import { describe, expect, it } from "vitest";
import { fieldLabeler } from "./field-labeler.js";

describe("fieldLabeler", () => {
  const label = fieldLabeler([
    { kind: "params", key: "lr" },
    { kind: "params", key: "batch_size" },
    { kind: "metrics", key: "lr" },
    { kind: "metrics", key: "loss" },
  ]);

  it("names the kind only when a param and a metric share a key", () => {
    expect(label({ kind: "params", key: "lr" })).toBe("lr (param)");
    expect(label({ kind: "metrics", key: "lr" })).toBe("lr (metric)");
    expect(label({ kind: "params", key: "batch_size" })).toBe("batch_size");
    expect(label({ kind: "metrics", key: "loss" })).toBe("loss");
  });

  it("leaves keys bare when nothing clashes", () => {
    expect(fieldLabeler([{ kind: "metrics", key: "lr" }])({ kind: "metrics", key: "lr" })).toBe("lr");
    expect(fieldLabeler([])({ kind: "params", key: "lr" })).toBe("lr");
  });
});
