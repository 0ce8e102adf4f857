import { describe, expect, it } from "vitest";
import type { SearchRunsResponse } from "../../../core/api/endpoints.js";
import type { Run } from "../../../core/index.js";
import { runSearchQueryOptions } from "../../api/runs/run-queries.js";
import { runsFooterState, runsFooterText, type RunsFooterFacts } from "./runs-footer.js";

const facts = (change: Partial<RunsFooterFacts>): RunsFooterFacts => ({ loaded: 250, hasNextPage: false, fetchingNextPage: false, nextPageFailed: false, refreshing: false, ...change });

describe("runs footer", () => {
  it("gives the count alone when no page follows: it is the total", () => {
    expect(runsFooterText(facts({}))).toBe("250 runs");
    expect(runsFooterText(facts({ loaded: 1 }))).toBe("1 run");
    expect(runsFooterText(facts({ loaded: 12_345 }))).toBe("12,345 runs");
    expect(runsFooterState(facts({}))).toBe("complete");
  });

  it("offers more while the server gave a token, and says when it is loading", () => {
    expect(runsFooterText(facts({ hasNextPage: true }))).toBe("250 runs loaded · scroll for more");
    expect(runsFooterState(facts({ hasNextPage: true }))).toBe("more");
    expect(runsFooterText(facts({ loaded: 1, hasNextPage: true }))).toBe("1 run loaded · scroll for more");
    expect(runsFooterText(facts({ loaded: 1_300, hasNextPage: true, fetchingNextPage: true }))).toBe("1,300 runs loaded · loading more…");
    expect(runsFooterState(facts({ hasNextPage: true, fetchingNextPage: true }))).toBe("loading");
  });

  it("does not offer more after a failed page, and says when the shown pages are refetched", () => {
    expect(runsFooterText(facts({ hasNextPage: true, nextPageFailed: true }))).toBe("250 runs loaded · could not load more");
    expect(runsFooterState(facts({ hasNextPage: true, nextPageFailed: true }))).toBe("failed");
    expect(runsFooterText(facts({ refreshing: true }))).toBe("250 runs · refreshing…");
    expect(runsFooterText(facts({ hasNextPage: true, refreshing: true }))).toBe("250 runs loaded · scroll for more · refreshing…");
    expect(runsFooterText(facts({ hasNextPage: true, fetchingNextPage: true, refreshing: true }))).toBe("250 runs loaded · loading more…");
  });

  it("stops offering more once a page after a token comes back empty (MLflow's last full page)", () => {
    const { getNextPageParam } = runSearchQueryOptions({ experimentIds: ["1"], filter: "", orderBy: undefined, viewType: "ACTIVE_ONLY" });
    const full: SearchRunsResponse = { runs: Array.from({ length: 250 }, (_, i) => ({ info: { run_id: String(i) } }) as Run), next_page_token: "t1" };
    const empty: SearchRunsResponse = { runs: [], next_page_token: "t2" };
    const nextAfter = (pages: SearchRunsResponse[]) => getNextPageParam(pages[pages.length - 1] as SearchRunsResponse, pages, undefined, []);
    expect(nextAfter([full])).toBe("t1");
    expect(nextAfter([full, empty])).toBeUndefined();
    expect(runsFooterText(facts({ hasNextPage: nextAfter([full, empty]) !== undefined }))).toBe("250 runs");
  });
});
