import { useQueries, type UseQueryResult } from "@tanstack/react-query";
import { useCallback, useMemo, useRef, useState, type MouseEvent } from "react";
import { Link, useNavigate, useParams } from "react-router";
import type { Experiment } from "../../../core/index.js";
import { experimentQueryOptions } from "../../api/experiments/experiment-queries.js";
import { ErrorBanner } from "../../components/error-banner.js";
import { ViewTypeSwitch } from "../../components/view-type-switch.js";
import { paths } from "../../config/paths.js";
import { followInApp } from "../../utils/follow-in-app.js";
import { useDocumentTitle } from "../../utils/use-document-title.js";
import { useStableCallback } from "../../utils/use-stable-callback.js";
import { checkRunFilter } from "../search-bar/check-filter.js";
import { NAME_COLUMN, buildColumns, nextSort, type ColumnDef } from "./column-model.js";
import { ColumnPicker } from "./column-picker.js";
import { defaultMetricColumns } from "./default-columns.js";
import type { RunsViewState } from "./runs-url-state.js";
import { sized, withWidth } from "./column-widths.js";
import { DownloadRunsButton } from "./download-runs-button.js";
import { DeletedRunsNotice } from "./deleted-runs-notice.js";
import { ExperimentNotes } from "./experiment-notes.js";
import { ExperimentNotFound } from "./experiment-not-found.js";
import { isMissingResource } from "../../lib/is-missing-resource.js";
import { experimentIdsOf, runSearchOf } from "./run-search-of.js";
import { FilterKeyHintsNote } from "./filter-key-hints-note.js";
import { FirstRunHint } from "./first-run-hint.js";
import { RunsBody } from "./runs-body.js";
import { RunsSearchBox } from "./runs-search-box.js";
import type { ActiveRow } from "./runs-grid.js";
import { SelectionActions } from "./selection-actions.js";
import { selectRange, toggleAll, toggleSelection } from "./selection.js";
import { suggestionSource } from "./suggestion-source.js";
import { useRunDeletion } from "./use-run-deletion.js";
import { RefreshButton } from "./refresh-button.js";
import { useRefreshAnchor } from "./use-refresh-anchor.js";
import { useRunRows } from "./use-run-rows.js";
import { useRunsRefresh } from "./use-runs-refresh.js";
import { isLayoutChange, useRunsViewState } from "./use-runs-view-state.js";
import { useTableKeyboard } from "./use-table-keyboard.js";
import { useTableEntry, useViewRestore } from "./use-view-restore.js";
import { withClause } from "./with-clause.js";
import "./runs-table.css";

interface ExperimentsInfo {
  names: ReadonlyMap<string, string>;
  error: unknown;
  /** Whether the server said one of the experiments does not exist. */
  missing: boolean;
}

/** Combined once per change of the experiment queries, so the map is stable for the memoised rows. */
function namesOf(results: UseQueryResult<Experiment>[]): ExperimentsInfo {
  const error = results.find((q) => q.isError)?.error;
  return {
    names: new Map(results.flatMap((q) => (q.data ? [[q.data.experiment_id, q.data.name] as const] : []))),
    error,
    missing: results.some((q) => q.isError && isMissingResource(q.error)),
  };
}

export function RunsPage() {
  const params = useParams();
  const experimentIds = useMemo(() => experimentIdsOf(params.experimentIds), [params.experimentIds]);
  const { names: experimentNames, error: experimentError, missing } = useQueries({ queries: experimentIds.map((id) => experimentQueryOptions(id)), combine: namesOf });

  const [urlView, setUrlView, { columnsUnsaid, resetLayout }] = useRunsViewState(experimentIds);
  const { filter, sort, viewType } = urlView;
  const search = useMemo(() => runSearchOf(experimentIds, { filter, sort, viewType }), [experimentIds, filter, sort, viewType]);
  // A filter from a hand-edited link is checked like a typed one: an invalid filter is never sent.
  const filterCheck = useMemo(() => checkRunFilter(filter), [filter]);
  const entry = useTableEntry();
  const { query, loaded, rows, toggle, expandAll, hasChildren, loadMore, expansion, pageCount } = useRunRows(search, filterCheck.ok, entry.saved?.expansion);
  const { refresh, refreshing } = useRunsRefresh(search, query, filterCheck.ok);
  const source = useMemo(() => suggestionSource(loaded), [loaded]);
  const firstPage = query.data?.pages[0]?.runs;
  const suggested = useMemo(() => defaultMetricColumns(firstPage ?? []), [firstPage]);
  // Until the user changes anything, a table nobody chose columns for (a link without `c`, a filter
  // alone included) shows the suggested ones; the first change (any: a selection too) writes them
  // into the URL, so the view stays what was shown.
  const defaulted = columnsUnsaid && suggested.length > 0;
  const view = useMemo(() => (defaulted ? { ...urlView, columns: suggested } : urlView), [defaulted, urlView, suggested]);
  // Suggested columns written out by a selection are not a choice to remember: they may change.
  const setView = useStableCallback((change: Partial<RunsViewState>) =>
    setUrlView(defaulted && !("columns" in change) ? { columns: suggested, ...change } : change, isLayoutChange(change)),
  );
  // Keyed by content: the URL is read afresh on every change (a selection click too), and new
  // columns would render every row on screen again.
  const columnsKey = JSON.stringify([view.columns, view.widths, experimentIds.length > 1]);
  const columns = useMemo(() => buildColumns(view.columns, experimentIds.length > 1).map((c) => sized(c, view.widths)), [columnsKey]);
  const nameWidth = view.widths[NAME_COLUMN.id];
  const nameColumn = useMemo(() => sized(NAME_COLUMN, nameWidth === undefined ? {} : { [NAME_COLUMN.id]: nameWidth }), [nameWidth]);
  const resizeColumn = useStableCallback((columnId: string, width: number) => setView({ widths: withWidth(view.widths, columnId, width) }));

  const selected = useMemo(() => new Set(view.selected), [view.selected]);
  // What select-all and shift-click act on: the rows on show (not children of collapsed runs), without context ancestors.
  const selectableIds = useMemo(() => rows.filter((r) => !r.node.isContext).map((r) => r.node.run.info.run_id), [rows]);
  const selectedShown = selectableIds.filter((id) => selected.has(id)).length;
  const anchor = useRef<string | undefined>(undefined);
  const [active, setActive] = useState<ActiveRow>({ runId: undefined, reveal: false });
  const activate = useCallback((runId: string) => setActive({ runId, reveal: true }), []);
  const activeIndex = useMemo(() => (active.runId === undefined ? -1 : rows.findIndex((r) => r.node.run.info.run_id === active.runId)), [rows, active.runId]);
  const navigate = useNavigate();
  const scrollRef = useRef<HTMLDivElement>(null);
  useRefreshAnchor(scrollRef, rows, loaded, pageCount);
  const onGridScroll = useViewRestore(entry, {
    rows,
    loadedRuns: loaded.length,
    canLoadMore: query.hasNextPage && !query.isError,
    fetchingMore: query.isFetchingNextPage,
    loadMore,
    scrollRef,
    expansion,
    active,
    setActive,
  });

  const select = useStableCallback((runId: string, event?: MouseEvent) => {
    const next = event?.shiftKey ? selectRange(view.selected, selectableIds, anchor.current, runId) : toggleSelection(view.selected, runId);
    if (!event?.shiftKey) anchor.current = runId;
    setView({ selected: next });
  });
  const openLink = useStableCallback((event: MouseEvent<HTMLAnchorElement>) => followInApp(event, navigate));
  const addFilter = useStableCallback((clause: string) => setView({ filter: withClause(view.filter, clause), selected: [] }));
  const activeRow = rows[activeIndex];
  useTableKeyboard({
    rowCount: rows.length,
    move: (delta) => setActive({ runId: rows[Math.max(0, Math.min(rows.length - 1, activeIndex + delta))]?.node.run.info.run_id, reveal: true }),
    open: () => {
      if (activeRow) void navigate(paths.run.href({ experimentId: activeRow.node.run.info.experiment_id, runId: activeRow.node.run.info.run_id }));
    },
    toggleSelect: () => {
      if (activeRow && !activeRow.node.isContext) select(activeRow.node.run.info.run_id);
    },
    expand: (expand) => {
      if (activeRow && activeRow.node.children.length > 0 && activeRow.expanded !== expand) toggle(activeRow.node.run.info.run_id);
    },
  });

  const deletion = useRunDeletion(experimentIds);

  const title = experimentIds.length === 1 ? (experimentNames.get(experimentIds[0] ?? "") ?? `Experiment ${experimentIds[0] ?? ""}`) : `${experimentIds.length} experiments`;
  useDocumentTitle(missing ? "Experiment not found" : title);
  if (missing) return <ExperimentNotFound experimentIds={experimentIds} error={experimentError} />;
  return (
    <div className="page runs-page">
      <div className="page-header">
        <div>
          <nav className="breadcrumbs" aria-label="Breadcrumbs">
            <Link to={paths.experiments.href()}>Experiments</Link>
          </nav>
          <h1 data-testid="runs-title">{title}</h1>
          {experimentIds.length > 1 && <div className="muted">{[...experimentNames.values()].join(", ")}</div>}
        </div>
      </div>
      {experimentError ? <ErrorBanner title="Could not load the experiment" error={experimentError} /> : null}
      <ExperimentNotes experimentIds={experimentIds} />
      <div className="toolbar">
        <RunsSearchBox applied={view.filter} onApply={(filter) => setView({ filter, selected: [] })} source={source} experimentIds={experimentIds} viewType={view.viewType} />
      </div>
      <div className="toolbar">
        <ViewTypeSwitch label="Run lifecycle" value={view.viewType} onChange={(viewType) => setView({ viewType, selected: [] })} />
        <ColumnPicker readKeys={() => source.keys} chosen={view.columns} onChange={(c) => setView({ columns: c })} onReset={() => resetLayout(suggested)} />
        {hasChildren && (
          <div className="segmented" role="group" aria-label="Child runs">
            <button type="button" onClick={() => expandAll(true)}>
              Expand all
            </button>
            <button type="button" onClick={() => expandAll(false)}>
              Collapse all
            </button>
          </div>
        )}
        <RefreshButton what="runs" onRefresh={refresh} refreshing={refreshing} retrying={query.failureCount > 0} />
        <DownloadRunsButton loaded={loaded} selectedIds={view.selected} experimentIds={experimentIds} />
        <div className="toolbar-spacer" />
        <SelectionActions
          selectedIds={view.selected}
          loaded={loaded}
          viewType={view.viewType}
          experimentIds={experimentIds}
          onClear={() => setView({ selected: [] })}
          deletion={deletion}
        />
      </div>
      <DeletedRunsNotice deletion={deletion} />
      <RunsBody
        invalidFilter={filterCheck.ok ? undefined : filterCheck.message}
        query={query}
        rows={rows}
        filter={view.filter}
        viewType={view.viewType}
        startHint={experimentIds.length === 1 && experimentIds[0] ? <FirstRunHint experimentId={experimentIds[0]} /> : undefined}
        emptyHint={<FilterKeyHintsNote filter={view.filter} experimentIds={experimentIds} viewType={view.viewType} />}
        grid={{
          rows,
          nameColumn,
          columns,
          onResizeColumn: resizeColumn,
          sort: view.sort,
          onSort: (column: ColumnDef) => setView({ sort: nextSort(view.sort, column) }),
          selected,
          selectAllState: selectedShown === 0 ? "none" : selectedShown === selectableIds.length ? "all" : "some",
          onSelectAll: () => setView({ selected: toggleAll(view.selected, selectableIds) }),
          onSelect: select,
          active,
          activeIndex,
          onActivate: activate,
          onToggleExpand: toggle,
          onAddFilter: addFilter,
          onOpenLink: openLink,
          experimentNames,
          onEndReached: loadMore,
          scrollRef,
          onScroll: onGridScroll,
        }}
        loadedCount={loaded.length}
      />
    </div>
  );
}
