// SQL injection through runs/search and experiments/search: hostile filter values, quoted keys,
// order_by items, page tokens and other parameters are either refused with
// INVALID_PARAMETER_VALUE or matched as plain strings, and the database never changes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Run, SearchExperimentsResponse, SearchRunsResponse } from "../../core/index.js";
import type { ApiResponse } from "../../test-support/api-client.js";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { expectError, expectOk } from "../../test-support/expect-api.js";
import { takeCensus, type DbCensus } from "../../test-support/search-db-census.js";
import { buildSearchRunsFixture, type SearchRunSpec, type SearchRunsFixture } from "../../test-support/search-fixture.js";
import type { DbSnapshot } from "../../test-support/sqlite-file.js";

/** Stored values that look like SQL, so "treated as a plain string" can be seen to match exactly. */
const HOSTILE_RUNS: readonly SearchRunSpec[] = [
  { name: "inj-a", experiment: "main", start: 4, user: "u", metrics: [["m", 1, 0, 0]], params: { p: "' OR 1=1 --" }, tags: { t: "x'); DROP TABLE tags; --" } },
  { name: "inj-b", experiment: "main", start: 3, user: "u", metrics: [["m", 2, 0, 0]], params: { p: "[a-z]*" }, tags: { t: "%" } },
  { name: "inj-c", experiment: "main", start: 2, user: "u", metrics: [["m", 3, 0, 0]], params: { p: "plain" }, tags: { t: "_" } },
  { name: "inj-d", experiment: "main", start: 1, user: "u", metrics: [["m", 4, 0, 0]], params: { p: 'a"b' }, tags: { t: "it's" } },
];
const ALL = ["inj-a", "inj-b", "inj-c", "inj-d"];
const HOSTILE_EXPERIMENT = "exp'); DROP TABLE experiments; --";

/** Answered 200 and read as plain strings: the exact runs expected. */
const PLAIN_FILTERS: readonly (readonly [string, readonly string[]])[] = [
  [`params.p = "' OR 1=1 --"`, ["inj-a"]],
  [`tags.t = "x'); DROP TABLE tags; --"`, ["inj-a"]],
  [`params.p = "x'); DELETE FROM runs; --"`, []],
  [`params.p ILIKE "%' or 1=1 --%"`, ["inj-a"]],
  [`params.p LIKE '[a-z]*'`, ["inj-b"]],
  [`params.p LIKE '[a-z]%'`, ["inj-b"]],
  [`params.p LIKE '[a-z]'`, []],
  [`tags.t = '%'`, ["inj-b"]],
  [`tags.t = '_'`, ["inj-c"]],
  [`tags.t LIKE '%'`, ALL],
  [`tags.t = "it's"`, ["inj-d"]],
  [`params.p = 'a"b'`, ["inj-d"]],
  ["params.`x'); DELETE FROM runs; --` = 'a'", []],
  ["params.`x'); DELETE FROM runs; --` IS NULL", ALL],
  ["tags.`k;DROP TABLE tags` = 'v'", []],
  ['tags.`k"; DELETE FROM tags; --` = \'v\'', []],
  [`tags."k'; DROP TABLE runs; --" = 'v'`, []],
  ["metrics.`m; DROP TABLE metrics` > 0", []],
  [`params.p IN ("' OR 1=1 --", 'plain')`, ["inj-a", "inj-c"]],
  [`params.p NOT IN ("' OR 1=1 --")`, ["inj-b", "inj-c", "inj-d"]],
  [`attributes.run_name = "inj-a' OR '1'='1"`, []],
  [`run_id = "' OR ''='"`, []],
  [`run_id IN ("x' or 1=1 --")`, []],
  [`run_id LIKE "%' OR '%"`, []],
  [`params.p = 'plain' AND tags.t != "x' OR 'a'='a"`, ["inj-c"]],
  [`datasets.name = "x'); DROP TABLE datasets; --"`, []],
  [`user_id = "u' --"`, []],
  ["tags.t = 'a\u0000b'", []],
  ["metrics.m >= -1e308", ALL],
];

/** Refused with 400 INVALID_PARAMETER_VALUE. */
const REFUSED_FILTERS: readonly string[] = [
  "metrics.a; DROP TABLE runs",
  "metrics.m > 0; DROP TABLE runs",
  "params.p = 'a'; DELETE FROM params",
  "params.p = '' OR 1=1 --'",
  "params.p = 'x' OR '1'='1'",
  "params.p = 'x' OR 1=1",
  "params.p = 'x' OR 1=1 --",
  "attributes.status = 'RUNNING' UNION SELECT * FROM runs",
  "params.p = 'a'); DROP TABLE params; --",
  "metrics.m > 0 --",
  "metrics.m > 0 /* comment */",
  "params.`x`` = 1` = 'a'",
  "tags.\"a\"\" OR \"\"1\"\"=\"\"1\" = 'x'",
  "run_id IN ('a'); DELETE FROM runs; --')",
  "run_id IN ('x'') OR 1=1 --')",
  "tags.t = 'v' AND (SELECT 1) = 1",
  "attributes.start_time > 0 OR 1",
  "metrics.m > (SELECT 0)",
  "status = 'RUNNING';",
  "params.p = 'it\\'s'",
  `${"(".repeat(200)}params.p = 'x'${")".repeat(200)}`,
  "metrics.m > 0x1F",
  "tags.t = char(39)",
  "params.p = 'a' || 'b'",
  "tags.t GLOB '*'",
  "tags.t = 'a' COLLATE NOCASE",
  "params.p = 'x' AND 1",
  "DROP TABLE runs",
  "metrics.m > 1e308e1",
];

const REFUSED_ORDER_BY: readonly string[] = [
  "metrics.a; DROP TABLE runs",
  "params.`x'); DELETE FROM runs; --` = 'a'",
  "start_time; DROP TABLE runs",
  "start_time DESC, run_id",
  "(SELECT 1)",
  "start_time DESC --",
  "metrics.m DESC NULLS FIRST",
  "1",
  "RANDOM()",
  "run_uuid",
  "CASE WHEN 1 THEN start_time END",
  "start_time COLLATE NOCASE",
  "tags.t DESC; DROP TABLE tags",
  "start_time /* x */",
];

/** Odd but valid keys: ordered as plain (absent) keys, so the default order remains. */
const PLAIN_ORDER_BY: readonly string[] = ["params.`x'); DELETE FROM runs; --`", 'tags.`a"b` DESC', `tags."k'; DROP TABLE runs; --" ASC`, "metrics.`m; DROP TABLE metrics`"];

let t: TestApp;
let fx: SearchRunsFixture;
let censusBefore: DbCensus;
let snapshotBefore: DbSnapshot;

beforeAll(async () => {
  t = await createTestApp();
  fx = await buildSearchRunsFixture(t.api, HOSTILE_RUNS);
  await t.api.ok("createExperiment", { name: HOSTILE_EXPERIMENT, tags: [{ key: "note", value: "'; DELETE FROM experiment_tags; --" }] });
  censusBefore = takeCensus(t.dbFile);
  snapshotBefore = t.snapshot();
});
afterAll(() => t.close());

const namesOf = (runs: readonly Run[] | undefined): string[] => (runs ?? []).map((r) => fx.nameOf(r.info.run_id));
const searchRuns = (request: Record<string, unknown>): Promise<ApiResponse<SearchRunsResponse>> =>
  t.api.post<SearchRunsResponse>("/mlflow/runs/search", { experiment_ids: [fx.mainExperimentId], ...request });

/** An error that is ours, not the database's: no SQLite message leaks out. */
function expectRefused(res: ApiResponse): void {
  expectError(res, 400, "INVALID_PARAMETER_VALUE");
  expect(res.text).not.toMatch(/sqlite|syntax error|no such (table|column)|SQL logic/i);
}

/** Asserts that the tables' row counts and the schema did not change. */
function expectUnchanged(): void {
  expect(takeCensus(t.dbFile)).toEqual(censusBefore);
}

describe("filter values and quoted keys are plain strings", () => {
  for (const [filter, expected] of PLAIN_FILTERS) {
    it(JSON.stringify(filter), async () => {
      const res = await searchRuns({ filter });
      expectOk(res);
      expect(namesOf(res.json.runs)).toEqual(expected);
      expectUnchanged();
    });
  }
});

describe("SQL in filters is refused", () => {
  for (const filter of REFUSED_FILTERS) {
    it(JSON.stringify(filter.length > 80 ? `${filter.slice(0, 80)}…` : filter), async () => {
      expectRefused(await searchRuns({ filter }));
      expectUnchanged();
    });
  }
});

describe("order_by", () => {
  for (const item of REFUSED_ORDER_BY) {
    it(`refuses ${JSON.stringify(item)}`, async () => {
      expectRefused(await searchRuns({ order_by: [item] }));
      expectRefused(await t.api.call("searchExperiments", { max_results: 10, order_by: [item] }));
      expectUnchanged();
    });
  }
  for (const item of PLAIN_ORDER_BY) {
    it(`orders by the odd key ${JSON.stringify(item)} as a missing value`, async () => {
      const res = await searchRuns({ order_by: [item] });
      expectOk(res);
      expect(namesOf(res.json.runs)).toEqual(ALL);
      expectUnchanged();
    });
  }
});

describe("other parameters", () => {
  it("hostile page tokens are refused", async () => {
    for (const page_token of [btoa('{"offset": "0; DROP TABLE runs"}'), btoa("1; DROP TABLE runs"), "' OR 1=1 --", btoa('{"offset": 1e400}'), btoa('{"offset": -1}')]) {
      expectRefused(await searchRuns({ page_token }));
      expectRefused(await t.api.call("searchExperiments", { max_results: 10, page_token }));
    }
    expectUnchanged();
  });

  it("hostile max_results and run_view_type are refused", async () => {
    for (const extra of [{ max_results: "10; DROP TABLE runs" }, { max_results: "1 OR 1=1" }, { run_view_type: "ALL; DROP TABLE runs" }, { run_view_type: "ALL' --" }]) {
      expect((await searchRuns(extra)).status).toBe(400);
    }
    expect((await t.api.post("/mlflow/experiments/search", { max_results: "5; DROP TABLE experiments" })).status).toBe(400);
    expectUnchanged();
  });

  it("experiment ids that are not integers match nothing", async () => {
    const res = await t.api.post<SearchRunsResponse>("/mlflow/runs/search", { experiment_ids: ["1; DROP TABLE runs", "0 OR 1=1", `${fx.mainExperimentId}' --`] });
    expectOk(res);
    expect(res.text).toBe("{}");
    expectUnchanged();
  });
});

describe("experiments/search", () => {
  it("matches hostile names and tag values as plain strings", async () => {
    const byName = await t.api.ok("searchExperiments", { max_results: 10, filter: `name = "${HOSTILE_EXPERIMENT}"` });
    expect(byName.experiments?.map((e) => e.name)).toEqual([HOSTILE_EXPERIMENT]);
    const byTag = await t.api.ok("searchExperiments", { max_results: 10, filter: `tags.note = "'; DELETE FROM experiment_tags; --"` });
    expect(byTag.experiments?.map((e) => e.name)).toEqual([HOSTILE_EXPERIMENT]);
    const byKey = await t.api.ok("searchExperiments", { max_results: 10, filter: "tags.`k'; DROP TABLE experiments; --` = 'v'" });
    expect(byKey.experiments).toBeUndefined();
    const like = await t.api.ok("searchExperiments", { max_results: 10, filter: "name LIKE '%DROP TABLE%'" });
    expect(like.experiments?.map((e) => e.name)).toEqual([HOSTILE_EXPERIMENT]);
    expectUnchanged();
  });

  it("refuses SQL in filters, also over GET", async () => {
    for (const filter of ["name = 'x' OR 1=1", "name = 'x'; DROP TABLE experiments", "name = '' OR ''=''", "tags.note = 'a' UNION SELECT name FROM sqlite_master", "creation_time > 0 --"]) {
      expectRefused(await t.api.call("searchExperiments", { max_results: 10, filter }));
      expectRefused(await t.api.get<SearchExperimentsResponse>("/mlflow/experiments/search", { max_results: 10, filter }));
    }
    expectUnchanged();
  });
});

describe("afterwards", () => {
  it("every row of the database is as it was, and search still answers", async () => {
    expect(t.snapshot()).toEqual(snapshotBefore);
    expect(takeCensus(t.dbFile)).toEqual(censusBefore);
    expect(censusBefore.counts.runs).toBe(HOSTILE_RUNS.length);
    expect(censusBefore.schema.some((s) => s.type === "table" && s.name === "runs")).toBe(true);
    const res = await searchRuns({});
    expect(namesOf(res.json.runs)).toEqual(ALL);
  });
});
