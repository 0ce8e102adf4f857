// Table-driven experiments/search cases over src/test-support/search-experiment-fixture.ts (its
// table documents every experiment). Expected orders are written by hand: the default order is
// creation_time DESC, experiment_id ASC; with an order_by, experiment_id DESC breaks ties.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Experiment, SearchExperimentsResponse, ViewType } from "../../core/index.js";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { expectError, expectOk } from "../../test-support/expect-api.js";
import { BASE_TIME } from "../../test-support/generators.js";
import { buildSearchExperimentsFixture, type SearchExperimentsFixture } from "../../test-support/search-experiment-fixture.js";

interface ExperimentCase {
  filter?: string;
  orderBy?: readonly string[];
  view?: ViewType;
  expected: readonly string[];
  why?: string;
}

/** Active experiments, creation_time DESC then experiment_id ASC (Alpha-Fraud=2 and beta_churn=3 tie on creation_time). */
const DEFAULT = ["gamma", "Alpha-Fraud", "beta_churn", "alpha-churn", "Epsilon", "Default"];
const BY_NAME = ["Alpha-Fraud", "Default", "Epsilon", "alpha-churn", "beta_churn", "gamma"];
const BY_UPDATE = ["Default", "gamma", "Alpha-Fraud", "alpha-churn", "beta_churn", "Epsilon"];
const BY_ID = ["Default", "alpha-churn", "Alpha-Fraud", "beta_churn", "gamma", "Epsilon"];

const FILTER_CASES: readonly ExperimentCase[] = [
  { filter: "", expected: DEFAULT },
  { filter: "name = 'gamma'", expected: ["gamma"] },
  { filter: "name = 'Gamma'", expected: [], why: "= is case-sensitive" },
  { filter: "name != 'gamma'", expected: ["Alpha-Fraud", "beta_churn", "alpha-churn", "Epsilon", "Default"] },
  { filter: "name LIKE 'alpha%'", expected: ["alpha-churn"], why: "LIKE is case-sensitive" },
  { filter: "name ILIKE 'alpha%'", expected: ["Alpha-Fraud", "alpha-churn"] },
  { filter: "name LIKE '%churn'", expected: ["beta_churn", "alpha-churn"], why: "the deleted delta-churn is not active" },
  { filter: "name like '%churn%'", expected: ["beta_churn", "alpha-churn"] },
  { filter: "name LIKE 'beta_churn'", expected: ["beta_churn"] },
  { filter: "name LIKE 'beta?churn'", expected: [], why: "? is literal" },
  { filter: "name LIKE '_____'", expected: ["gamma"], why: "_ matches exactly one character" },
  { filter: "name ILIKE '%E%'", expected: ["beta_churn", "Epsilon", "Default"] },
  { filter: "name LIKE '%E%'", expected: ["Epsilon"] },
  { filter: "attribute.name = 'Epsilon'", expected: ["Epsilon"] },
  { filter: "name = 'delta-churn'", expected: [] },
  { filter: "creation_time > {T+10}", expected: ["gamma", "Alpha-Fraud", "beta_churn"] },
  { filter: "creation_time >= {T+10} AND creation_time <= {T+20}", expected: ["Alpha-Fraud", "beta_churn", "alpha-churn"] },
  { filter: "creation_time = {T+20}", expected: ["Alpha-Fraud", "beta_churn"] },
  { filter: "creation_time != {T+20}", expected: ["gamma", "alpha-churn", "Epsilon", "Default"] },
  { filter: "creation_time < {T+10}", expected: ["Epsilon", "Default"] },
  { filter: "attribute.creation_time <= {T+0}", expected: ["Default"] },
  { filter: "last_update_time > {T+100}", expected: ["beta_churn", "Epsilon"] },
  { filter: "last_update_time <= {T+50}", expected: ["gamma", "Alpha-Fraud", "Default"] },
  { filter: "last_update_time = {T+100}", expected: ["alpha-churn"] },
  { filter: "tags.team = 'ds'", expected: ["alpha-churn"] },
  { filter: "tags.team ILIKE 'ds'", expected: ["Alpha-Fraud", "alpha-churn"] },
  { filter: "tags.team != 'ds'", expected: ["Alpha-Fraud", "beta_churn"], why: "experiments without the tag never match" },
  { filter: "tags.team LIKE '%s'", expected: ["alpha-churn"] },
  { filter: "tag.team LIKE 'D%'", expected: ["Alpha-Fraud"] },
  { filter: "tags.`my key` = 'y'", expected: ["Epsilon"] },
  { filter: "tags.\"my key\" != 'z'", expected: ["alpha-churn", "Epsilon"] },
  { filter: "tags.data.version = 'v1'", expected: ["beta_churn"] },
  { filter: "tags.TEAM = 'ds'", expected: [], why: "keys are case-sensitive" },
  { filter: "tags.team = 'ds' AND name LIKE '%churn'", expected: ["alpha-churn"] },
  { filter: "name ILIKE '%churn%' AND creation_time >= {T+20}", expected: ["beta_churn"] },
  { filter: "name = 'gamma' OR tags.team = 'ml'", expected: ["gamma", "beta_churn"], why: "OR extension" },
  { filter: "tags.team IS NULL", expected: ["gamma", "Epsilon", "Default"], why: "IS NULL extension" },
  { filter: "tags.team IS NOT NULL", expected: ["Alpha-Fraud", "beta_churn", "alpha-churn"] },
  { filter: "tags.team IN ('ds', 'ml')", expected: ["beta_churn", "alpha-churn"] },
  { filter: "name LIKE '%churn' and tags.team like 'd%'", expected: ["alpha-churn"] },
  // --- view_type
  { view: "ALL", expected: ["delta-churn", ...DEFAULT] },
  { view: "DELETED_ONLY", expected: ["delta-churn"] },
  { view: "ACTIVE_ONLY", expected: DEFAULT },
  { view: "ALL", filter: "name LIKE '%churn'", expected: ["delta-churn", "beta_churn", "alpha-churn"] },
  { view: "DELETED_ONLY", filter: "tags.team = 'ds'", expected: ["delta-churn"] },
  { view: "DELETED_ONLY", filter: "name = 'gamma'", expected: [] },
  { view: "ACTIVE_ONLY", filter: "tags.team = 'ds'", expected: ["alpha-churn"] },
  { view: "ALL", filter: "tags.team = 'ds'", expected: ["delta-churn", "alpha-churn"] },
];

const ORDER_CASES: readonly ExperimentCase[] = [
  { orderBy: ["name ASC"], expected: BY_NAME, why: "code-point order: upper case first" },
  { orderBy: ["name"], expected: BY_NAME },
  { orderBy: ["name DESC"], expected: [...BY_NAME].reverse() },
  { orderBy: ["attribute.name desc"], expected: [...BY_NAME].reverse() },
  { orderBy: ["creation_time ASC"], expected: ["Default", "Epsilon", "alpha-churn", "beta_churn", "Alpha-Fraud", "gamma"], why: "tie broken by experiment_id DESC" },
  { orderBy: ["creation_time DESC"], expected: ["gamma", "beta_churn", "Alpha-Fraud", "alpha-churn", "Epsilon", "Default"], why: "unlike the default order, experiment_id DESC" },
  { orderBy: ["attribute.creation_time DESC"], expected: ["gamma", "beta_churn", "Alpha-Fraud", "alpha-churn", "Epsilon", "Default"] },
  { orderBy: ["last_update_time ASC"], expected: BY_UPDATE },
  { orderBy: ["last_update_time DESC"], expected: [...BY_UPDATE].reverse() },
  { orderBy: ["experiment_id ASC"], expected: BY_ID },
  { orderBy: ["experiment_id DESC"], expected: [...BY_ID].reverse() },
  { orderBy: ["creation_time DESC", "name ASC"], expected: ["gamma", "Alpha-Fraud", "beta_churn", "alpha-churn", "Epsilon", "Default"] },
  { orderBy: ["creation_time ASC", "experiment_id ASC"], expected: ["Default", "Epsilon", "alpha-churn", "Alpha-Fraud", "beta_churn", "gamma"] },
  { view: "ALL", orderBy: ["last_update_time DESC"], expected: ["Epsilon", "delta-churn", "beta_churn", "alpha-churn", "Alpha-Fraud", "gamma", "Default"] },
  { view: "ALL", orderBy: ["name ASC"], expected: ["Alpha-Fraud", "Default", "Epsilon", "alpha-churn", "beta_churn", "delta-churn", "gamma"] },
  { filter: "name ILIKE '%a%'", orderBy: ["name ASC"], expected: ["Alpha-Fraud", "Default", "alpha-churn", "beta_churn", "gamma"] },
  { filter: "tags.team IS NOT NULL", orderBy: ["last_update_time ASC"], expected: ["Alpha-Fraud", "alpha-churn", "beta_churn"] },
];

const INVALID_FILTERS: readonly string[] = [
  "tags.team > 'a'",
  "name > 'a'",
  "name < 'z'",
  "creation_time = 'x'",
  "creation_time LIKE 1",
  "last_update_time ILIKE '1'",
  "metrics.x > 1",
  "params.x = 'a'",
  "attributes.name = 'x'",
  "run.name = 'x'",
  "experiment_id = '1'",
  "lifecycle_stage = 'active'",
  "artifact_location = 'x'",
  "name IN ('a')",
  "name = gamma",
  "name = 'gamma';",
  "tags.team = 1",
  "name ~ 'x'",
  "creation_time > 1 OR",
  "name = 'a' name = 'b'",
  "NAME = 'gamma'",
];

const INVALID_ORDER_BY: readonly (readonly string[])[] = [
  ["tags.team"],
  ["tag.team DESC"],
  ["foo"],
  ["name DESCENDING"],
  ["name "],
  [" name"],
  ["name", "name DESC"],
  ["run_id"],
  ["metrics.x"],
  ["attribute.lifecycle_stage"],
  ["attributes.name"],
  ["name DESC, creation_time"],
];

let t: TestApp;
let fx: SearchExperimentsFixture;

beforeAll(async () => {
  t = await createTestApp();
  fx = await buildSearchExperimentsFixture(t.api, t.dbFile);
});
afterAll(() => t.close());

const render = (text: string): string => text.replace(/\{T\+(\d+)\}/g, (_m, offset: string) => String(BASE_TIME + Number(offset)));
const namesOf = (experiments: readonly Experiment[] | undefined): string[] => (experiments ?? []).map((e) => fx.nameOf(e.experiment_id));

async function search(c: ExperimentCase, extra: { max_results?: number; page_token?: string } = {}): Promise<SearchExperimentsResponse> {
  const res = await t.api.call("searchExperiments", {
    max_results: 1000,
    ...(c.filter === undefined ? {} : { filter: render(c.filter) }),
    ...(c.orderBy === undefined ? {} : { order_by: [...c.orderBy] }),
    ...(c.view === undefined ? {} : { view_type: c.view }),
    ...extra,
  });
  expectOk(res);
  return res.json;
}

/** experiments/search gives a token only when more rows follow (it reads max_results + 1). */
async function walkPages(c: ExperimentCase, pageSize: number): Promise<string[][]> {
  const pages: string[][] = [];
  let token: string | undefined;
  do {
    const page = await search(c, { max_results: pageSize, ...(token === undefined ? {} : { page_token: token }) });
    pages.push(namesOf(page.experiments));
    token = page.next_page_token;
    if (token !== undefined) expect(pages.at(-1)).toHaveLength(pageSize);
    if (pages.length > 50) throw new Error("page_token never ran out");
  } while (token !== undefined);
  return pages;
}

function title(c: ExperimentCase): string {
  const parts = [c.filter !== undefined ? `filter ${JSON.stringify(c.filter)}` : "", c.orderBy !== undefined ? `order_by ${JSON.stringify(c.orderBy)}` : "", c.view ?? ""];
  return `${parts.filter(Boolean).join(" ") || "no filter"}${c.why ? ` (${c.why})` : ""}`;
}

function defineCases(cases: readonly ExperimentCase[]): void {
  for (const c of cases) {
    it(title(c), async () => {
      expect(namesOf((await search(c)).experiments)).toEqual(c.expected);
      expect((await walkPages(c, 2)).flat()).toEqual(c.expected);
    });
  }
}

describe("experiments/search filters and view_type", () => defineCases(FILTER_CASES));
describe("experiments/search order_by", () => defineCases(ORDER_CASES));

describe("experiments/search paging", () => {
  for (const c of [{ expected: DEFAULT }, { orderBy: ["creation_time ASC"], expected: [] }, { view: "ALL", orderBy: ["name DESC"], expected: [] }] as const satisfies readonly ExperimentCase[]) {
    it(`page sizes 1–7 concatenate to the unpaged answer: ${title(c)}`, async () => {
      const unpaged = namesOf((await search(c)).experiments);
      for (let size = 1; size <= 7; size++) {
        const pages = await walkPages(c, size);
        expect(pages.flat(), `page size ${size}`).toEqual(unpaged);
        // No trailing empty page: a token is given only when another row exists.
        expect(pages).toHaveLength(Math.max(1, Math.ceil(unpaged.length / size)));
      }
    });
  }

  it("GET takes the same parameters as query strings (order_by repeated)", async () => {
    const res = await t.api.get<SearchExperimentsResponse>("/mlflow/experiments/search", {
      max_results: 3,
      filter: "name ILIKE '%a%'",
      order_by: ["creation_time ASC", "name DESC"],
      view_type: "ALL",
    });
    expectOk(res);
    // creation ASC: Default(0), alpha-churn(10), {Alpha-Fraud, beta_churn}(20, name DESC), gamma(30), delta-churn(40).
    expect(namesOf(res.json.experiments)).toEqual(["Default", "alpha-churn", "beta_churn"]);
    expect(res.json.next_page_token).toBe(btoa('{"offset": 3}'));
    const next = await t.api.get<SearchExperimentsResponse>("/mlflow/experiments/search", {
      max_results: 3,
      filter: "name ILIKE '%a%'",
      order_by: ["creation_time ASC", "name DESC"],
      view_type: "ALL",
      page_token: res.json.next_page_token,
    });
    expect(namesOf(next.json.experiments)).toEqual(["Alpha-Fraud", "gamma", "delta-churn"]);
    expect(next.json.next_page_token).toBeUndefined();
  });

  it("returns each experiment with its tags", async () => {
    const page = await search({ filter: "name = 'beta_churn'", expected: [] });
    expect(page.experiments?.[0]?.tags).toEqual([
      { key: "data.version", value: "v1" },
      { key: "team", value: "ml" },
    ]);
  });
});

describe("experiments/search refuses invalid input with 400 INVALID_PARAMETER_VALUE", () => {
  for (const filter of INVALID_FILTERS) {
    it(`filter ${JSON.stringify(filter)}`, async () => {
      expectError(await t.api.call("searchExperiments", { max_results: 10, filter }), 400, "INVALID_PARAMETER_VALUE");
    });
  }
  for (const order_by of INVALID_ORDER_BY) {
    it(`order_by ${JSON.stringify(order_by)}`, async () => {
      expectError(await t.api.call("searchExperiments", { max_results: 10, order_by: [...order_by] }), 400, "INVALID_PARAMETER_VALUE");
    });
  }
  it("bad max_results and page tokens", async () => {
    for (const extra of [{ max_results: 0 }, { max_results: 50_001 }, { page_token: "%%%" }, { page_token: btoa('{"offset": "3"}') }]) {
      expectError(await t.api.call("searchExperiments", { max_results: 10, ...extra }), 400, "INVALID_PARAMETER_VALUE");
    }
  });
});
