import { useQuery } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { Link, useSearchParams } from "react-router";
import type { ViewType } from "../../../core/index.js";
import { experimentListQueryOptions } from "../../api/experiments/experiment-queries.js";
import { SEARCH_FIELD_ATTRIBUTE } from "../../app/root-layout.js";
import { EmptyState } from "../../components/empty-state.js";
import { ErrorBanner } from "../../components/error-banner.js";
import { LoadingState } from "../../components/loading-state.js";
import { ViewTypeSwitch } from "../../components/view-type-switch.js";
import { paths } from "../../config/paths.js";
import { useDocumentTitle } from "../../utils/use-document-title.js";
import { parseViewType, viewTypeParam } from "../../utils/view-type-param.js";
import { RefreshButton } from "../runs-table/refresh-button.js";
import { CreateExperimentForm } from "./create-experiment-form.js";
import { DeletedExperimentNotice } from "./deleted-experiment-notice.js";
import { ExperimentList } from "./experiment-list.js";
import { filterExperiments } from "./filter-experiments.js";
import { useExperimentDeletion } from "./use-experiment-deletion.js";
import "./experiments.css";

export function ExperimentsPage() {
  const [params, setParams] = useSearchParams();
  const viewType = parseViewType(params.get("view"));
  const experiments = useQuery(experimentListQueryOptions(viewType));
  // Which experiments to open together; transient, so it stays out of the URL until "Compare" is pressed.
  const [checked, setChecked] = useState<ReadonlySet<string>>(new Set());
  const deletion = useExperimentDeletion();
  const [renamingId, setRenamingId] = useState<string | undefined>();
  const checkedIds = (experiments.data ?? []).map((e) => e.experiment_id).filter((id) => checked.has(id));

  const update = (changes: { q?: string; view?: ViewType }) =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (changes.q !== undefined) {
          if (changes.q) next.set("q", changes.q);
          else next.delete("q");
        }
        if (changes.view !== undefined) {
          const v = viewTypeParam(changes.view);
          if (v) next.set("view", v);
          else next.delete("view");
        }
        return next;
      },
      // Synchronous, so the search field bound to the URL never drops a keystroke.
      { replace: true, flushSync: true },
    );
  const query = params.get("q") ?? "";
  const shown = useMemo(() => filterExperiments(experiments.data ?? [], query, renamingId), [experiments.data, query, renamingId]);

  useDocumentTitle("Experiments");
  return (
    <div className="page experiments-page">
      <div className="page-header">
        <h1>Experiments</h1>
        {experiments.data && (
          <span className="badge" data-testid="experiment-count">
            {shown.length === experiments.data.length ? experiments.data.length : `${shown.length} of ${experiments.data.length}`}
          </span>
        )}
      </div>
      <div className="toolbar">
        <input
          className="input experiments-search"
          type="search"
          placeholder="Search experiments by name or id   ( / )"
          aria-label="Search experiments"
          value={query}
          onChange={(e) => update({ q: e.target.value })}
          {...{ [SEARCH_FIELD_ATTRIBUTE]: "" }}
        />
        <ViewTypeSwitch label="Experiment lifecycle" value={viewType} onChange={(view) => update({ view })} />
        <RefreshButton what="experiments" onRefresh={() => void (experiments.isRefetching || experiments.refetch())} refreshing={experiments.isRefetching} retrying={experiments.failureCount > 0} />
        <div className="toolbar-spacer" />
        {checkedIds.length > 0 && (
          <Link className="btn" to={paths.runs.href({ experimentIds: checkedIds })}>
            Open runs of {checkedIds.length} experiment{checkedIds.length === 1 ? "" : "s"}
          </Link>
        )}
        <CreateExperimentForm />
      </div>
      <DeletedExperimentNotice deletion={deletion} />
      {experiments.isPending ? (
        <LoadingState label="Loading experiments…" />
      ) : experiments.isError ? (
        <ErrorBanner title="Could not load experiments" error={experiments.error} onRetry={() => void experiments.refetch()} />
      ) : shown.length === 0 ? (
        <EmptyState title={query ? `No experiment matches “${query}”` : viewType === "DELETED_ONLY" ? "No deleted experiments" : "No experiments yet"}>
          {!query && viewType !== "DELETED_ONLY" && "Create one above, or log a run from any MLflow client."}
        </EmptyState>
      ) : (
        <ExperimentList
          experiments={shown}
          checked={checked}
          onCheckedChange={setChecked}
          onDelete={deletion.deleteExperiment}
          deletingId={deletion.deletingId}
          onRenamingChange={setRenamingId}
        />
      )}
    </div>
  );
}
