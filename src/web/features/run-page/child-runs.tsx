import { useQuery } from "@tanstack/react-query";
import { useMemo } from "react";
import { Link } from "react-router";
import type { Run } from "../../../core/index.js";
import { childRunsQueryOptions } from "../../api/runs/run-queries.js";
import { StatusBadge } from "../../components/status-badge.js";
import { paths } from "../../config/paths.js";
import { errorMessage } from "../../lib/error-message.js";
import { runDisplayNames } from "../../utils/run-display-names.js";
import { orderChildRuns } from "./order-child-runs.js";

/** Direct children, found with MLflow's standard `tags.mlflow.parentRunId = '…'` filter. */
export function ChildRuns({ run }: { run: Run }) {
  const children = useQuery(childRunsQueryOptions(run));
  const ordered = useMemo(() => (children.data ? orderChildRuns(children.data) : []), [children.data]);
  // Siblings of one name (a sweep's `trial-0` logged twice) get a short id, as in charts and compare.
  const names = useMemo(() => runDisplayNames(ordered.map((c) => ({ runId: c.info.run_id, runName: c.info.run_name || c.info.run_id }))), [ordered]);
  return (
    <div className="child-runs">
      <h3>Child runs {children.data && <span className="badge">{children.data.length}</span>}</h3>
      {children.isPending ? (
        <span className="faint">Loading…</span>
      ) : children.isError ? (
        <span className="field-problem" role="alert">
          Child runs could not be listed: {errorMessage(children.error)}
        </span>
      ) : children.data.length === 0 ? (
        <span className="faint">None</span>
      ) : (
        <ul data-testid="child-runs">
          {ordered.map((child) => (
            <li key={child.info.run_id}>
              <Link to={paths.run.href({ experimentId: child.info.experiment_id, runId: child.info.run_id })}>{names.get(child.info.run_id) ?? child.info.run_id}</Link>{" "}
              <StatusBadge status={child.info.status} />
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
