import type { FileInfo } from "../../../core/index.js";
import { naturalCompare } from "../../utils/natural-compare.js";
import { fileName } from "./preview-kind.js";
import { unopenableReason } from "./unopenable-reason.js";

/** What is known of one folder's entries: its list request's state. */
export type FolderListing = { status: "pending" } | { status: "error"; error: unknown } | { status: "success"; files: readonly FileInfo[] };

/** A file or folder, as one line of the tree. */
export interface EntryRow {
  type: "entry";
  /** Relative to the artifact root, as the server lists it: `model/MLmodel`. */
  path: string;
  name: string;
  /** The folder it is in; "" for the root. */
  parent: string;
  /** 1 at the top, as aria-level counts. */
  level: number;
  isDir: boolean;
  size: number | undefined;
  /** An open folder (always false for files). */
  expanded: boolean;
  /** Position among its siblings, 1-based, and their count: aria-posinset / aria-setsize. */
  posInSet: number;
  setSize: number;
  /** Why the server will not open it (`unopenableReason`): listed, but never asked for. */
  unopenable: string | undefined;
}

/**
 * The line under an open folder whose entries are still loading, failed to load, or are none; or
 * that the server will not list (`reason`), which is not asked.
 */
export interface StatusRow {
  type: "status";
  folder: string;
  level: number;
  status: "pending" | "error" | "empty" | "unopenable";
  error?: unknown;
  reason?: string;
}

export type TreeRow = EntryRow | StatusRow;

/** The folder holding `path`: "" for a top-level entry. */
export function parentPath(path: string): string {
  const slash = path.lastIndexOf("/");
  return slash < 0 ? "" : path.slice(0, slash);
}

/** Every folder above `path`, outermost first: `a/b/c.txt` → `a`, `a/b`. */
export function ancestorPaths(path: string): string[] {
  const out: string[] = [];
  for (let i = path.indexOf("/"); i > 0; i = path.indexOf("/", i + 1)) out.push(path.slice(0, i));
  return out;
}

/** Names in natural order (`epoch_2` before `epoch_10`), ignoring case as file browsers do; case breaks ties. */
function compareNames(a: string, b: string): number {
  return naturalCompare(a.toLowerCase(), b.toLowerCase()) || naturalCompare(a, b);
}

/** Folders first, then files, each by name. */
export function sortEntries(files: readonly FileInfo[]): FileInfo[] {
  return [...files].sort((a, b) => (a.is_dir === b.is_dir ? compareNames(fileName(a.path), fileName(b.path)) : a.is_dir ? -1 : 1));
}

/**
 * The folders whose entries are on show: the root and every expanded folder whose ancestors are all
 * expanded too. A folder inside a collapsed one stays in `expanded` (it reopens as it was), but is
 * not on show and so is not listed.
 */
export function openFolders(expanded: ReadonlySet<string>): string[] {
  return ["", ...[...expanded].filter((path) => path !== "" && ancestorPaths(path).every((a) => expanded.has(a))).sort()];
}

/** `expanded` with `paths` added; the same set when they all were there already (no re-render). */
export function withExpanded(expanded: ReadonlySet<string>, paths: readonly string[]): ReadonlySet<string> {
  if (paths.every((p) => expanded.has(p))) return expanded;
  return new Set([...expanded, ...paths]);
}

/**
 * An entry's path under `folder`. Servers list paths from the artifact root (`model/MLmodel` inside
 * `model`); one that lists bare names gets them prefixed, and an entry that does not lie below its
 * folder (a folder listing itself) is put there by name, so opening it can never recurse forever.
 */
function entryPath(folder: string, listed: string): string {
  if (folder === "") return listed.replace(/^\/+/, "");
  return listed.startsWith(`${folder}/`) && listed.length > folder.length + 1 ? listed : `${folder}/${fileName(listed)}`;
}

/** The visible lines of the tree, top to bottom, from the root's entries down through open folders. */
export function flattenTree(listings: ReadonlyMap<string, FolderListing>, expanded: ReadonlySet<string>): TreeRow[] {
  const rows: TreeRow[] = [];
  const walk = (folder: string, level: number): void => {
    const reason = folder === "" ? undefined : unopenableReason(folder);
    if (reason !== undefined) {
      rows.push({ type: "status", folder, level, status: "unopenable", reason });
      return;
    }
    const listing = listings.get(folder);
    if (!listing || listing.status === "pending") {
      rows.push({ type: "status", folder, level, status: "pending" });
      return;
    }
    if (listing.status === "error") {
      rows.push({ type: "status", folder, level, status: "error", error: listing.error });
      return;
    }
    if (listing.files.length === 0) {
      rows.push({ type: "status", folder, level, status: "empty" });
      return;
    }
    const files = sortEntries(listing.files);
    files.forEach((file, i) => {
      const path = entryPath(folder, file.path);
      const open = file.is_dir && expanded.has(path);
      rows.push({ type: "entry", path, name: fileName(path), parent: folder, level, isDir: file.is_dir, size: file.is_dir ? undefined : file.file_size, expanded: open, posInSet: i + 1, setSize: files.length, unopenable: unopenableReason(path) });
      if (open) walk(path, level + 1);
    });
  };
  walk("", 1);
  return rows;
}

export type TreeKeyAction = { type: "focus"; path: string } | { type: "expand"; path: string } | { type: "collapse"; path: string } | { type: "select"; path: string };

/**
 * What a key does in the tree, as WAI-ARIA's tree view pattern has it: ↑/↓ move between visible
 * entries, Home/End to the first/last; → opens a closed folder or moves into an open one; ← closes an
 * open folder or moves to the parent; Enter or Space opens/closes a folder and selects a file.
 * Typing a name is `type-ahead.ts`. Undefined: the key is not the tree's.
 */
export function treeKeyAction(rows: readonly TreeRow[], focused: string | undefined, key: string): TreeKeyAction | undefined {
  const entries = rows.filter((r): r is EntryRow => r.type === "entry");
  if (entries.length === 0) return undefined;
  const index = entries.findIndex((r) => r.path === focused);
  const current = entries[index];
  const focus = (row: EntryRow | undefined): TreeKeyAction | undefined => (row ? { type: "focus", path: row.path } : undefined);
  switch (key) {
    case "ArrowDown":
      return focus(index < 0 ? entries[0] : entries[index + 1]);
    case "ArrowUp":
      return focus(index < 0 ? entries[0] : entries[index - 1]);
    case "Home":
      return focus(entries[0]);
    case "End":
      return focus(entries[entries.length - 1]);
  }
  if (!current) return key === "ArrowRight" || key === "ArrowLeft" ? focus(entries[0]) : undefined;
  switch (key) {
    case "ArrowRight":
      if (!current.isDir) return undefined;
      if (!current.expanded) return { type: "expand", path: current.path };
      return entries[index + 1]?.parent === current.path ? focus(entries[index + 1]) : undefined;
    case "ArrowLeft":
      if (current.isDir && current.expanded) return { type: "collapse", path: current.path };
      return current.parent ? focus(entries.find((r) => r.path === current.parent)) : undefined;
    case "Enter":
    case " ":
      if (current.isDir) return { type: current.expanded ? "collapse" : "expand", path: current.path };
      return { type: "select", path: current.path };
  }
  return undefined;
}
