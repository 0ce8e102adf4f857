import { useInfiniteQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { Run } from "../../../core/index.js";
import { runSearchQueryOptions } from "../../api/runs/run-queries.js";
import type { RunSearch } from "../../api/runs/run-search.js";
import { afterNextPaint } from "../../utils/after-next-paint.js";
import { windowFirstRunsPageSize } from "./first-page-size.js";
import { buildRunTree, flattenRunTree, runSortComparator, type RunTreeNode } from "./build-run-tree.js";
import { ancestorIsResult } from "./ancestor-is-result.js";
import { freshExpansion, restoreExpansion, type Expansion, type SavedExpansion } from "./run-expansion.js";
import { useAncestorRuns } from "./use-ancestor-runs.js";

/** How long a view with only its first page is left alone before the second page is fetched anyway. */
const SECOND_PAGE_AFTER_MS = 1000;
/**
 * Under a sort, pages load on by themselves up to this many runs. A sort splits families across
 * pages (children without the sorted key come last), and a parent only shows its expander and
 * child count once its children are loaded: up to here the tree is whole a moment after the first
 * paint, whichever way the table was opened; beyond, children on later pages join when scrolled in.
 */
export const SORTED_TREE_RUNS = 1000;

/**
 * The runs of a search as visible tree rows. Expansion is local UI state: by default context
 * ancestors and, under a filter or a sort, every node are open so the results show in the server's
 * order under their parents; otherwise only the top level shows. "Expand/collapse all" switch the
 * default, and single toggles flip it per run. `restored` is the expansion the history entry had
 * (Back to the table): it is taken each time it changes, when it belongs to this search.
 */
export function useRunRows(search: RunSearch, enabled: boolean, restored: SavedExpansion | undefined) {
  const options = runSearchQueryOptions(search, windowFirstRunsPageSize());
  const query = useInfiniteQuery({ ...options, enabled: enabled && options.enabled !== false });
  // The grid asks for the next page when its end comes near (the first page fills the window: see
  // firstRunsPageSize). Otherwise the page after the first follows once the view has been left alone
  // for a moment, so that select-all, the column picker and autocomplete cover more runs; not at
  // once: right after the first paint the user may be leaving already (opening a run, another
  // filter), and the server and the tab would be busy with a page nobody looks at.
  const { hasNextPage, isFetching, isError, fetchNextPage } = query;
  // The request leaves after the frame that shows the rows so far: a quick server would otherwise
  // hand the page back before those rows are painted, and its rendering would delay them.
  // Callers may ask again before that, or before the re-render that says a page is on its way: that
  // must not cancel and re-send the request, as fetchNextPage does by default. Nor while a refresh
  // refetches the loaded pages: fetchNextPage would only join the refresh; the new `loadMore` once it
  // is done asks again.
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetching && !isError) afterNextPaint(() => void fetchNextPage({ cancelRefetch: false }));
  }, [hasNextPage, isFetching, isError, fetchNextPage]);
  const pageCount = query.data?.pages.length ?? 0;
  const loaded = useMemo<Run[]>(() => query.data?.pages.flatMap((p) => p.runs ?? []) ?? [], [query.data]);
  const sorted = search.orderBy !== undefined;
  const completeTree = sorted && loaded.length < SORTED_TREE_RUNS;
  useEffect(() => {
    if (pageCount === 0) return;
    if (completeTree) {
      loadMore();
      return;
    }
    if (pageCount !== 1) return;
    const timer = window.setTimeout(loadMore, SECOND_PAGE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [pageCount, completeTree, loadMore]);
  const loadedIds = useMemo(() => new Set(loaded.map((r) => r.info.run_id)), [loaded]);
  const ancestors = useAncestorRuns(loaded, loadedIds, search.experimentIds);
  const { experimentIds, filter, viewType } = search;
  const isResult = useMemo(() => ancestorIsResult({ experimentIds, filter, viewType }), [experimentIds, filter, viewType]);
  const bySort = useMemo(() => runSortComparator(search.orderBy), [search.orderBy]);
  const tree = useMemo(() => buildRunTree(loaded, ancestors, isResult, bySort), [loaded, ancestors, isResult, bySort]);

  // Expansion starts over with each search, so a link shows the same tree however it was reached.
  const searchKey = JSON.stringify([experimentIds, filter, search.orderBy, viewType]);
  const [expansion, setExpansion] = useState<Expansion>(() => restoreExpansion(restored, searchKey) ?? freshExpansion(searchKey));
  const [restoredSeen, setRestoredSeen] = useState(restored);
  let nextExpansion = expansion;
  if (restored !== restoredSeen) {
    setRestoredSeen(restored);
    nextExpansion = restoreExpansion(restored, searchKey) ?? nextExpansion;
  }
  if (nextExpansion.searchKey !== searchKey) nextExpansion = freshExpansion(searchKey);
  if (nextExpansion !== expansion) setExpansion(nextExpansion);
  const { mode, toggled } = expansion;
  const openByDefault = filter.trim().length > 0 || sorted;
  const rows = useMemo(() => {
    const byDefault = (node: RunTreeNode) => (mode === "all" ? true : mode === "none" ? false : node.isContext || openByDefault);
    return flattenRunTree(tree, (node) => byDefault(node) !== toggled.has(node.run.info.run_id));
  }, [tree, mode, toggled, openByDefault]);

  const toggle = useCallback(
    (runId: string) =>
      setExpansion((prev) => {
        const next = new Set(prev.toggled);
        if (next.has(runId)) next.delete(runId);
        else next.add(runId);
        return { ...prev, toggled: next };
      }),
    [],
  );
  const expandAll = (expand: boolean) => setExpansion((prev) => ({ ...prev, mode: expand ? "all" : "none", toggled: new Set() }));
  const hasChildren = useMemo(() => tree.some((n) => n.children.length > 0), [tree]);

  return { query, loaded, rows, toggle, expandAll, hasChildren, loadMore, expansion, pageCount };
}
