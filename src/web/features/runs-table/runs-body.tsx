import type { InfiniteData, UseInfiniteQueryResult } from "@tanstack/react-query";
import type { ComponentProps, ReactNode } from "react";
import type { SearchRunsResponse } from "../../../core/api/endpoints.js";
import type { ViewType } from "../../../core/index.js";
import { EmptyState } from "../../components/empty-state.js";
import { ErrorBanner } from "../../components/error-banner.js";
import type { RunTreeRow } from "./build-run-tree.js";
import { RunsFooterLine } from "./runs-footer-line.js";
import { RunsGrid } from "./runs-grid.js";

interface Props {
  /** Why the search was not sent (a filter the parser refuses), if it was not. */
  invalidFilter: string | undefined;
  query: UseInfiniteQueryResult<InfiniteData<SearchRunsResponse, unknown>>;
  rows: readonly RunTreeRow[];
  filter: string;
  grid: ComponentProps<typeof RunsGrid>;
  loadedCount: number;
  /** Said under "No runs match this filter" (names in the filter that no run has). */
  emptyHint?: ReactNode;
  viewType: ViewType;
  /** Said under "No runs here yet" (how to log a first run). */
  startHint?: ReactNode;
}

/** The table area's states: first load, server error (e.g. a filter the server refuses), empty, or the grid. */
export function RunsBody({ invalidFilter, query, rows, filter, grid, loadedCount, emptyHint, viewType, startHint }: Props) {
  if (invalidFilter !== undefined) return <ErrorBanner title="The filter is not valid, so no search was sent" error={invalidFilter} />;
  if (query.isPending) {
    return (
      <div className="runs-skeleton" role="status" aria-label="Loading runs">
        {Array.from({ length: 12 }, (_, i) => (
          <div key={i} className="skeleton-row" style={{ width: `${90 - (i % 4) * 12}%` }} />
        ))}
      </div>
    );
  }
  const failure = query.isError ? <ErrorBanner title={query.isFetchNextPageError ? "Could not load more runs" : "Search failed"} error={query.error} onRetry={() => void query.refetch()} /> : null;
  if (rows.length === 0) {
    return (
      failure ?? (
        <EmptyState title={filter ? "No runs match this filter" : viewType === "DELETED_ONLY" ? "No deleted runs" : "No runs here yet"}>
          {filter
            ? "Change or clear the filter above."
            : viewType === "DELETED_ONLY"
              ? "Deleted runs of this experiment appear here, to restore, until the server's garbage collection removes them."
              : "Runs logged to this experiment with any MLflow client appear here."}
          {filter ? emptyHint : viewType !== "DELETED_ONLY" && startHint}
        </EmptyState>
      )
    );
  }
  return (
    <>
      {failure}
      <RunsGrid {...grid} />
      <RunsFooterLine query={query} loadedCount={loadedCount} />
    </>
  );
}
