import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { Link, useLocation, useNavigate, useParams } from "react-router";
import { experimentQueryOptions } from "../../api/experiments/experiment-queries.js";
import { isLiveStatus, LIVE_REFRESH_MS } from "../../api/runs/live-status.js";
import { runQueryOptions } from "../../api/runs/run-queries.js";
import { EmptyState } from "../../components/empty-state.js";
import { ExperimentBreadcrumbs } from "../../components/experiment-breadcrumbs.js";
import { ErrorBanner } from "../../components/error-banner.js";
import { LoadingState } from "../../components/loading-state.js";
import { StatusBadge } from "../../components/status-badge.js";
import { paths } from "../../config/paths.js";
import { useDocumentTitle } from "../../utils/use-document-title.js";
import { RunArtifacts } from "../run-artifacts/run-artifacts.js";
import { DatasetsList } from "./datasets-list.js";
import { DeleteRunButton } from "./delete-run-button.js";
import { DeletedRunBanner } from "./deleted-run-banner.js";
import { errorMessage } from "../../lib/error-message.js";
import { isMissingResource } from "../../lib/is-missing-resource.js";
import { MetricsTable } from "./metrics-table.js";
import { NoteEditor } from "./note-editor.js";
import { ParamsTable } from "./params-table.js";
import { RefreshErrorNotice } from "./refresh-error-notice.js";
import { RunOverview } from "./run-overview.js";
import { runPageView } from "./run-page-view.js";
import { RunTitle } from "./run-title.js";
import { TagsEditor } from "./tags-editor.js";
import "./run-page.css";

export function RunPage() {
  const { experimentId = "", runId = "" } = useParams();
  // The route's loader has already asked: an answer of "no such run" is not asked for again on mount.
  // A run that is still training is re-read on the charts' beat, so its status, end time and latest
  // metrics move while the page is open.
  const run = useQuery({
    ...runQueryOptions(runId),
    retryOnMount: false,
    refetchInterval: (query) => (isLiveStatus(query.state.data?.info.status) ? LIVE_REFRESH_MS : false),
  });
  const expId = run.data?.info.experiment_id ?? experimentId;
  // A link may name the wrong experiment (hand-edited, or the run was made elsewhere): once the run
  // says where it lives, the URL is corrected in place, so breadcrumbs, links and a shared copy agree.
  const navigate = useNavigate();
  const location = useLocation();
  useEffect(() => {
    if (!run.data || run.data.info.experiment_id === experimentId) return;
    const href = paths.run.href({ experimentId: run.data.info.experiment_id, runId: run.data.info.run_id });
    void navigate(`${href}${location.search}${location.hash}`, { replace: true, state: location.state as unknown });
  }, [run.data, experimentId, navigate, location.search, location.hash, location.state]);
  const experiment = useQuery(experimentQueryOptions(expId));
  useDocumentTitle(run.data ? run.data.info.run_name || run.data.info.run_id : run.isError && isMissingResource(run.error) ? "Run not found" : undefined);

  const view = runPageView({ hasData: run.data !== undefined, isError: run.isError });
  if (view === "loading") return <LoadingState label="Loading run…" />;
  if (view === "load-error") {
    const runsLink = <Link to={paths.runs.href({ experimentIds: [experimentId] })}>Back to the runs of {experiment.data?.name ?? `experiment ${experimentId}`}</Link>;
    return (
      <div className="page page-scroll run-page">
        <div className="run-page-inner">
          <ExperimentBreadcrumbs experimentIds={[experimentId]} experimentName={experiment.data?.name} />
          {isMissingResource(run.error) ? (
            <EmptyState title="Run not found">
              <p>
                No run has the id <span className="mono">{runId}</span>; it may have been deleted for good.
              </p>
              {/* The server's own words, as every error in the UI shows them. */}
              <p className="muted" role="alert">
                {errorMessage(run.error)}
              </p>
              {runsLink}
            </EmptyState>
          ) : (
            <>
              <ErrorBanner title="Could not load the run" error={run.error} onRetry={() => void run.refetch()} />
              {runsLink}
            </>
          )}
        </div>
      </div>
    );
  }
  // Narrowed again for the compiler: runPageView only says "run" with data.
  if (!run.data) return null;
  const { info, data, inputs } = run.data;
  const deleted = info.lifecycle_stage === "deleted";
  return (
    <div className="page page-scroll run-page">
      <div className="run-page-inner">
        <ExperimentBreadcrumbs experimentIds={[info.experiment_id]} experimentName={experiment.data?.name} />
        <div className="page-header">
          {/* Keyed by run: a half-typed name, a pending undo or question must not follow a link to another run. */}
          <RunTitle key={info.run_id} run={run.data} editable={!deleted} />
          <StatusBadge status={info.status} />
          {deleted ? <span className="badge badge-danger">deleted</span> : <DeleteRunButton run={run.data} />}
        </div>
        {run.isError && (
          <RefreshErrorNotice error={run.error} live={isLiveStatus(info.status)} refreshSeconds={LIVE_REFRESH_MS / 1000} onRetry={() => void run.refetch()} />
        )}
        {deleted && <DeletedRunBanner run={run.data} />}
        <div className="run-grid">
          <RunOverview run={run.data} />
          <NoteEditor run={run.data} readOnly={deleted} />
          <ParamsTable params={data.params} />
          <MetricsTable metrics={data.metrics} experimentId={info.experiment_id} runId={info.run_id} />
          <TagsEditor key={info.run_id} run={run.data} readOnly={deleted} />
          <DatasetsList inputs={inputs.dataset_inputs} />
          <RunArtifacts run={run.data} />
        </div>
      </div>
    </div>
  );
}
