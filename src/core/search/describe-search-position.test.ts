import { describe, expect, it } from "vitest";
import { describeSearchPosition } from "./describe-search-position.js";

/** `|` marks the cursor. */
function at(textWithCursor: string): ReturnType<typeof describeSearchPosition> {
  const offset = textWithCursor.indexOf("|");
  return describeSearchPosition(textWithCursor.replace("|", ""), offset);
}

const CASES: readonly (readonly [string, ReturnType<typeof describeSearchPosition>])[] = [
  ["|", { context: "identifier", prefix: "" }],
  ["met|", { context: "identifier", prefix: "met" }],
  ["metrics.|", { context: "key", entity: "metric", prefix: "" }],
  ["metrics.ac|", { context: "key", entity: "metric", prefix: "ac" }],
  ["metrics.`f1 sc|", { context: "key", entity: "metric", prefix: "f1 sc" }],
  ["tags.mlflow.ru|", { context: "key", entity: "tag", prefix: "mlflow.ru" }],
  ["bogus.x|", { context: "key", prefix: "x" }],
  ["metrics.acc |", { context: "comparator", entity: "metric", key: "acc", prefix: "" }],
  ["metrics.acc >|", { context: "comparator", entity: "metric", key: "acc", prefix: ">" }],
  ["params.lr LI|", { context: "comparator", entity: "param", key: "lr", prefix: "LI" }],
  ["\"Run name\" |", { context: "comparator", entity: "attribute", key: "run_name", prefix: "" }],
  ["metrics.acc > |", { context: "value", entity: "metric", key: "acc", prefix: "" }],
  ["status = 'RUN|", { context: "value", entity: "attribute", key: "status", prefix: "RUN" }],
  ["created > 5|", { context: "value", entity: "attribute", key: "start_time", prefix: "5" }],
  ["run_id IN (|", { context: "value", entity: "attribute", key: "run_id", prefix: "" }],
  ["run_id IN ('a', |", { context: "value", entity: "attribute", key: "run_id", prefix: "" }],
  ["status = 'RUNNING' |", { context: "keyword", prefix: "" }],
  ["status = 'RUNNING'|", { context: "keyword", prefix: "" }],
  ["status = 'RUNNING' AN|", { context: "keyword", prefix: "AN" }],
  ["tags.x IS |", { context: "keyword", prefix: "" }],
  ["status = 'RUNNING' AND |", { context: "identifier", prefix: "" }],
  ["status = 'RUNNING' AND ta|", { context: "identifier", prefix: "ta" }],
  ["(tags.x = 'a' OR |", { context: "identifier", prefix: "" }],
  ["metrics.ac|c > 1 AND params.lr = '0.1'", { context: "key", entity: "metric", prefix: "ac" }],
];

describe("describeSearchPosition", () => {
  it.each(CASES)("%j → %j", (text, expected) => {
    expect(at(text)).toEqual(expected);
  });

  it("clamps offsets outside the text", () => {
    expect(describeSearchPosition("metrics.a", 99)).toEqual({ context: "key", entity: "metric", prefix: "a" });
    expect(describeSearchPosition("metrics.a", -5)).toEqual({ context: "identifier", prefix: "" });
  });
});
