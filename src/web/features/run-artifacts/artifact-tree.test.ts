import { describe, expect, it } from "vitest";
import type { FileInfo } from "../../../core/index.js";
import { ancestorPaths, flattenTree, openFolders, parentPath, sortEntries, treeKeyAction, withExpanded, type EntryRow, type FolderListing, type TreeRow } from "./artifact-tree.js";

const dir = (path: string): FileInfo => ({ path, is_dir: true });
const file = (path: string, size = 1): FileInfo => ({ path, is_dir: false, file_size: size });
const ok = (...files: FileInfo[]): FolderListing => ({ status: "success", files });

/** Rows as short strings: `  name/` for a folder (+ when open), `  name 12` for a file, `(pending)` for status rows. */
const sketch = (rows: readonly TreeRow[]): string[] =>
  rows.map((r) => `${"  ".repeat(r.level - 1)}${r.type === "status" ? `(${r.status})` : r.isDir ? `${r.name}/${r.expanded ? "+" : ""}` : `${r.name} ${r.size}`}`);

describe("paths", () => {
  it("finds a path's parent and ancestors", () => {
    expect(parentPath("a/b/c.txt")).toBe("a/b");
    expect(parentPath("top.txt")).toBe("");
    expect(ancestorPaths("a/b/c.txt")).toEqual(["a", "a/b"]);
    expect(ancestorPaths("top.txt")).toEqual([]);
  });

  it("sorts folders first, then naturally by name", () => {
    expect(sortEntries([file("b.txt"), dir("z"), file("epoch_10.png"), file("epoch_2.png"), dir("a"), file("MLmodel"), file("conda.yaml"), file("B.txt")]).map((f) => f.path)).toEqual([
      "a",
      "z",
      "B.txt",
      "b.txt",
      "conda.yaml",
      "epoch_2.png",
      "epoch_10.png",
      "MLmodel",
    ]);
  });
});

describe("openFolders", () => {
  it("is the root and the expanded folders whose ancestors are expanded too", () => {
    expect(openFolders(new Set())).toEqual([""]);
    expect(openFolders(new Set(["a/b", "a", "c/d"]))).toEqual(["", "a", "a/b"]);
  });

  it("adds folders without making a new set when nothing changes", () => {
    const set = new Set(["a"]);
    expect(withExpanded(set, ["a"])).toBe(set);
    expect([...withExpanded(set, ["a", "a/b"])]).toEqual(["a", "a/b"]);
  });
});

describe("flattenTree", () => {
  const listings = new Map<string, FolderListing>([
    ["", ok(file("metrics.json", 7), dir("model"), dir("plots"))],
    ["model", ok(file("model/MLmodel", 12), dir("model/data"))],
    ["model/data", ok(file("model/data/weights.bin", 4096))],
    ["plots", { status: "pending" }],
  ]);

  it("shows the top level with everything closed", () => {
    expect(sketch(flattenTree(listings, new Set()))).toEqual(["model/", "plots/", "metrics.json 7"]);
  });

  it("shows open folders' entries below them, one level deeper, with their sizes", () => {
    const rows = flattenTree(listings, new Set(["model", "model/data"]));
    expect(sketch(rows)).toEqual(["model/+", "  data/+", "    weights.bin 4096", "  MLmodel 12", "plots/", "metrics.json 7"]);
    expect(rows[3]).toMatchObject({ path: "model/MLmodel", parent: "model", posInSet: 2, setSize: 2 });
  });

  it("keeps a folder inside a closed one hidden", () => {
    expect(sketch(flattenTree(listings, new Set(["model/data"])))).toEqual(["model/", "plots/", "metrics.json 7"]);
  });

  it("marks an open folder that is loading, failed or empty", () => {
    const error = new Error("boom");
    const more = new Map(listings).set("model", { status: "error", error }).set("empty", ok()).set("", ok(dir("model"), dir("plots"), dir("empty")));
    const rows = flattenTree(more, new Set(["model", "plots", "empty", "unlisted"]));
    expect(sketch(rows)).toEqual(["empty/+", "  (empty)", "model/+", "  (error)", "plots/+", "  (pending)"]);
    expect(rows[3]).toMatchObject({ type: "status", folder: "model", error });
  });

  it("marks entries the server will not open, and does not look inside such a folder", () => {
    const odd = new Map<string, FolderListing>([["", ok(dir("run#1"), file("a#b.txt"), file("x%41.txt"), file("plain.txt"))]]);
    const rows = flattenTree(odd, new Set(["run#1"]));
    expect(sketch(rows)).toEqual(["run#1/+", "  (unopenable)", "a#b.txt 1", "plain.txt 1", "x%41.txt 1"]);
    expect(rows[1]).toMatchObject({ type: "status", folder: "run#1", reason: expect.stringMatching(/“#”/) as unknown });
    expect(rows.map((r) => (r.type === "entry" ? r.unopenable !== undefined : null))).toEqual([true, null, true, false, true]);
  });

  it("puts entries listed by bare name, or as the folder itself, below their folder", () => {
    const odd = new Map<string, FolderListing>([
      ["", ok(dir("d"))],
      ["d", ok(file("x.txt"), dir("d"))],
    ]);
    const rows = flattenTree(odd, new Set(["d", "d/d"]));
    expect(rows.filter((r): r is EntryRow => r.type === "entry").map((r) => r.path)).toEqual(["d", "d/d", "d/x.txt"]);
    expect(sketch(rows)).toEqual(["d/+", "  d/+", "    (pending)", "  x.txt 1"]);
  });
});

describe("treeKeyAction", () => {
  const listings = new Map<string, FolderListing>([
    ["", ok(dir("model"), dir("plots"), file("notes.txt"), file("metrics.json"))],
    ["model", ok(file("model/MLmodel"), file("model/conda.yaml"))],
  ]);
  const open = flattenTree(listings, new Set(["model"]));
  const closed = flattenTree(listings, new Set());

  it("moves up and down through visible entries, and to the ends", () => {
    expect(treeKeyAction(open, "model", "ArrowDown")).toEqual({ type: "focus", path: "model/conda.yaml" });
    expect(treeKeyAction(open, "plots", "ArrowUp")).toEqual({ type: "focus", path: "model/MLmodel" });
    expect(treeKeyAction(open, "notes.txt", "ArrowDown")).toBeUndefined();
    expect(treeKeyAction(open, "model", "ArrowUp")).toBeUndefined();
    expect(treeKeyAction(open, "plots", "Home")).toEqual({ type: "focus", path: "model" });
    expect(treeKeyAction(open, "model", "End")).toEqual({ type: "focus", path: "notes.txt" });
    expect(treeKeyAction(open, undefined, "ArrowDown")).toEqual({ type: "focus", path: "model" });
  });

  it("opens a folder with →, then moves into it; ← closes it, or moves to the parent", () => {
    expect(treeKeyAction(closed, "model", "ArrowRight")).toEqual({ type: "expand", path: "model" });
    expect(treeKeyAction(open, "model", "ArrowRight")).toEqual({ type: "focus", path: "model/conda.yaml" });
    expect(treeKeyAction(open, "model", "ArrowLeft")).toEqual({ type: "collapse", path: "model" });
    expect(treeKeyAction(open, "model/MLmodel", "ArrowLeft")).toEqual({ type: "focus", path: "model" });
    expect(treeKeyAction(open, "notes.txt", "ArrowLeft")).toBeUndefined();
    expect(treeKeyAction(open, "notes.txt", "ArrowRight")).toBeUndefined();
  });

  it("does not move into an open folder that has no entries on show yet", () => {
    const loading = flattenTree(new Map([["", ok(dir("plots"), file("a.txt"))]]), new Set(["plots"]));
    expect(treeKeyAction(loading, "plots", "ArrowRight")).toBeUndefined();
    expect(treeKeyAction(loading, "plots", "ArrowDown")).toEqual({ type: "focus", path: "a.txt" });
  });

  it("toggles a folder and selects a file with Enter or Space", () => {
    expect(treeKeyAction(closed, "plots", "Enter")).toEqual({ type: "expand", path: "plots" });
    expect(treeKeyAction(open, "model", " ")).toEqual({ type: "collapse", path: "model" });
    expect(treeKeyAction(open, "model/MLmodel", "Enter")).toEqual({ type: "select", path: "model/MLmodel" });
  });

  it("leaves typed characters to the type-ahead", () => {
    expect(treeKeyAction(open, "model", "m")).toBeUndefined();
    expect(treeKeyAction(open, undefined, "m")).toBeUndefined();
    expect(treeKeyAction(open, "model", "Tab")).toBeUndefined();
  });
});
