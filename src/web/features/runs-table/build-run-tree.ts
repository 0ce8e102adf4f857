import { SystemTags, type Run } from "../../../core/index.js";
import { runTag } from "../../utils/run-tag.js";

/**
 * Child runs as a tree of any depth, from MLflow's `mlflow.parentRunId` tag. The loaded runs come in
 * the server's order (its filter and sort); their ancestors that the search has not returned are
 * fetched and added. Those that cannot be results (a filter, another experiment, another lifecycle
 * stage) are "context" nodes. A node ranks by its best-ranked member: itself or any descendant, so
 * a family sits where its first run in the server's order is, and loading more pages (which only
 * brings later runs) never moves what is already shown: a link gives the same table however many
 * pages were loaded, and a sort by a child's metric brings its whole family up.
 */
export interface RunTreeNode {
  run: Run;
  children: RunTreeNode[];
  /** Not a result of the search: shown only because a descendant is. */
  isContext: boolean;
  /** Best position in the server's order of the node and its descendants (Infinity: none loaded). */
  rank: number;
}

export interface RunTreeRow {
  node: RunTreeNode;
  depth: number;
  expanded: boolean;
}

export function parentRunId(run: Run): string | undefined {
  const value = runTag(run, SystemTags.PARENT_RUN_ID);
  return value && value !== run.info.run_id ? value : undefined;
}

/**
 * Parent ids that the table must fetch so every loaded run hangs under its real ancestors: walks up
 * from each run through runs already known, returning the first unknown id of each chain.
 */
export function missingParentIds(runs: Iterable<Run>, isKnown: (runId: string) => boolean): string[] {
  const missing = new Set<string>();
  for (const run of runs) {
    const parent = parentRunId(run);
    if (parent && !isKnown(parent)) missing.add(parent);
  }
  return [...missing];
}

/**
 * `isResult` says whether a fetched ancestor matches the search anyway (it is on a page not loaded
 * yet): such an ancestor is a real, selectable row, not context.
 */
export function buildRunTree(loaded: readonly Run[], ancestors: ReadonlyMap<string, Run> = new Map(), isResult: (run: Run) => boolean = () => false): RunTreeNode[] {
  const nodes = new Map<string, RunTreeNode>();
  loaded.forEach((run, index) => {
    // A run can appear twice if data shifts between pages; the first position wins.
    if (!nodes.has(run.info.run_id)) nodes.set(run.info.run_id, { run, children: [], isContext: false, rank: index });
  });
  for (const [id, run] of ancestors) {
    if (!nodes.has(id)) nodes.set(id, { run, children: [], isContext: !isResult(run), rank: Infinity });
  }

  const parentOf = new Map<string, RunTreeNode>();
  /** Linking `node` under `parent` would close a loop if `node` is already above `parent`. */
  const closesLoop = (node: RunTreeNode, parent: RunTreeNode): boolean => {
    for (let p: RunTreeNode | undefined = parent; p; p = parentOf.get(p.run.info.run_id)) if (p === node) return true;
    return false;
  };
  const roots: RunTreeNode[] = [];
  for (const node of nodes.values()) {
    const parentId = parentRunId(node.run);
    const parent = parentId ? nodes.get(parentId) : undefined;
    if (parent && !closesLoop(node, parent)) {
      parent.children.push(node);
      parentOf.set(node.run.info.run_id, parent);
    } else {
      roots.push(node);
    }
  }

  // A fetched ancestor without any loaded descendant has nothing to explain (stale cache): dropped.
  const settle = (node: RunTreeNode): number => {
    for (const child of node.children) node.rank = Math.min(node.rank, settle(child));
    node.children = node.children.filter((c) => c.rank !== Infinity).sort((a, b) => a.rank - b.rank);
    return node.rank;
  };
  for (const root of roots) settle(root);
  return roots.filter((r) => r.rank !== Infinity).sort((a, b) => a.rank - b.rank);
}

/** The visible rows, depth-first, descending only into expanded nodes. */
export function flattenRunTree(roots: readonly RunTreeNode[], isExpanded: (node: RunTreeNode) => boolean): RunTreeRow[] {
  const rows: RunTreeRow[] = [];
  const visit = (node: RunTreeNode, depth: number) => {
    const expanded = node.children.length > 0 && isExpanded(node);
    rows.push({ node, depth, expanded });
    if (expanded) for (const child of node.children) visit(child, depth + 1);
  };
  for (const root of roots) visit(root, 0);
  return rows;
}

/** The number of runs below a node, at any depth. */
export function descendantCount(node: RunTreeNode): number {
  return node.children.reduce((sum, child) => sum + 1 + descendantCount(child), 0);
}
