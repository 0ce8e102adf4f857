import { describe, expect, it } from "vitest";
import type { OrderKey } from "./order-key.js";
import { parseExperimentOrderBy, parseRunOrderBy } from "./parse-order-by.js";

const show = (keys: readonly OrderKey[]): string => keys.map((k) => `${k.entity}.${k.key} ${k.ascending ? "ASC" : "DESC"}`).join(", ");

// search_runs order_by (search-syntax.md §7.1)
const VALID_RUN: readonly (readonly [readonly string[], string])[] = [
  [[], ""],
  [["metrics.acc"], "metric.acc ASC"],
  [["metrics.acc DESC"], "metric.acc DESC"],
  [["metrics.acc desc"], "metric.acc DESC"],
  [["params.p aSc"], "param.p ASC"],
  [["tags.tag1    DESC"], "tag.tag1 DESC"],
  [["tags.tag1\tDESC"], "tag.tag1 DESC"],
  [["metrics.`Mean Square Error` DESC"], "metric.Mean Square Error DESC"],
  [['metrics."f1 score" asc'], "metric.f1 score ASC"],
  [["params.'a b'"], "param.a b ASC"],
  [["tags.mlflow.runName"], "tag.mlflow.runName ASC"],
  [["`metrics`.a"], "metric.a ASC"],
  // MLflow shell-splits order_by items, so these whole-quoted forms work there too
  [["`metrics.f1 score` DESC"], "metric.f1 score DESC"],
  [['"params.a.b"'], "param.a.b ASC"],
  [['"metrics".a'], "metric.a ASC"],
  [["metric.a", "param.b", "tag.c", "parameters.d"], "metric.a ASC, param.b ASC, tag.c ASC, param.d ASC"],
  [["start_time"], "attribute.start_time ASC"],
  [["created DESC"], "attribute.start_time DESC"],
  [["Created"], "attribute.start_time ASC"],
  [["attributes.run_name"], "attribute.run_name ASC"],
  [["attr.status", "run.end_time DESC"], "attribute.status ASC, attribute.end_time DESC"],
  [["attribute.run_id", "user_id", "artifact_uri"], "attribute.run_id ASC, attribute.user_id ASC, attribute.artifact_uri ASC"],
  [["metrics.a", "params.a", "tags.a"], "metric.a ASC, param.a ASC, tag.a ASC"],
  [["metrics.a", "metrics.A"], "metric.a ASC, metric.A ASC"],
];

describe("parseRunOrderBy", () => {
  it.each(VALID_RUN)("%j → %s", (items, expected) => {
    expect(show(parseRunOrderBy(items))).toBe(expected);
  });
});

const VALID_EXPERIMENT: readonly (readonly [readonly string[], string])[] = [
  [["name"], "attribute.name ASC"],
  [["experiment_id DESC"], "attribute.experiment_id DESC"],
  [["attribute.creation_time asc", "last_update_time"], "attribute.creation_time ASC, attribute.last_update_time ASC"],
  [["`attribute`.name DESC"], "attribute.name DESC"],
];

describe("parseExperimentOrderBy", () => {
  it.each(VALID_EXPERIMENT)("%j → %s", (items, expected) => {
    expect(show(parseExperimentOrderBy(items))).toBe(expected);
  });
});
