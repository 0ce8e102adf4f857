import { describe, expect, it } from "vitest";
import { runEntity } from "../../test-support/generators.js";
import { runTag, runUser } from "./run-tag.js";

describe("runTag and runUser", () => {
  it("reads a tag, or undefined", () => {
    expect(runTag(runEntity("r", { tags: { a: "1" } }), "a")).toBe("1");
    expect(runTag(runEntity("r"), "a")).toBeUndefined();
  });

  it("prefers the mlflow.user tag to user_id, as MLflow's UI does", () => {
    expect(runUser(runEntity("r", { tags: { "mlflow.user": "alice" } }, { user_id: "" }))).toBe("alice");
    expect(runUser(runEntity("r", { tags: { "mlflow.user": "alice" } }, { user_id: "svc" }))).toBe("alice");
    expect(runUser(runEntity("r", {}, { user_id: "svc" }))).toBe("svc");
    expect(runUser(runEntity("r", {}, { user_id: "" }))).toBeUndefined();
  });
});
