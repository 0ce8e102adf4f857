import { describe, expect, it } from "vitest";
import { MlflowError } from "../errors/mlflow-error.js";
import { parseExperimentFilter, parseRunFilter } from "./parse-filter.js";
import { parseExperimentOrderBy, parseRunOrderBy } from "./parse-order-by.js";
import { SearchSyntaxError } from "./search-syntax-error.js";

/**
 * Every rejected input, for filters and order_by alike: each must throw a SearchSyntaxError with
 * INVALID_PARAMETER_VALUE, an actionable message and the span of the offending token.
 */

/** Where the error points: the first occurrence of a substring, an explicit span, or END (empty span at the end). */
type At = string | readonly [number, number];
const END: At = "<END>";

function spanOf(filter: string, at: At): { start: number; end: number } {
  if (typeof at !== "string") return { start: at[0], end: at[1] };
  if (at === END) return { start: filter.length, end: filter.length };
  const start = filter.indexOf(at);
  if (start < 0) throw new Error(`test bug: '${at}' not in '${filter}'`);
  return { start, end: start + at.length };
}

function expectSyntaxError(parse: () => unknown, filter: string, at: At, message: RegExp): void {
  let error: unknown;
  try {
    parse();
  } catch (e) {
    error = e;
  }
  expect(error).toBeInstanceOf(SearchSyntaxError);
  expect(error).toBeInstanceOf(MlflowError);
  const e = error as SearchSyntaxError;
  expect(e.errorCode).toBe("INVALID_PARAMETER_VALUE");
  expect(e.httpStatus).toBe(400);
  expect(e.message).toMatch(message);
  expect(e.position).toEqual(spanOf(filter, at));
}

// [filter, offending token, message] — search-syntax.md §6 and the rest of the rules.
const INVALID: readonly (readonly [string, At, RegExp])[] = [
  // unknown prefix, attribute or dataset key
  ["m.acc > 1", "m", /Invalid entity type 'm'.*'metrics\.'/],
  ["METRICS.x > 1", "METRICS", /case-sensitive: write 'metrics\.'/],
  ['"metrics".x > 1', '"metrics"', /prefix cannot be in double quotes/],
  ["acc > 1", "acc", /Invalid attribute key 'acc'.*metrics\., params\. or tags\./],
  ["attributes.lifecycle_stage = 'x'", "lifecycle_stage", /run_view_type/],
  ["experiment_id = '1'", "experiment_id", /Invalid attribute key 'experiment_id'/],
  ["run_uuid = 'a'", "run_uuid", /Did you mean run_id/],
  ["name = 'a'", "name", /Did you mean run_name/],
  ["duration > 1", "duration", /compare start_time and end_time/],
  ["_status = 'x'", "_status", /Did you mean status/],
  ["`run  name` = 'x'", "`run  name`", /Invalid attribute key 'run {2}name'/],
  ["datasets.profile = 'x'", "profile", /Invalid dataset key 'profile'.*'name', 'digest', 'context'/],
  ["metrics .x > 1", ".", /Remove the space before '\.'/],
  ["[x] > 1", "[", /Unexpected character '\['/],
  // comparator not allowed for the entity (§4)
  ["params.x > 'a'", ">", /Invalid comparator '>' for param 'x'.*never as numbers/],
  ["params.x >= '0.01'", ">=", /Invalid comparator '>='/],
  ["tags.x < 'a'", "<", /Invalid comparator '<' for tag 'x'/],
  ["attributes.start_time LIKE 1", "LIKE", /Invalid comparator 'LIKE' for attribute 'start_time'.*numeric/],
  ["created LIKE 'a'", "LIKE", /attribute 'start_time' is numeric/],
  ["metrics.x LIKE '%a'", "LIKE", /Invalid comparator 'LIKE' for metric 'x'/],
  ["metrics.x ILIKE 'a'", "ILIKE", /Invalid comparator 'ILIKE'/],
  ["status > 'A'", ">", /Invalid comparator '>' for attribute 'status'/],
  ["datasets.name > 'a'", ">", /for dataset field 'name'/],
  ["attributes.run_name IN ('a')", "IN", /Only the 'run_id' attribute supports/],
  ["status NOT IN ('a')", "NOT IN", /Only the 'run_id' attribute/],
  ["metrics.x IN ('1')", "IN", /metric 'x' is numeric/],
  ["start_time IN ('1')", "IN", /numeric/],
  ["metrics.x IS NULL", "IS NULL", /only supported for tags and params/],
  ["status IS NOT NULL", "IS NOT NULL", /only supported for tags and params/],
  ["datasets.name IS NULL", "IS NULL", /only supported for tags and params/],
  // comparators the tokenizer knows but MLflow rejects
  ["metrics.x == 1", "==", /Invalid comparator '=='. Did you mean '='/],
  ["metrics.x <> 1", "<>", /Did you mean '!='/],
  ["metrics.x =< 1", "=<", /Did you mean '<='/],
  ["metrics.x => 1", "=>", /Did you mean '>='/],
  ["metrics.x ~ 1", "~", /Invalid comparator '~'/],
  ["metrics.x ~= 1", "~=", /Invalid comparator '~='/],
  ["metrics.x ! 1", "!", /Invalid comparator '!'/],
  ["params.x NOT LIKE 'a'", "NOT LIKE", /negated LIKE is not supported/],
  ["params.x not ilike 'a'", "not ilike", /NOT ILIKE/],
  ["params.x RLIKE 'a'", "RLIKE", /Invalid comparator 'RLIKE'/],
  ["params.x REGEXP 'a'", "REGEXP", /Invalid comparator 'REGEXP'/],
  // value of the wrong type (§3)
  ["metrics.x > '1'", "'1'", /numeric value for metric 'x'.*without quotes/],
  ["metrics.x > \"1\"", '"1"', /numeric value for metric 'x'/],
  ["attributes.start_time > '1'", "'1'", /numeric value for attribute 'start_time'/],
  ["params.x = 5", "5", /quoted string value for param 'x'.*'5'/],
  ["tags.x LIKE 5", "5", /quoted string value for tag 'x'/],
  ["attributes.status = 1", "1", /quoted string value for attribute 'status'/],
  ["run_id LIKE 5", "5", /quoted string/],
  ["tags.x = prod", "prod", /Unquoted value 'prod'.*'prod'/],
  ["status = RUNNING", "RUNNING", /Unquoted value 'RUNNING'/],
  ["tags.x = `prod`", "`prod`", /Backticks quote keys, not values.*'prod'/],
  ["attributes.status = true", "true", /Unquoted value true/],
  ["metrics.x > true", "true", /numeric value for metric 'x', found true/],
  ["tags.x = NULL", "NULL", /tags\.x IS NULL/],
  ["metrics.x = null", "null", /cannot be tested for NULL/],
  ["metrics.x = NaN", "NaN", /NaN and infinity cannot be written/],
  ["metrics.x = inf", "inf", /NaN and infinity/],
  ["metrics.a != metrics.b", "metrics.b", /not another field/],
  ["tags.a = tags.`b c`", "tags.`b c`", /Comparing two fields is not supported/],
  // missing pieces
  ["metrics.x >", END, /Expected a value after '>'/],
  ["params.x LR", "LR", /Expected a comparator after 'params\.x'.*found 'LR'/],
  ["params.x", END, /Expected a comparator after 'params\.x'/],
  ["params.x = 'a' AND params.y", END, /Expected a comparator after 'params\.y'/],
  ["tags.x = AND tags.y = 'a'", "AND", /Expected a value after '=', found 'AND'/],
  ["attributes.status IS 'RUNNING'", "'RUNNING'", /IS must be followed by NULL or NOT NULL/],
  ["tags.x IS", END, /IS must be followed by NULL/],
  ["tags.x IS NOT", END, /IS must be followed by NULL/],
  ["tags.x IS NOT 5", "5", /IS must be followed by NULL/],
  ["tags. x = 'a'", [5, 5], /Expected a key right after 'tags\.'/],
  ["tags.", END, /Expected a key right after 'tags\.'/],
  ["tags.x. = 'a'", [6, 7], /cannot end with '\.'/],
  ["tags.`a`.b = 'x'", "`a`.", /quoted key must be the whole key/],
  ["tags.a.'b' = 'x'", "'b'", /quoted key must be the whole key/],
  ["tags.my-tag = 'x'", "-", /'tags\.my-' is not a valid key.*tags\.`my-key`/],
  ["metrics.val-1 > 0", "-1", /'metrics\.val-1' is not a valid key/],
  // trailing garbage, several statements, OR / parentheses misuse
  ["metrics.x > 1 foo", "foo", /Expected AND or OR after 'metrics\.x > 1', found 'foo'/],
  ["metrics.x > 1 metrics.y < 2", [14, 21], /Expected AND or OR/],
  ["tags.x = 'a' 'b'", "'b'", /Expected AND or OR/],
  ["metrics.a > 1; metrics.b < 2", ";", /only one is accepted: join the clauses with AND/],
  ["metrics.a > 1;", ";", /';' would start a second expression/],
  ["metrics.x > 1 OR", END, /Expected a clause after OR/],
  ["OR metrics.x > 1", "OR", /Expected a clause before OR/],
  ["(metrics.x > 1", "(", /never closed/],
  ["metrics.x > 1)", ")", /Unmatched '\)'/],
  ["()", ")", /Expected a clause inside the parentheses/],
  ["metrics.x > 1 AND OR tags.y = 'a'", "AND", /This AND has no clause on one side/],
  ["(tags.a = 'x') AND", "AND", /This AND has no clause/],
  ["AND (tags.a = 'x')", "AND", /This AND has no clause/],
  ["NOT tags.x = 'a'", "NOT", /NOT cannot negate a clause/],
  ["0.5 < metrics.x", "0.5", /must start with a field.*found the value 0\.5/],
  ["1=1", [0, 1], /must start with a field/],
  ["'status' = 'x'", "'status'", /must start with a field/],
  ["= 'x'", "=", /Expected a clause/],
  ["(".repeat(60) + "tags.a = 'x'" + ")".repeat(60), [50, 51], /nested more than 50 levels/],
  // lists (§2.3)
  ["run_id IN ()", "()", /non-empty list/],
  ["run_id IN (1, 2)", "1", /List items must be quoted strings; found '1'. Quote it: '1'/],
  ["run_id IN ('a', 1)", "1", /List items must be quoted strings/],
  ["run_id IN ('a' 'b')", "'b'", /Expected ',' or '\)' after the list item 'a'/],
  ["run_id IN ('a',,'b')", [15, 16], /List items must be quoted strings; found ','/],
  ["run_id IN 'a'", "'a'", /parenthesised list of quoted strings after IN/],
  ["run_id NOT IN", END, /after NOT IN/],
  ["run_id IN ('a'", "(", /never closed/],
  ["run_id = ('a')", "(", /only follow IN or NOT IN, not '='/],
  ["run_id IN ('a\\b')", "'a\\b'", /Backslashes are not supported/],
  ["datasets.name IN ('a\\nb')", "'a\\nb'", /Backslashes/],
  // lexical problems: quotes, escapes, numbers, comments, stray characters
  ["tags.x = 'prod", "'prod", /Unterminated string/],
  ["tags.x = \"prod", '"prod', /Unterminated string/],
  ["tags.`x = 'a'", "`x = 'a'", /Unterminated backtick-quoted key/],
  ["tags.x = 'it''s'", "'it''s'", /no escape mechanism.*"it's"/],
  ["tags.x = \"a\"\"b\"", '"a""b"', /no escape mechanism/],
  ["tags.x = 'a\\'b'", "'a\\'b'", /no escape mechanism/],
  ["tags.x = 'C:\\dir\\'", "'C:\\dir\\'", /Unterminated string.*escaped quote/],
  ["tags.`a``b` = 'x'", "`a``b`", /Doubled backticks/],
  ["tags.x = 'a' -- comment", "--", /SQL comments/],
  ["tags.x = 'a' /* c */", "/*", /SQL comments/],
  ["metrics.x > 1abc", "1abc", /'1abc' is not a valid number/],
  ["metrics.x > 0x1F", "0x1F", /not a valid number/],
  ["metrics.x > 1.2.3", "1.2.3", /not a valid number/],
  ["metrics.x > - 1", "-", /Unexpected character '-'/],
  ["metrics.x > 1 + 2", "+", /Unexpected character '\+'/],
];

describe("parseRunFilter: rejected filters", () => {
  it.each(INVALID)("%j → error at %j", (filter, at, message) => {
    expectSyntaxError(() => parseRunFilter(filter), filter, at, message);
  });

  it("reports the first problem in source order", () => {
    const filter = "metrics.x > '1' AND tags.y = 'unterminated";
    expectSyntaxError(() => parseRunFilter(filter), filter, "'1'", /numeric value/);
  });

  it("serialises like any MlflowError", () => {
    try {
      parseRunFilter("metrics.x == 1");
    } catch (e) {
      expect((e as MlflowError).toJSON()).toEqual({ error_code: "INVALID_PARAMETER_VALUE", message: "Invalid comparator '=='. Did you mean '='?" });
    }
    expect.assertions(1);
  });
});

// search_experiments filters (§8)
const INVALID_EXPERIMENT_FILTERS: readonly (readonly [string, At, RegExp])[] = [
  ["attributes.name = 'x'", "attributes", /Invalid entity type 'attributes'.*'attribute\.' \(singular\)/],
  ["metrics.x > 1", "metrics", /Experiments have no metrics, params, datasets or run attributes/],
  ["params.x = 'a'", "params", /Experiments have no metrics/],
  ["run.name = 'x'", "run", /Invalid entity type 'run'/],
  ["datasets.name = 'x'", "datasets", /Invalid entity type 'datasets'/],
  ["Tags.x = 'a'", "Tags", /case-sensitive: write 'tags\.'/],
  ["experiment_id = '1'", "experiment_id", /experiment_id can be used in order_by, not in filters/],
  ["lifecycle_stage = 'active'", "lifecycle_stage", /view_type/],
  ["status = 'RUNNING'", "status", /Invalid attribute key 'status'.*'name', 'creation_time', 'last_update_time'/],
  ["run_name = 'x'", "run_name", /Invalid attribute key 'run_name'/],
  ["name IN ('a')", "IN", /Experiment attributes do not take lists/],
  ["name > 'a'", ">", /Invalid comparator '>' for attribute 'name'/],
  ["creation_time = 'x'", "'x'", /numeric value for attribute 'creation_time'/],
  ["last_update_time LIKE '1%'", "LIKE", /attribute 'last_update_time' is numeric/],
  ["name = 1", "1", /quoted string value for attribute 'name'/],
  ["tags.x > 'a'", ">", /Invalid comparator '>' for tag 'x'/],
  ["name IS NULL", "IS NULL", /only supported for tags and params/],
  ["name = 'a' OR", END, /Expected a clause after OR/],
];

describe("parseExperimentFilter: rejected filters", () => {
  it.each(INVALID_EXPERIMENT_FILTERS)("%j → error at %j", (filter, at, message) => {
    expectSyntaxError(() => parseExperimentFilter(filter), filter, at, message);
  });
});

// order_by (§7.1, §8): [items, index of the bad item, offending token in that item, message]
const INVALID_RUN_ORDER_BY: readonly (readonly [readonly string[], number, At, RegExp])[] = [
  [["params.my_param "], 0, " ", /'params\.my_param ': remove the trailing whitespace/],
  [[" metrics.a"], 0, " ", /remove the leading whitespace/],
  [["   "], 0, "   ", /leading whitespace/],
  [[""], 0, [0, 0], /it is empty/],
  [["metrics.a ACS"], 0, "ACS", /Invalid ordering key 'ACS' in order_by clause 'metrics\.a ACS': use ASC or DESC/],
  [["metrics.a decs"], 0, "decs", /Invalid ordering key 'decs'/],
  [["metrics.a DESCENDING"], 0, "DESCENDING", /Invalid ordering key/],
  [["Run Name"], 0, "Name", /Invalid ordering key 'Name'.*quote the key: `Run Name`/],
  [["metrics.a DESC extra"], 0, "extra", /unexpected 'extra'/],
  [["metrics.a DESC DESC"], 0, [15, 19], /unexpected 'DESC'/],
  [["metrics.A != 1"], 0, "!=", /Invalid order_by clause 'metrics\.A != 1': unexpected '!='/],
  [["attributes.`Run name`"], 0, "`Run name`", /alias 'Run name' is accepted in filters only; write run_name/],
  [['"run name" DESC'], 0, '"run name"', /Invalid attribute key 'run name' in order_by/],
  [["experiment_id"], 0, "experiment_id", /Invalid attribute key 'experiment_id' in order_by/],
  [["lifecycle_stage"], 0, "lifecycle_stage", /Invalid attribute key/],
  [["datasets.name"], 0, "datasets", /Invalid order_by entity 'dataset'.*Datasets cannot be used in order_by/],
  [["m.acc"], 0, "m", /Invalid entity type 'm'/],
  [["`m.acc`"], 0, "`m.acc`", /Invalid entity type 'm'/],
  [["'metrics.acc'"], 0, "'metrics.acc'", /expected a field/],
  [["metrics.f1-score"], 0, "-", /'metrics\.f1-' is not a valid key/],
  [["1"], 0, "1", /expected a field such as metrics\.acc/],
  [["DESC"], 0, "DESC", /expected a field/],
  [["metrics."], 0, END, /Expected a key right after 'metrics\.'/],
  [["metrics.a;"], 0, ";", /'metrics\.a;' is not a valid key/],
  [["metrics.a DESC;"], 0, ";", /second expression/],
  [["metrics.a", "metrics.a DESC"], 1, "metrics.a", /duplicate fields: 'metrics\.a DESC' repeats 'metrics\.a'/],
  [["start_time", "created DESC"], 1, "created", /duplicate fields/],
  [["metrics.`a b`", 'metrics."a b" ASC'], 1, 'metrics."a b"', /duplicate fields/],
];

describe("parseRunOrderBy: rejected items", () => {
  it.each(INVALID_RUN_ORDER_BY)("%j → item %i, error at %j", (items, index, at, message) => {
    expectSyntaxError(() => parseRunOrderBy(items), items[index] ?? "", at, message);
  });
});

const INVALID_EXPERIMENT_ORDER_BY: readonly (readonly [readonly string[], number, At, RegExp])[] = [
  [["tags.x"], 0, "tags", /Invalid order_by entity 'tag'.*ordered only by name, experiment_id, creation_time or last_update_time/],
  [["run_name"], 0, "run_name", /Invalid attribute key 'run_name' in order_by/],
  [["attributes.name"], 0, "attributes", /Invalid entity type 'attributes'/],
  [["name", "attribute.name DESC"], 1, "attribute.name", /duplicate fields/],
  [["name ASC "], 0, [8, 9], /trailing whitespace/],
];

describe("parseExperimentOrderBy: rejected items", () => {
  it.each(INVALID_EXPERIMENT_ORDER_BY)("%j → item %i, error at %j", (items, index, at, message) => {
    expectSyntaxError(() => parseExperimentOrderBy(items), items[index] ?? "", at, message);
  });
});
