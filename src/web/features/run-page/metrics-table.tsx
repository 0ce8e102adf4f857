import { Link } from "react-router";
import type { Metric } from "../../../core/index.js";
import { TimeText } from "../../components/time-text.js";
import { paths } from "../../config/paths.js";
import { formatMetric } from "../../utils/format.js";
import { Card } from "../../components/card.js";
import { useKeyFilter } from "./key-filter.js";

/** The latest value of each metric (MLflow's rule: highest step, then timestamp), each linked to its chart. */
export function MetricsTable({ metrics, experimentId, runId }: { metrics: readonly Metric[]; experimentId: string; runId: string }) {
  const { shown, control } = useKeyFilter(metrics, "Filter metrics");
  return (
    <Card
      id="metrics"
      title="Metrics"
      count={metrics.length}
      actions={
        <>
          {metrics.length > 0 && (
            <Link className="btn btn-small" to={paths.runMetrics.href({ experimentId, runId })}>
              All charts
            </Link>
          )}
          {control}
        </>
      }
    >
      {metrics.length === 0 ? (
        <p className="faint">No metrics logged.</p>
      ) : (
        <table className="kv-table metrics-table" data-testid="metrics">
          <thead>
            <tr>
              <th>Key</th>
              <th className="num">Latest</th>
              <th className="num">Step</th>
              <th>Logged</th>
            </tr>
          </thead>
          <tbody>
            {shown.map((m) => (
              <tr key={m.key}>
                <th scope="row" className="mono">
                  <Link to={paths.metric.href({ experimentId, runId, metricKey: m.key })} title={`Chart of ${m.key}`}>
                    {m.key}
                  </Link>
                </th>
                <td className="num mono">{formatMetric(m.value)}</td>
                <td className="num mono">{m.step}</td>
                <td>
                  <TimeText ms={m.timestamp} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
}
