import { describe, expect, it } from "vitest";
import type { Run } from "../../../core/index.js";
import { buildRunTree, descendantCount, flattenRunTree, missingParentIds, parentRunId, runSortComparator, type RunTreeNode } from "./build-run-tree.js";

function run(id: string, parent?: string, { loss, start = 1, lr }: { loss?: number; start?: number; lr?: string } = {}): Run {
  return {
    info: { run_id: id, run_uuid: id, run_name: id, experiment_id: "1", user_id: "u", status: "FINISHED", start_time: start, artifact_uri: "", lifecycle_stage: "active" },
    data: {
      metrics: loss === undefined ? [] : [{ key: "loss", value: loss, timestamp: 0, step: 0 }],
      params: lr === undefined ? [] : [{ key: "lr", value: lr }],
      tags: parent ? [{ key: "mlflow.parentRunId", value: parent }] : [],
    },
    inputs: { dataset_inputs: [] },
  };
}

/** `a(b(c),d)`-style outline of a tree, with `*` marking context nodes. */
function outline(nodes: readonly RunTreeNode[]): string {
  return nodes.map((n) => `${n.run.info.run_id}${n.isContext ? "*" : ""}${n.children.length ? `(${outline(n.children)})` : ""}`).join(",");
}

describe("buildRunTree", () => {
  it("nests children of any depth under their parents", () => {
    const tree = buildRunTree([run("a"), run("b", "a"), run("c", "b"), run("d", "c"), run("e")]);
    expect(outline(tree)).toBe("a(b(c(d))),e");
    expect(descendantCount(tree[0] as RunTreeNode)).toBe(3);
  });

  it("keeps the server's order among siblings and at the top level", () => {
    // Sorted by some metric: the child c2 ranks before its sibling c1 and before parent p2.
    const tree = buildRunTree([run("p1"), run("c2", "p1"), run("p2"), run("c1", "p1")]);
    expect(outline(tree)).toBe("p1(c2,c1),p2");
  });

  it("places a family where its best-ranked run is, even when the parent ranks after its child", () => {
    const tree = buildRunTree([run("x"), run("kid", "late"), run("y"), run("late")]);
    expect(outline(tree)).toBe("x,late(kid),y");
    // A grandchild sorted first brings its whole line up, and orders the siblings on the way.
    const deep = buildRunTree([run("g", "c2"), run("r2"), run("c1", "r1"), run("r1"), run("c2", "r1")]);
    expect(outline(deep)).toBe("r1(c2(g),c1),r2");
  });

  it("gives the same tree however many pages are loaded, once ancestors are fetched", () => {
    const all = [run("g", "c"), run("x"), run("c", "r"), run("y"), run("r")];
    const full = outline(buildRunTree(all));
    // Only the first two runs loaded: the line above g is fetched and is a result of the search.
    const ancestors = new Map([
      ["c", run("c", "r")],
      ["r", run("r")],
    ]);
    const partial = buildRunTree(all.slice(0, 2), ancestors, () => true);
    expect(outline(partial)).toBe("r(c(g)),x");
    expect(full).toBe("r(c(g)),x,y");
  });

  it("makes fetched ancestors real rows when they match the search, context otherwise", () => {
    const ancestors = new Map([
      ["p", run("p")],
      ["q", run("q")],
    ]);
    const tree = buildRunTree([run("a", "p"), run("b", "q")], ancestors, (r) => r.info.run_id === "p");
    expect(outline(tree)).toBe("p(a),q*(b)");
  });

  it("hangs matching runs under fetched ancestors, ranked by their first match", () => {
    const ancestors = new Map([
      ["root", run("root")],
      ["mid", run("mid", "root")],
    ]);
    const tree = buildRunTree([run("m1"), run("leaf", "mid"), run("m2")], ancestors);
    expect(outline(tree)).toBe("m1,root*(mid*(leaf)),m2");
  });

  it("drops fetched ancestors without loaded descendants, at the top or nested", () => {
    expect(outline(buildRunTree([run("a")], new Map([["old", run("old")]])))).toBe("a");
    expect(outline(buildRunTree([run("a")], new Map([["stale", run("stale", "a")]]), () => true))).toBe("a");
  });

  it("treats an unknown parent as a root and survives parent loops", () => {
    expect(outline(buildRunTree([run("orphan", "gone")]))).toBe("orphan");
    const looped = buildRunTree([run("a", "b"), run("b", "a"), run("self", "self")]);
    expect(outline(looped)).toBe("b(a),self");
  });

  it("ignores a run listed twice", () => {
    expect(outline(buildRunTree([run("a"), run("b"), run("a")]))).toBe("a,b");
  });
});

describe("buildRunTree under a sort", () => {
  // The reviewer's case, sorted by loss ascending: three children launched in order (losses 0.3,
  // 0.4, 0.5), each with a grandchild at 0.2. The server breaks the 0.2 tie by start time DESC, so
  // the grandchild of the last child comes first.
  const family = {
    root: run("run-299", undefined, { start: 0 }),
    other: run("run-298", undefined, { loss: 0.25, start: 0 }),
    c0: run("child-0", "run-299", { loss: 0.3, start: 10 }),
    c1: run("child-1", "run-299", { loss: 0.4, start: 20 }),
    c2: run("child-2", "run-299", { loss: 0.5, start: 30 }),
    g0: run("g0", "child-0", { loss: 0.2, start: 11 }),
    g1: run("g1", "child-1", { loss: 0.2, start: 21 }),
    g2: run("g2", "child-2", { loss: 0.2, start: 31 }),
  };
  const { root, other, c0, c1, c2, g0, g1, g2 } = family;
  const serverOrder = [g2, g1, g0, other, c0, c1, c2, root];
  const byLoss = runSortComparator("metrics.`loss` ASC");

  it("orders siblings whose subtrees tie on the best value by their own value", () => {
    expect(outline(buildRunTree(serverOrder, new Map(), () => false, byLoss))).toBe("run-299(child-0(g0),child-1(g1),child-2(g2)),run-298");
  });

  it("gives the same order with only the tied grandchildren loaded", () => {
    const ancestors = new Map([c0, c1, c2, root].map((r) => [r.info.run_id, r]));
    expect(outline(buildRunTree(serverOrder.slice(0, 3), ancestors, () => true, byLoss))).toBe("run-299(child-0(g0),child-1(g1),child-2(g2))");
  });

  it("keeps distinct values in the server's order, ties on own values in its tie-break order", () => {
    // No tie: the family still sits where its best run is, even if its root's own value is worse.
    const tree = buildRunTree([run("k", "p", { loss: 0.1 }), run("q", undefined, { loss: 0.2 }), run("p", undefined, { loss: 0.9 })], new Map(), () => false, byLoss);
    expect(outline(tree)).toBe("p(k),q");
    // Equal own values too: start time DESC, then run id, as the server would list them.
    const tied = [run("b", "r", { loss: 0.5, start: 5 }), run("a", "r", { loss: 0.5, start: 5 }), run("c", "r", { loss: 0.5, start: 9 }), run("r")];
    expect(outline(buildRunTree(tied, new Map(), () => false, byLoss))).toBe("r(c,a,b)");
  });

  it("leaves the server's order alone without a sort", () => {
    expect(outline(buildRunTree(serverOrder))).toBe("run-299(child-2(g2),child-1(g1),child-0(g0)),run-298");
  });
});

describe("runSortComparator", () => {
  const ids = (runs: Run[], orderBy: string) => [...runs].sort(runSortComparator(orderBy)).map((r) => r.info.run_id);
  const runs = [run("none"), run("nan", undefined, { loss: NaN }), run("low", undefined, { loss: 0.1 }), run("high", undefined, { loss: 0.9 })];

  it("sorts metrics with NaN after numbers and missing values last in both directions", () => {
    expect(ids(runs, "metrics.loss ASC")).toEqual(["low", "high", "nan", "none"]);
    expect(ids(runs, "metrics.loss DESC")).toEqual(["high", "low", "nan", "none"]);
  });

  it("sorts params, tags and attributes, and is undefined without a usable sort", () => {
    expect(ids([run("x", undefined, { lr: "b" }), run("y"), run("z", undefined, { lr: "a" })], "params.lr")).toEqual(["z", "x", "y"]);
    expect(ids([run("p"), run("c", "p")], "tags.`mlflow.parentRunId` DESC")).toEqual(["c", "p"]);
    expect(ids([run("early", undefined, { start: 1 }), run("late", undefined, { start: 2 })], "attributes.start_time DESC")).toEqual(["late", "early"]);
    expect(runSortComparator(undefined)).toBeUndefined();
    expect(runSortComparator("metrics.loss SIDEWAYS")).toBeUndefined();
  });
});

describe("flattenRunTree", () => {
  const tree = buildRunTree([run("a"), run("b", "a"), run("c", "b"), run("d")]);
  it("shows only roots when everything is collapsed", () => {
    expect(flattenRunTree(tree, () => false).map((r) => r.node.run.info.run_id)).toEqual(["a", "d"]);
  });
  it("descends into expanded nodes with depths", () => {
    const rows = flattenRunTree(tree, () => true);
    expect(rows.map((r) => [r.node.run.info.run_id, r.depth, r.expanded])).toEqual([
      ["a", 0, true],
      ["b", 1, true],
      ["c", 2, false],
      ["d", 0, false],
    ]);
  });
});

describe("parents", () => {
  it("reads the parent tag, ignoring a run that names itself", () => {
    expect(parentRunId(run("a", "p"))).toBe("p");
    expect(parentRunId(run("a", "a"))).toBeUndefined();
  });
  it("lists each unknown parent once", () => {
    const known = new Set(["a"]);
    expect(missingParentIds([run("b", "a"), run("c", "x"), run("d", "x"), run("e", "y")], (id) => known.has(id))).toEqual(["x", "y"]);
  });
});
