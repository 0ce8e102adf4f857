import { useQuery } from "@tanstack/react-query";
import { Link, useParams, useSearchParams } from "react-router";
import { sampledHistoryQueryOptions } from "../../api/metrics/metric-queries.js";
import { runQueryOptions } from "../../api/runs/run-queries.js";
import { EmptyState } from "../../components/empty-state.js";
import { ErrorBanner } from "../../components/error-banner.js";
import { LoadingState } from "../../components/loading-state.js";
import { paths } from "../../config/paths.js";
import { formatMetric } from "../../utils/format.js";
import { MetricChart } from "./metric-chart.js";

const MAX_POINTS = 1000;

/** One metric of one run as a chart; axis and scale live in the URL (`?x=time&log=1`). */
export function MetricPage() {
  const { experimentId = "", runId = "", "*": metricKey = "" } = useParams();
  const [params, setParams] = useSearchParams();
  const xAxis = params.get("x") === "time" ? "timestamp" : "step";
  const logScale = params.get("log") === "1";
  const run = useQuery(runQueryOptions(runId));
  const history = useQuery(sampledHistoryQueryOptions({ runIds: [runId], metricKey, xAxis, maxPoints: MAX_POINTS }));
  const latest = run.data?.data.metrics.find((m) => m.key === metricKey);
  const series = history.data?.[0];
  const setParam = (name: string, value: string | undefined): void =>
    setParams(
      (prev) => {
        const next = new URLSearchParams(prev);
        if (value === undefined) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );

  return (
    <div className="page">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={paths.runs.href({ experimentIds: [experimentId] })}>Runs</Link>
        <span>/</span>
        <Link to={paths.run.href({ experimentId, runId })}>{run.data?.info.run_name ?? runId}</Link>
        <span>/</span>
      </nav>
      <h1 data-testid="metric-title">{metricKey}</h1>
      <div className="toolbar" role="toolbar" aria-label="Chart settings">
        <div className="segmented" role="group" aria-label="X axis">
          <button type="button" aria-pressed={xAxis === "step"} onClick={() => setParam("x", undefined)}>
            Step
          </button>
          <button type="button" aria-pressed={xAxis === "timestamp"} onClick={() => setParam("x", "time")}>
            Wall time
          </button>
        </div>
        <label>
          <input type="checkbox" checked={logScale} onChange={(e) => setParam("log", e.target.checked ? "1" : undefined)} /> Log scale
        </label>
        {series && (
          <span className="badge" data-testid="points-badge" title="Every bucket keeps its minimum and maximum; NaN and infinite values are always shown">
            {series.metrics.length.toLocaleString()} of {series.total_points.toLocaleString()} points
          </span>
        )}
        {latest && <span className="muted">Latest {formatMetric(latest.value)} at step {latest.step}</span>}
      </div>
      {history.isPending && <LoadingState label="Loading metric history…" />}
      {history.isError && <ErrorBanner error={history.error} title="Could not load the metric history" onRetry={() => void history.refetch()} />}
      {series && series.metrics.length === 0 && <EmptyState title="No values">This run has no value for this metric yet.</EmptyState>}
      {series && series.metrics.length > 0 && <MetricChart points={series.metrics} xAxis={xAxis} logScale={logScale} />}
    </div>
  );
}
