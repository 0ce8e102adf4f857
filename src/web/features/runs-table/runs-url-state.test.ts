import { describe, expect, it } from "vitest";
import { columnsUnsaid, EMPTY_VIEW_STATE, hasViewParams, readRunsViewState, writeRunsViewState, type RunsViewState } from "./runs-url-state.js";

describe("runs URL state", () => {
  it("round-trips a full view", () => {
    const state: RunsViewState = {
      filter: "tags.`team` = 'vision' AND metrics.loss < 0.5",
      sort: { columnId: "metrics.val, loss", direction: "DESC" },
      columns: ["params.lr", "metrics.val, loss", "tags.a&b=c"],
      widths: { "attributes.run_name": 420, "metrics.val, loss": 64, "tags.a&b=c": 800 },
      selected: ["abc123", "def456"],
      viewType: "DELETED_ONLY",
    };
    const params = writeRunsViewState(state);
    expect(readRunsViewState(new URLSearchParams(params.toString()))).toEqual(state);
  });

  it("leaves defaults out of the URL, but says 'no columns' (c=), which a link without c does not", () => {
    expect(writeRunsViewState(EMPTY_VIEW_STATE).toString()).toBe("c=");
    expect(readRunsViewState(new URLSearchParams("c="))).toEqual(EMPTY_VIEW_STATE);
    expect(readRunsViewState(new URLSearchParams(""))).toEqual(EMPTY_VIEW_STATE);
    expect(writeRunsViewState({ ...EMPTY_VIEW_STATE, columns: ["metrics.loss"] }).toString()).toBe("c=metrics.loss");
  });

  it("tells a link that leaves the columns unsaid (suggested columns apply) from one that names them or none", () => {
    expect(columnsUnsaid(new URLSearchParams(""))).toBe(true);
    expect(columnsUnsaid(new URLSearchParams("filter=metrics.m0+%3C+0.1"))).toBe(true);
    expect(columnsUnsaid(new URLSearchParams("c="))).toBe(false);
    expect(columnsUnsaid(new URLSearchParams("c=params.lr"))).toBe(false);
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

  describe("column widths", () => {
    const shown = { ...EMPTY_VIEW_STATE, columns: ["metrics.loss", "params.a.b"] };

    it("round-trip in a compact, unescaped form, in a stable order", () => {
      const state: RunsViewState = { ...shown, widths: { "params.a.b": 300, "metrics.loss": 200, "attributes.status": 56 } };
      const params = writeRunsViewState(state);
      expect(params.toString()).toBe("c=metrics.loss&c=params.a.b&w=56.attributes.status&w=200.metrics.loss&w=300.params.a.b");
      expect(readRunsViewState(new URLSearchParams(params.toString()))).toEqual(state);
    });

    it("leave default widths out of the URL, and read them as no entry", () => {
      // 120 and 280 are the defaults of a metric column and the name column.
      const params = writeRunsViewState({ ...shown, widths: { "metrics.loss": 120, "attributes.run_name": 280 } });
      expect(params.getAll("w")).toEqual([]);
      expect(readRunsViewState(new URLSearchParams("c=metrics.loss&w=120.metrics.loss&w=280.attributes.run_name")).widths).toEqual({});
    });

    it("clamp widths to 56–800 px", () => {
      expect(readRunsViewState(new URLSearchParams("c=metrics.loss&w=3.metrics.loss&w=99999.attributes.source")).widths).toEqual({ "metrics.loss": 56, "attributes.source": 800 });
      expect(writeRunsViewState({ ...shown, widths: { "metrics.loss": 10_000, "params.a.b": 12.4 } }).getAll("w")).toEqual(["800.metrics.loss", "56.params.a.b"]);
    });

    it("clamp widths of any number of digits rather than ignore them", () => {
      const read = (w: string) => readRunsViewState(new URLSearchParams(`c=metrics.loss&w=${w}.metrics.loss`)).widths;
      expect(read("1234567")).toEqual({ "metrics.loss": 800 });
      expect(read("9".repeat(400))).toEqual({ "metrics.loss": 800 });
      expect(read("0")).toEqual({ "metrics.loss": 56 });
      expect(read("0000000200")).toEqual({ "metrics.loss": 200 });
      // At the default (here with leading zeros), a width is no entry at all.
      expect(readRunsViewState(new URLSearchParams("w=1000000.attributes.source&w=0000104.attributes.status")).widths).toEqual({ "attributes.source": 800 });
    });

    it("ignore garbled values and columns not on show, without failing", () => {
      const garbage = ["", "abc", "200", "200.", ".metrics.loss", "-5.metrics.loss", "1e3.metrics.loss", "20.5.metrics.loss", "200.params.gone", "200.nope.x", "200.attributes.bogus", "%ZZ"];
      const query = `c=metrics.loss&${garbage.map((g) => `w=${encodeURIComponent(g)}`).join("&")}&w=150.metrics.loss`;
      expect(readRunsViewState(new URLSearchParams(query)).widths).toEqual({ "metrics.loss": 150 });
      // A column that left the view takes its width with it.
      expect(writeRunsViewState({ ...EMPTY_VIEW_STATE, widths: { "metrics.loss": 200 } }).getAll("w")).toEqual([]);
    });

    it("let a later value for the same column win", () => {
      expect(readRunsViewState(new URLSearchParams("w=300.attributes.source&w=250.attributes.source")).widths).toEqual({ "attributes.source": 250 });
    });
  });
});

describe("hasViewParams", () => {
  it("tells a bare link (remembered layout applies) from one that says anything about the view", () => {
    expect(hasViewParams(new URLSearchParams(""))).toBe(false);
    expect(hasViewParams(new URLSearchParams("unrelated=1"))).toBe(false);
    for (const query of ["filter=x", "sort=metrics.loss", "c=params.lr", "w=200.attributes.status", "sel=a", "view=deleted"]) expect(hasViewParams(new URLSearchParams(query))).toBe(true);
  });
});
