import { SystemTags, type Run } from "../../../core/index.js";
import { parseRunOrderBy, type OrderKey } from "../../../core/search/index.js";
import { runTag } from "../../utils/run-tag.js";

/**
 * Child runs as a tree of any depth, from MLflow's `mlflow.parentRunId` tag. The loaded runs come in
 * the server's order (its filter and sort); their ancestors that the search has not returned are
 * fetched and added. Those that cannot be results (a filter, another experiment, another lifecycle
 * stage) are "context" nodes. A node ranks by its best-ranked member: itself or any descendant, so
 * a family sits where its first run in the server's order is, and loading more pages (which only
 * brings later runs) never moves what is already shown: a link gives the same table however many
 * pages were loaded, and a sort by a child's metric brings its whole family up.
 *
 * Under a sort, runs that tie on the sorted value share one position: the server breaks such ties
 * by start time, which says nothing about the families. Siblings whose best runs tie are then
 * ordered by their own sorted value (known for fetched ancestors too, so partly and fully loaded
 * trees agree), and last by the server's own tie-break.
 */
export interface RunTreeNode {
  run: Run;
  children: RunTreeNode[];
  /** Not a result of the search: shown only because a descendant is. */
  isContext: boolean;
  /**
   * Best position in the server's order of the node and its descendants (Infinity: none loaded).
   * Under a sort, runs tying on the sorted value count as the position of the first of them.
   */
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

/** Orders two runs; 0 when they tie. */
export type RunComparator = (a: Run, b: Run) => number;

/** A sorted value's class first, so missing values sort last in both directions (as the server does). */
interface SortValue {
  /** 0: a value, 1: NaN (metrics only, after every number), 2: missing. */
  missing: 0 | 1 | 2;
  value: number | string;
}

/** The attributes run search sorts on (the parser makes `created` start_time). */
const ATTRIBUTE_VALUES: Readonly<Record<string, (run: Run) => number | string | undefined>> = {
  run_id: (r) => r.info.run_id,
  run_name: (r) => r.info.run_name,
  status: (r) => r.info.status,
  user_id: (r) => r.info.user_id,
  artifact_uri: (r) => r.info.artifact_uri,
  start_time: (r) => r.info.start_time,
  end_time: (r) => r.info.end_time,
};

function sortValue(run: Run, key: OrderKey): SortValue {
  const present = (value: number | string | undefined): SortValue => (value === undefined ? { missing: 2, value: 0 } : { missing: 0, value });
  switch (key.entity) {
    case "metric": {
      const value = run.data.metrics.find((m) => m.key === key.key)?.value;
      return value !== undefined && Number.isNaN(value) ? { missing: 1, value: 0 } : present(value);
    }
    case "param":
      return present(run.data.params.find((p) => p.key === key.key)?.value);
    case "tag":
      return present(runTag(run, key.key));
    case "attribute":
      return present(ATTRIBUTE_VALUES[key.key]?.(run));
    case "dataset":
      // The server rejects a sort on datasets, so there is nothing to follow.
      return { missing: 2, value: 0 };
  }
}

const compareValues = (a: number | string, b: number | string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * The sorted values of an `order_by` clause as a comparator (ties are 0: the server's start time and
 * run id tie-breaks are left out), or undefined without a sort or for a clause the browser cannot read.
 */
export function runSortComparator(orderBy: string | undefined): RunComparator | undefined {
  if (!orderBy) return undefined;
  let keys: OrderKey[];
  try {
    keys = parseRunOrderBy([orderBy]);
  } catch {
    // The server rejects it too, so there is no order to follow.
    return undefined;
  }
  return (a, b) => {
    for (const key of keys) {
      const va = sortValue(a, key);
      const vb = sortValue(b, key);
      if (va.missing !== vb.missing) return va.missing - vb.missing;
      const byValue = compareValues(va.value, vb.value);
      if (byValue !== 0) return key.ascending ? byValue : -byValue;
    }
    return 0;
  };
}

/** MLflow's last tie-breaks: start_time DESC, then run_id ASC. Total, so sibling order never depends on loading. */
const serverTieBreak: RunComparator = (a, b) => b.info.start_time - a.info.start_time || compareValues(a.info.run_id, b.info.run_id);

/**
 * `isResult` says whether a fetched ancestor matches the search anyway (it is on a page not loaded
 * yet): such an ancestor is a real, selectable row, not context. `bySort` is the search's sort (see
 * runSortComparator); without it every loaded run has a position of its own.
 */
export function buildRunTree(
  loaded: readonly Run[],
  ancestors: ReadonlyMap<string, Run> = new Map(),
  isResult: (run: Run) => boolean = () => false,
  bySort?: RunComparator,
): RunTreeNode[] {
  const nodes = new Map<string, RunTreeNode>();
  let previous: RunTreeNode | undefined;
  loaded.forEach((run, index) => {
    // A run can appear twice if data shifts between pages; the first position wins.
    if (nodes.has(run.info.run_id)) return;
    // Tied runs are adjacent in the server's order, so comparing with the one before finds them.
    const rank = previous && bySort && bySort(previous.run, run) === 0 ? previous.rank : index;
    previous = { run, children: [], isContext: false, rank };
    nodes.set(run.info.run_id, previous);
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

  // Ranks only tie under a sort (finite ranks are distinct positions otherwise), and Infinity is
  // filtered out before sorting, so the subtraction never sees two infinities.
  const order = (a: RunTreeNode, b: RunTreeNode): number => a.rank - b.rank || (bySort ? bySort(a.run, b.run) || serverTieBreak(a.run, b.run) : 0);
  // A fetched ancestor without any loaded descendant has nothing to explain (stale cache): dropped.
  const settle = (node: RunTreeNode): number => {
    for (const child of node.children) node.rank = Math.min(node.rank, settle(child));
    node.children = node.children.filter((c) => c.rank !== Infinity).sort(order);
    return node.rank;
  };
  for (const root of roots) settle(root);
  return roots.filter((r) => r.rank !== Infinity).sort(order);
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
