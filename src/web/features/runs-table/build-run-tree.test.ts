import { describe, expect, it } from "vitest";
import type { Run } from "../../../core/index.js";
import { buildRunTree, descendantCount, flattenRunTree, missingParentIds, parentRunId, type RunTreeNode } from "./build-run-tree.js";

function run(id: string, parent?: string): Run {
  return {
    info: { run_id: id, run_uuid: id, run_name: id, experiment_id: "1", user_id: "u", status: "FINISHED", start_time: 1, artifact_uri: "", lifecycle_stage: "active" },
    data: { metrics: [], params: [], tags: parent ? [{ key: "mlflow.parentRunId", value: parent }] : [] },
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
