import { useInfiniteQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import type { Run } from "../../../core/index.js";
import { runSearchQueryOptions } from "../../api/runs/run-queries.js";
import type { RunSearch } from "../../api/runs/run-search.js";
import { afterNextPaint } from "../../utils/after-next-paint.js";
import { windowFirstRunsPageSize } from "./first-page-size.js";
import { buildRunTree, flattenRunTree, type RunTreeNode } from "./build-run-tree.js";
import { useAncestorRuns } from "./use-ancestor-runs.js";

export type ExpandMode = "default" | "all" | "none";

/**
 * The runs of a search as visible tree rows. Expansion is local UI state: by default context
 * ancestors and (under a filter) every node are open so matches are visible, everything else is
 * closed; "expand/collapse all" switch the default, and single toggles flip it per run.
 */
export function useRunRows(search: RunSearch, enabled: boolean) {
  const options = runSearchQueryOptions(search, windowFirstRunsPageSize());
  const query = useInfiniteQuery({ ...options, enabled: enabled && options.enabled !== false });
  // Infinite scroll: the grid asks for the next page when its end comes near (the first page fills
  // the window: see firstRunsPageSize). A page fetched before that would keep the server and the
  // tab busy right after the first paint, when the user may already be leaving for another view.
  const { hasNextPage, isFetchingNextPage, isError, fetchNextPage } = query;
  // The request leaves after the frame that shows the rows so far: a quick server would otherwise
  // hand the page back before those rows are painted, and its rendering would delay them.
  // Callers may ask again before that, or before the re-render that says a page is on its way: that
  // must not cancel and re-send the request, as fetchNextPage does by default.
  const loadMore = useCallback(() => {
    if (hasNextPage && !isFetchingNextPage && !isError) afterNextPaint(() => void fetchNextPage({ cancelRefetch: false }));
  }, [hasNextPage, isFetchingNextPage, isError, fetchNextPage]);
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
