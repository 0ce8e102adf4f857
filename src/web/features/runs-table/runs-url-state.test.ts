import { describe, expect, it } from "vitest";
import { EMPTY_VIEW_STATE, readRunsViewState, writeRunsViewState, type RunsViewState } from "./runs-url-state.js";

describe("runs URL state", () => {
  it("round-trips a full view", () => {
    const state: RunsViewState = {
      filter: "tags.`team` = 'vision' AND metrics.loss < 0.5",
      sort: { columnId: "metrics.val, loss", direction: "DESC" },
      columns: ["params.lr", "metrics.val, loss", "tags.a&b=c"],
      selected: ["abc123", "def456"],
      viewType: "DELETED_ONLY",
    };
    const params = writeRunsViewState(state);
    expect(readRunsViewState(new URLSearchParams(params.toString()))).toEqual(state);
  });

  it("leaves defaults out of the URL", () => {
    expect(writeRunsViewState(EMPTY_VIEW_STATE).toString()).toBe("");
    expect(readRunsViewState(new URLSearchParams(""))).toEqual(EMPTY_VIEW_STATE);
  });

  it("encodes ascending sort without a sign and descending with '-'", () => {
    expect(writeRunsViewState({ ...EMPTY_VIEW_STATE, sort: { columnId: "metrics.loss", direction: "ASC" } }).get("sort")).toBe("metrics.loss");
    expect(writeRunsViewState({ ...EMPTY_VIEW_STATE, sort: { columnId: "metrics.loss", direction: "DESC" } }).get("sort")).toBe("-metrics.loss");
  });

  it("keeps parameters it does not own and replaces the ones it does", () => {
    const base = new URLSearchParams("foo=1&filter=old&c=params.x");
    const next = writeRunsViewState({ ...EMPTY_VIEW_STATE, columns: ["params.y"] }, base);
    expect(next.get("foo")).toBe("1");
    expect(next.get("filter")).toBeNull();
    expect(next.getAll("c")).toEqual(["params.y"]);
  });

  it("drops malformed pieces of a hand-edited link", () => {
    const state = readRunsViewState(new URLSearchParams("sort=bogus&c=nope&c=params.lr&c=params.lr&c=attributes.status&sel=a,,b,a&view=weird"));
    expect(state.sort).toBeUndefined();
    expect(state.columns).toEqual(["params.lr"]);
    expect(state.selected).toEqual(["a", "b"]);
    expect(state.viewType).toBe("ACTIVE_ONLY");
  });
});
