import { describe, expect, it } from "vitest";
import type { FilterNode } from "./filter-node.js";
import { parseRunFilter } from "./parse-filter.js";

/** A compact rendering of the tree: `metric.acc > 0.9`, `and(a, b)`. Spans are checked separately. */
function show(node: FilterNode | undefined): string {
  if (node === undefined) return "∅";
  if (node.type === "comparison") return `${node.entity}.${node.key} ${node.comparator} ${JSON.stringify(node.value)}`;
  return `${node.type}(${node.children.map(show).join(", ")})`;
}

// [filter, expected tree] — everything here is accepted by MLflow with the same meaning,
// except the rows marked "extension".
const VALID: readonly (readonly [string | undefined, string])[] = [
  // §1 / §5.6: nothing to filter on
  [undefined, "∅"],
  ["", "∅"],
  ["   \t\n", "∅"],
  ["AND", "∅"],
  // §2.3 numbers, §3 metrics
  ["metrics.acc > 0.9", "metric.acc > 0.9"],
  ["metric.acc >= 1", "metric.acc >= 1"],
  ["metrics.loss < -12.0", "metric.loss < -12"],
  ["metrics.loss <= .5", "metric.loss <= 0.5"],
  ["metrics.loss = -.5", "metric.loss = -0.5"],
  ["metrics.x != 1e-3", "metric.x != 0.001"],
  ["metrics.x > 1E3", "metric.x > 1000"],
  ["metrics.x > 1.5e2", "metric.x > 150"],
  ["metrics.x > 1.", "metric.x > 1"],
  ["metrics.x>1", "metric.x > 1"],
  ["metrics.x=-1", "metric.x = -1"],
  ["metrics.x = 0", "metric.x = 0"],
  // §2.1 identifiers: split at the first dot, quoting, backticked prefixes
  ["metrics.val.loss < 1", "metric.val.loss < 1"],
  ['metrics."f1 score" > 0.5', "metric.f1 score > 0.5"],
  ["metrics.`f1 score` > 0.5", "metric.f1 score > 0.5"],
  ['metrics."X//Y#$$@&Z" = 1', "metric.X//Y#$$@&Z = 1"],
  ['metrics."a.b" > 0', "metric.a.b > 0"],
  ["`metric`.a = 1", "metric.a = 1"],
  ["`tags`.x = 'y'", 'tag.x = "y"'],
  ['tags."`a`" = \'x\'', 'tag.a = "x"'],
  ["tags.mlflow.runName = 'r'", 'tag.mlflow.runName = "r"'],
  ["tags.data.version = 'v2'", 'tag.data.version = "v2"'],
  ["tags.ENV = 'x'", 'tag.ENV = "x"'],
  ["tags.and = 'x'", 'tag.and = "x"'],
  ["tags.in.x = 'y'", 'tag.in.x = "y"'],
  ["tags.v.2 = 'x'", 'tag.v.2 = "x"'],
  ["tags.données = 'é'", 'tag.données = "é"'],
  // §2.2 single-quoted keys work (the code wins over the guide)
  ["tags.'env' = 'prod'", 'tag.env = "prod"'],
  ["params.'a b' = 'c'", 'param.a b = "c"'],
  // §3 params and tags are strings
  ["params.model = 'cnn'", 'param.model = "cnn"'],
  ['param.model = "cnn"', 'param.model = "cnn"'],
  ["parameter.lr = '0.1'", 'param.lr = "0.1"'],
  ["parameters.lr != '0.1'", 'param.lr != "0.1"'],
  ['params."p.a.r.a.m" = \'x\'', 'param.p.a.r.a.m = "x"'],
  ["tag.env = 'prod'", 'tag.env = "prod"'],
  // §2.3 strings: either quote, no escapes
  ['tags.x = "L\'Hosp"', 'tag.x = "L\'Hosp"'],
  ["tags.x = 'say \"hi\"'", 'tag.x = "say \\"hi\\""'],
  ["tags.x = ''", 'tag.x = ""'],
  ["tags.x = 'a\\nb'", 'tag.x = "a\\\\nb"'],
  ["tags.x = '😀'", 'tag.x = "😀"'],
  // §4 LIKE / ILIKE, keywords in any case
  ["params.x LIKE '%a_b%'", 'param.x LIKE "%a_b%"'],
  ["params.x like 'a'", 'param.x LIKE "a"'],
  ["params.x ILIKE '%A%'", 'param.x ILIKE "%A%"'],
  ["params.x iLiKe 'a'", 'param.x ILIKE "a"'],
  ["tags.x LIKE 'jamie-foo C+W bar'", 'tag.x LIKE "jamie-foo C+W bar"'],
  // §5.4 attributes, prefixes and aliases
  ["status = 'RUNNING'", 'attribute.status = "RUNNING"'],
  ["attributes.status != 'FAILED'", 'attribute.status != "FAILED"'],
  ["attribute.user_id = 'me'", 'attribute.user_id = "me"'],
  ["attr.artifact_uri LIKE 's3://%'", 'attribute.artifact_uri LIKE "s3://%"'],
  ["run.run_name = 'x'", 'attribute.run_name = "x"'],
  ["run_name ILIKE '%x%'", 'attribute.run_name ILIKE "%x%"'],
  ["attributes.`Run name` = 'a'", 'attribute.run_name = "a"'],
  ["\"run name\" = 'a'", 'attribute.run_name = "a"'],
  ["`Run Name` LIKE 'a%'", 'attribute.run_name LIKE "a%"'],
  ["attributes.\"Run name\" = 'x'", 'attribute.run_name = "x"'],
  ["created > 5", "attribute.start_time > 5"],
  ["Created <= 5", "attribute.start_time <= 5"],
  ["attributes.start_time >= 1700000000000", "attribute.start_time >= 1700000000000"],
  ["end_time < 10", "attribute.end_time < 10"],
  ["start_time > 1.5", "attribute.start_time > 1.5"],
  ["run_id = 'abc'", 'attribute.run_id = "abc"'],
  // §2.3 lists on run_id, including MLflow's drop-if-not-lower-case quirk
  ["run_id IN ('a', 'b')", 'attribute.run_id IN ["a","b"]'],
  ["attributes.run_id NOT IN ('a')", 'attribute.run_id NOT IN ["a"]'],
  ["run_id in ('a','b' ,  'c')", 'attribute.run_id IN ["a","b","c"]'],
  ['run_id IN ("a", "b")', 'attribute.run_id IN ["a","b"]'],
  ["run_id IN ('a',)", 'attribute.run_id IN ["a"]'],
  ["run_id not in ('x')", 'attribute.run_id NOT IN ["x"]'],
  ["run_id IN ('abc', 'ABC', 'R01', '123')", 'attribute.run_id IN ["abc"]'],
  ["run_id NOT IN ('R01')", "attribute.run_id NOT IN []"],
  // §5.5 datasets
  ["datasets.name = 'mnist'", 'dataset.name = "mnist"'],
  ["dataset.digest != 'abc'", 'dataset.digest != "abc"'],
  ["datasets.context IN ('train', 'eval')", 'dataset.context IN ["train","eval"]'],
  ["datasets.name IN ('MNIST', 'cifar')", 'dataset.name IN ["cifar"]'],
  ["datasets.name LIKE 'mn%'", 'dataset.name LIKE "mn%"'],
  // [recent] IS NULL / IS NOT NULL on tags and params
  ["tags.x IS NULL", "tag.x IS NULL null"],
  ["params.x is not null", "param.x IS NOT NULL null"],
  ["tags.x IS  NOT \t NULL", "tag.x IS NOT NULL null"],
  // AND, and MLflow's stray-AND leniency (§5.6)
  ["metrics.a > 1 AND params.b = 'x'", 'and(metric.a > 1, param.b = "x")'],
  ["metrics.a > 1 and params.b = 'x' AnD tags.c = 'y'", 'and(metric.a > 1, param.b = "x", tag.c = "y")'],
  ["tags.x='a'AND tags.y='b'", 'and(tag.x = "a", tag.y = "b")'],
  ["status = 'RUNNING'\n AND\tmetrics.x > 1", 'and(attribute.status = "RUNNING", metric.x > 1)'],
  ["metrics.a > 1 AND", "metric.a > 1"],
  ["AND metrics.a > 1", "metric.a > 1"],
  ["metrics.a > 1 AND AND tags.b = 'x'", 'and(metric.a > 1, tag.b = "x")'],
  // extension: OR, parentheses (AND binds tighter than OR)
  ["metrics.a > 1 OR metrics.b < 2", "or(metric.a > 1, metric.b < 2)"],
  ["metrics.a > 1 or metrics.b < 2", "or(metric.a > 1, metric.b < 2)"],
  ["metrics.a > 1 AND metrics.b < 2 OR tags.c = 'x'", 'or(and(metric.a > 1, metric.b < 2), tag.c = "x")'],
  ["metrics.a > 1 OR metrics.b < 2 AND tags.c = 'x'", 'or(metric.a > 1, and(metric.b < 2, tag.c = "x"))'],
  ["(metrics.a > 1 OR metrics.b < 2) AND tags.c = 'x'", 'and(or(metric.a > 1, metric.b < 2), tag.c = "x")'],
  ["((tags.a = 'x'))", 'tag.a = "x"'],
  // extension: IN / NOT IN on tags and params (items kept as written)
  ["tags.x IN ('a', 'b')", 'tag.x IN ["a","b"]'],
  ["params.x NOT IN ('1', '2')", 'param.x NOT IN ["1","2"]'],
  ["tags.x IN ('A')", 'tag.x IN ["A"]'],
  ["params.path IN ('C:\\dir')", 'param.path IN ["C:\\\\dir"]'],
];

describe("parseRunFilter: accepted filters", () => {
  it.each(VALID)("%j → %s", (filter, expected) => {
    expect(show(parseRunFilter(filter))).toBe(expected);
  });
});

describe("parseRunFilter: spans and node shapes", () => {
  it("gives a comparison the span from the field to the end of the value", () => {
    expect(parseRunFilter("  metrics.acc > 0.9 ")).toEqual({
      type: "comparison",
      entity: "metric",
      key: "acc",
      comparator: ">",
      value: 0.9,
      span: { start: 2, end: 19 },
    });
  });

  it("ends an IN clause at its ')' and an IS NULL clause at NULL", () => {
    const node = parseRunFilter("run_id IN ('a') AND tags.x IS NOT NULL");
    expect(node?.type).toBe("and");
    if (node?.type !== "and") return;
    expect(node.span).toEqual({ start: 0, end: 38 });
    expect(node.children.map((c) => c.span)).toEqual([
      { start: 0, end: 15 },
      { start: 20, end: 38 },
    ]);
  });

  it("measures spans in UTF-16 code units", () => {
    expect(parseRunFilter("tags.x = '😀' AND tags.y = 'b'")).toMatchObject({ children: [{ span: { start: 0, end: 13 } }, { span: { start: 18, end: 30 } }] });
  });

  it("returns a string value for quoted numbers on params and a number for metrics", () => {
    expect(parseRunFilter("params.lr = '0.10'")).toMatchObject({ value: "0.10" });
    expect(parseRunFilter("metrics.lr = 0.10")).toMatchObject({ value: 0.1 });
  });
});
