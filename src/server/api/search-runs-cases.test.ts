// Table-driven runs/search cases over the fixture of src/test-support/search-fixture.ts (its table
// documents every run). Expectations are written by hand from that table: a list of run names in
// the expected order, where a nested list is a group that ties on every order key *and* on
// start_time, so MLflow's last tie-breaker (run_id ASC) orders it.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Run, SearchRunsResponse } from "../../core/index.js";
import type { WireRequest } from "../../test-support/api-client.js";
import { createTestApp, type TestApp } from "../../test-support/create-test-app.js";
import { expectError, expectOk } from "../../test-support/expect-api.js";
import { BASE_TIME } from "../../test-support/generators.js";
import { buildSearchRunsFixture, type SearchRunsFixture } from "../../test-support/search-fixture.js";
import {
  DEFAULT,
  FILTER_CASES,
  INVALID_FILTERS,
  INVALID_ORDER_BY,
  ORDER_CASES,
  VIEW_CASES,
  type SearchCase,
} from "../../test-support/search-run-cases.js";

let t: TestApp;
let fx: SearchRunsFixture;

/**
 * Every case runs against the store as configured and again with tiny ordered-plan windows
 * (src/store/sql/search/ordered-window-search.ts), so the fixture's handful of runs crosses
 * window boundaries, ties at a boundary and the fallback to the full plan.
 */
const PLANS: readonly { name: string; searchWindowFactors?: readonly number[] }[] = [
  { name: "store defaults" },
  { name: "ordered windows of 1 to 5 times the rows asked for", searchWindowFactors: [1, 2, 3, 5] },
];

function useFixtureApp(searchWindowFactors: readonly number[] | undefined): void {
  beforeAll(async () => {
    t = await createTestApp(searchWindowFactors ? { searchWindowFactors } : {});
    fx = await buildSearchRunsFixture(t.api);
  });
  afterAll(() => t.close());
}

/** `{r01}` → its run id, `{upper:r01}` → the id upper-cased, `{T+30}` → BASE_TIME + 30. */
function render(text: string): string {
  return text.replace(/\{(upper:)?([A-Za-z0-9_]+)\}|\{T\+(\d+)\}/g, (_m, upper: string | undefined, name: string | undefined, offset: string | undefined) => {
    if (offset !== undefined) return String(BASE_TIME + Number(offset));
    const id = fx.idOf(name ?? "");
    return upper ? id.toUpperCase() : id;
  });
}

function expand(expected: SearchCase["expected"]): string[] {
  if (typeof expected === "function") return expected(fx);
  const byId = (a: string, b: string): number => (fx.idOf(a) < fx.idOf(b) ? -1 : fx.idOf(a) > fx.idOf(b) ? 1 : 0);
  return expected.flatMap((item) => (typeof item === "string" ? [item] : [...item].sort(byId)));
}

function requestOf(c: SearchCase, extra: { max_results?: number; page_token?: string } = {}): WireRequest<"searchRuns"> {
  const experiment_ids = (c.experiments ?? ["main"]).map((e) => (e === "main" ? fx.mainExperimentId : fx.otherExperimentId));
  return {
    experiment_ids,
    ...(c.filter === undefined ? {} : { filter: render(c.filter) }),
    ...(c.orderBy === undefined ? {} : { order_by: c.orderBy.map(render) }),
    ...(c.view === undefined ? {} : { run_view_type: c.view }),
    ...extra,
  };
}

const namesOf = (runs: readonly Run[] | undefined): string[] => (runs ?? []).map((r) => fx.nameOf(r.info.run_id));

async function search(c: SearchCase, extra: { max_results?: number; page_token?: string } = {}): Promise<SearchRunsResponse> {
  const res = await t.api.call("searchRuns", requestOf(c, extra));
  expectOk(res);
  return res.json;
}

/** Walks page_token until it is exhausted; checks a token comes with every full page and only then. */
async function walkPages(c: SearchCase, pageSize: number): Promise<string[][]> {
  const pages: string[][] = [];
  let token: string | undefined;
  do {
    const page = await search(c, { max_results: pageSize, ...(token === undefined ? {} : { page_token: token }) });
    const names = namesOf(page.runs);
    expect(names.length).toBeLessThanOrEqual(pageSize);
    expect(page.next_page_token !== undefined, `token iff the page is full (${names.length}/${pageSize})`).toBe(names.length === pageSize);
    pages.push(names);
    token = page.next_page_token;
    if (pages.length > 100) throw new Error("page_token never ran out");
  } while (token !== undefined);
  return pages;
}

function title(c: SearchCase): string {
  const parts = [
    c.filter !== undefined ? `filter ${JSON.stringify(c.filter)}` : "",
    c.orderBy !== undefined ? `order_by ${JSON.stringify(c.orderBy)}` : "",
    c.view !== undefined ? c.view : "",
    c.experiments !== undefined ? `experiments ${c.experiments.join("+")}` : "",
  ];
  return parts.filter(Boolean).join(" ") || "no filter";
}

function defineCases(cases: readonly SearchCase[]): void {
  for (const c of cases) {
    it(`${title(c)}${c.why ? ` (${c.why})` : ""}`, async () => {
      const expected = expand(c.expected);
      const page = await search(c);
      expect(namesOf(page.runs)).toEqual(expected);
      // Three at a time gives the same sequence, with ties split across pages.
      expect((await walkPages(c, 3)).flat()).toEqual(expected);
    });
  }
}

for (const plan of PLANS) {
  describe(`runs/search cases (${plan.name})`, () => {
    useFixtureApp(plan.searchWindowFactors);
    describe("runs/search filters", () => defineCases(FILTER_CASES));
    describe("runs/search order_by", () => defineCases(ORDER_CASES));
    describe("runs/search run_view_type and experiment_ids", () => defineCases(VIEW_CASES));

    describe("runs/search paging across ties", () => {
      const orders: readonly SearchCase[] = [
        { expected: DEFAULT },
        { orderBy: ["metrics.acc DESC"], expected: [] },
        { orderBy: ["metrics.loss ASC"], expected: [] },
        { orderBy: ["params.model ASC", "metrics.acc DESC"], expected: [] },
        { view: "ALL", orderBy: ["tags.env DESC"], expected: [] },
        { filter: "params.lr IS NOT NULL OR tags.env = 'prod'", orderBy: ["start_time ASC"], expected: [] },
      ];
      for (const c of orders) {
        it(`page sizes 1–6 concatenate to the unpaged answer: ${title(c)}`, async () => {
          const unpaged = namesOf((await search(c)).runs);
          expect(unpaged.length).toBeGreaterThan(5);
          for (let size = 1; size <= 6; size++) {
            const pages = await walkPages(c, size);
            expect(pages.flat(), `page size ${size}`).toEqual(unpaged);
            // A token on every full page: when the count divides evenly the last page is empty.
            expect(pages.at(-1)?.length).toBe(unpaged.length % size);
            expect(pages).toHaveLength(Math.floor(unpaged.length / size) + 1);
          }
        });
      }

      it("the tokens are MLflow's offsets, and a token can be reused", async () => {
        const c: SearchCase = { expected: DEFAULT };
        const first = await search(c, { max_results: 4 });
        expect(first.next_page_token).toBe(btoa('{"offset": 4}'));
        const again = await search(c, { max_results: 4, page_token: first.next_page_token ?? "" });
        const twice = await search(c, { max_results: 4, page_token: first.next_page_token ?? "" });
        expect(namesOf(again.runs)).toEqual(namesOf(twice.runs));
        expect(namesOf(again.runs)).toEqual(expand(DEFAULT).slice(4, 8));
      });

      it("run_view_type also accepts the proto numbers", async () => {
        const res = await t.api.post<SearchRunsResponse>("/mlflow/runs/search", { experiment_ids: [fx.mainExperimentId], run_view_type: 2 });
        expectOk(res);
        expect(namesOf(res.json.runs)).toEqual(["r11"]);
        const all = await t.api.post<SearchRunsResponse>("/mlflow/runs/search", { experiment_ids: [fx.mainExperimentId], run_view_type: 3, filter: "metrics.acc > 0.8" });
        expect(namesOf(all.json.runs)).toEqual(["Zeta_1", "r11"]);
      });

      it("returns the latest metric values, NaN and ±Infinity included, with the searched runs", async () => {
        const page = await search({ filter: "metrics.loss < 0.1", expected: [] });
        const loss = new Map((page.runs ?? []).map((r) => [fx.nameOf(r.info.run_id), r.data.metrics.find((m) => m.key === "loss")]));
        expect(loss.get("r06")).toMatchObject({ value: 0, step: 1 });
        expect(loss.get("r03")?.value).toBe(-1.7976931348623157e308);
        const raw = await t.api.call("searchRuns", { experiment_ids: [fx.mainExperimentId], filter: "run_name = 'r04'" });
        expect(raw.text).toContain('{"key":"loss","value":"NaN"');
      });
    });
  });
}

describe("runs/search input checks", () => {
  useFixtureApp(undefined);

describe("runs/search refuses invalid input with 400 INVALID_PARAMETER_VALUE", () => {
  for (const filter of INVALID_FILTERS) {
    it(`filter ${JSON.stringify(filter)}`, async () => {
      expectError(await t.api.call("searchRuns", { experiment_ids: [fx.mainExperimentId], filter }), 400, "INVALID_PARAMETER_VALUE");
    });
  }
  for (const order_by of INVALID_ORDER_BY) {
    it(`order_by ${JSON.stringify(order_by)}`, async () => {
      expectError(await t.api.call("searchRuns", { experiment_ids: [fx.mainExperimentId], order_by: [...order_by] }), 400, "INVALID_PARAMETER_VALUE");
    });
  }
  it("bad paging parameters", async () => {
    for (const extra of [{ max_results: 0 }, { max_results: 50_001 }, { page_token: "%%%" }, { page_token: btoa("not json") }, { page_token: btoa('{"offset": -1}') }]) {
      expectError(await t.api.call("searchRuns", { experiment_ids: [fx.mainExperimentId], ...extra }), 400, "INVALID_PARAMETER_VALUE");
    }
  });
});

describe("case table size", () => {
  it("has at least 100 filter/order_by cases with exact expected orders", () => {
    expect(FILTER_CASES.length + ORDER_CASES.length + VIEW_CASES.length).toBeGreaterThanOrEqual(100);
  });
});
});
