import { describe, expect, it } from "vitest";
import type { Run } from "../../../core/index.js";
import { parseRunFilter, type FilterNode } from "../../../core/search/index.js";
import { MAX_ROUNDS, MAX_SERVER_VALUES, VALUES_PAGE_SIZE, searchDistinctValues, type SearchRunsPage } from "./search-distinct-values.js";

const run = (i: number, team: string | undefined): Run => ({
  info: { run_id: `r${i}`, run_uuid: `r${i}`, run_name: `r${i}`, experiment_id: "1", user_id: "u", status: "FINISHED", start_time: i, artifact_uri: "", lifecycle_stage: "active" },
  data: { metrics: [], params: [], tags: team === undefined ? [] : [{ key: "team", value: team }] },
  inputs: { dataset_inputs: [] },
});

/** A server over `runs` that applies the filter's ILIKE prefix and != clauses, newest first; it records the filters. */
function fakeServer(runs: Run[]): { search: SearchRunsPage; filters: string[] } {
  const filters: string[] = [];
  const search: SearchRunsPage = async (filter, maxResults) => {
    filters.push(filter);
    const tests: ((v: string) => boolean)[] = [];
    const walk = (node: FilterNode | undefined): void => {
      if (!node) return;
      if ("children" in node) return node.children.forEach(walk);
      const target = String(node.value);
      if (node.comparator === "!=") tests.push((v) => v !== target);
      else if (node.comparator === "ILIKE") tests.push((v) => v.toLowerCase().startsWith(target.slice(0, -1).toLowerCase()));
    };
    walk(parseRunFilter(filter));
    const matching = runs.filter((r) => {
      const v = r.data.tags.find((t) => t.key === "team")?.value;
      return v !== undefined && tests.every((t) => t(v));
    });
    return Promise.resolve(matching.slice(0, maxResults));
  };
  return { search, filters };
}

describe("searchDistinctValues", () => {
  it("finds values beyond the first page by excluding the ones found, most frequent first", async () => {
    // 500 runs of 'vision', then one each of three rare values, and runs without the tag.
    const runs = [...Array.from({ length: 500 }, (_, i) => run(i, "vision")), run(600, "video"), run(601, "Viking"), run(602, "nlp"), run(603, undefined)];
    const { search, filters } = fakeServer(runs);
    expect(await searchDistinctValues(search, { entity: "tag", key: "team", prefix: "vi" })).toEqual(["vision", "Viking", "video"]);
    expect(filters).toEqual(["tags.`team` ILIKE 'vi%'", "tags.`team` ILIKE 'vi%' AND tags.`team` != 'vision'"]);
  });

  it("stops after a round without a new value, or a short page", async () => {
    const { search, filters } = fakeServer(Array.from({ length: 30 }, (_, i) => run(i, `v${i % 3}`)));
    expect(await searchDistinctValues(search, { entity: "tag", key: "team", prefix: "" })).toEqual(["v0", "v1", "v2"]);
    expect(filters).toHaveLength(1);
  });

  it("stops at the value cap and after a few rounds", async () => {
    const unique = fakeServer(Array.from({ length: 1000 }, (_, i) => run(i, `u${String(i).padStart(4, "0")}`)));
    const values = await searchDistinctValues(unique.search, { entity: "tag", key: "team", prefix: "u" });
    expect(values).toHaveLength(MAX_SERVER_VALUES);
    expect(unique.filters).toHaveLength(1);

    // Each round brings one new value among a full page of old ones (exclusions the server ignores).
    let round = 0;
    const stubborn: SearchRunsPage = () => Promise.resolve([...Array.from({ length: VALUES_PAGE_SIZE - 1 }, (_, i) => run(i, "same")), run(999, `new${round++}`)]);
    expect(await searchDistinctValues(stubborn, { entity: "tag", key: "team", prefix: "" })).toHaveLength(1 + MAX_ROUNDS);
    expect(round).toBe(MAX_ROUNDS);
  });

  it("asks nothing for a key it cannot write, and no more once aborted", async () => {
    const { search, filters } = fakeServer([run(1, "a")]);
    expect(await searchDistinctValues(search, { entity: "tag", key: 'a`b"', prefix: "" })).toEqual([]);
    const controller = new AbortController();
    controller.abort();
    expect(await searchDistinctValues(search, { entity: "tag", key: "team", prefix: "" }, controller.signal)).toEqual([]);
    expect(filters).toEqual([]);
  });
});
