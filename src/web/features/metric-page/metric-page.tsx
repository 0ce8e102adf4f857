import { useQuery } from "@tanstack/react-query";
import { Link, useParams } from "react-router";
import { runQueryOptions } from "../../api/runs/run-queries.js";
import { EmptyState } from "../../components/empty-state.js";
import { paths } from "../../config/paths.js";
import { formatMetric } from "../../utils/format.js";

/** The address a metric chart lives at; the chart itself is built by a later issue. */
export function MetricPage() {
  const { experimentId = "", runId = "", "*": rawKey = "" } = useParams();
  const metricKey = rawKey;
  const run = useQuery(runQueryOptions(runId));
  const latest = run.data?.data.metrics.find((m) => m.key === metricKey);
  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={paths.runs.href({ experimentIds: [experimentId] })}>Runs</Link>
        <span>/</span>
        <Link to={paths.run.href({ experimentId, runId })}>{run.data?.info.run_name ?? runId}</Link>
        <span>/</span>
      </nav>
      <h1 data-testid="metric-title">{metricKey}</h1>
      <EmptyState title="Metric charts are coming soon">
        {latest ? `Latest value ${formatMetric(latest.value)} at step ${latest.step}.` : "This run has no value for this metric yet."}
      </EmptyState>
    </div>
  );
}
