import { useInfiniteQuery } from "@tanstack/react-query";
import { useCallback, useEffect, useMemo, useState } from "react";
import type { Run } from "../../../core/index.js";
import { runSearchQueryOptions } from "../../api/runs/run-queries.js";
import type { RunSearch } from "../../api/runs/run-search.js";
import { afterNextPaint } from "../../utils/after-next-paint.js";
import { windowFirstRunsPageSize } from "./first-page-size.js";
import { buildRunTree, flattenRunTree, type RunTreeNode } from "./build-run-tree.js";
import { useAncestorRuns } from "./use-ancestor-runs.js";

export type ExpandMode = "default" | "all" | "none";

/** How long a view with only its first page is left alone before the second page is fetched anyway. */
const SECOND_PAGE_AFTER_MS = 1000;

/**
 * The runs of a search as visible tree rows. Expansion is local UI state: by default context
 * ancestors and (under a filter) every node are open so matches are visible, everything else is
 * closed; "expand/collapse all" switch the default, and single toggles flip it per run.
 */
export function useRunRows(search: RunSearch, enabled: boolean) {
  const options = runSearchQueryOptions(search, windowFirstRunsPageSize());
  const query = useInfiniteQuery({ ...options, enabled: enabled && options.enabled !== false });
  // The grid asks for the next page when its end comes near (the first page fills the window: see
  // firstRunsPageSize). Otherwise the page after the first follows once the view has been left alone
  // for a moment, so that select-all, the column picker and autocomplete cover more runs; not at
  // once: right after the first paint the user may be leaving already (opening a run, another
  // filter), and the server and the tab would be busy with a page nobody looks at.
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;
  // The request leaves after the frame that shows the rows so far: a quick server would otherwise
  // hand the page back before those rows are painted, and its rendering would delay them.
  // Callers may ask again before that, or before the re-render that says a page is on its way: that
  // must not cancel and re-send the request, as fetchNextPage does by default.
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) afterNextPaint(() => void fetchNextPage({ cancelRefetch: false }));
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage]);
  const onlyFirstPage = query.data?.pages.length === 1;
  useEffect(() => {
    if (!onlyFirstPage) return;
    const timer = window.setTimeout(loadMore, SECOND_PAGE_AFTER_MS);
    return () => window.clearTimeout(timer);
  }, [onlyFirstPage, loadMore]);
  const loaded = useMemo<Run[]>(() => query.data?.pages.flatMap((p) => p.runs ?? []) ?? [], [query.data]);
  const loadedIds = useMemo(() => new Set(loaded.map((r) => r.info.run_id)), [loaded]);
  const ancestors = useAncestorRuns(loaded, loadedIds, search.experimentIds);
  const tree = useMemo(() => buildRunTree(loaded, ancestors), [loaded, ancestors]);

  const [mode, setMode] = useState<ExpandMode>("default");
  const [toggled, setToggled] = useState<ReadonlySet<string>>(new Set());
  const filtering = search.filter.trim().length > 0;
  const rows = useMemo(() => {
    const byDefault = (node: RunTreeNode) => (mode === "all" ? true : mode === "none" ? false : node.isContext || filtering);
    return flattenRunTree(tree, (node) => byDefault(node) !== toggled.has(node.run.info.run_id));
  }, [tree, mode, toggled, filtering]);

  const toggle = useCallback(
    (runId: string) =>
      setToggled((prev) => {
        const next = new Set(prev);
        if (next.has(runId)) next.delete(runId);
        else next.add(runId);
        return next;
      }),
    [],
  );
  const expandAll = (expand: boolean) => {
    setMode(expand ? "all" : "none");
    setToggled(new Set());
  };
  const hasChildren = useMemo(() => tree.some((n) => n.children.length > 0), [tree]);

  return { query, loaded, rows, toggle, expandAll, hasChildren, loadMore };
}
