import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { experimentQueryOptions } from "../../api/experiments/experiment-queries.js";
import { runQueryOptions } from "../../api/runs/run-queries.js";
import { ErrorBanner } from "../../components/error-banner.js";
import { LoadingState } from "../../components/loading-state.js";
import { StatusBadge } from "../../components/status-badge.js";
import { paths } from "../../config/paths.js";
import { useDocumentTitle } from "../../utils/use-document-title.js";
import { DatasetsList } from "./datasets-list.js";
import { MetricsTable } from "./metrics-table.js";
import { NoteEditor } from "./note-editor.js";
import { ParamsTable } from "./params-table.js";
import { RunOverview } from "./run-overview.js";
import { TagsEditor } from "./tags-editor.js";
import "./run-page.css";

export function RunPage() {
  const { experimentId = "", runId = "" } = useParams();
  const run = useQuery(runQueryOptions(runId));
  const experiment = useQuery(experimentQueryOptions(run.data?.info.experiment_id ?? experimentId));
  useDocumentTitle(run.data ? run.data.info.run_name || run.data.info.run_id : undefined);

  if (run.isPending) return <LoadingState label="Loading run…" />;
  if (run.isError) {
    return (
      <div className="page">
        <ErrorBanner title="Could not load the run" error={run.error} onRetry={() => void run.refetch()} />
        <Link to={paths.runs.href({ experimentIds: [experimentId] })}>Back to the runs</Link>
      </div>
    );
  }
  const { info, data, inputs } = run.data;
  const expId = info.experiment_id;
  return (
    <div className="page page-scroll run-page">
      <div className="run-page-inner">
        <nav className="breadcrumbs" aria-label="Breadcrumbs">
          <Link to={paths.experiments.href()}>Experiments</Link>
          <span>/</span>
          <Link to={paths.runs.href({ experimentIds: [expId] })}>{experiment.data?.name ?? `Experiment ${expId}`}</Link>
          <span>/</span>
        </nav>
        <div className="page-header">
          <h1 data-testid="run-title">{info.run_name || info.run_id}</h1>
          <StatusBadge status={info.status} />
        </div>
        <div className="run-grid">
          <RunOverview run={run.data} />
          <NoteEditor run={run.data} />
          <ParamsTable params={data.params} />
          <MetricsTable metrics={data.metrics} experimentId={expId} runId={info.run_id} />
          <TagsEditor run={run.data} />
          <DatasetsList inputs={inputs.dataset_inputs} />
        </div>
      </div>
    </div>
  );
}
