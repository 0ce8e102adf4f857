import { useQueries } from "@tanstack/react-query";
import { Link, useSearchParams } from "react-router";
import { runQueryOptions } from "../../api/runs/run-queries.js";
import { EmptyState } from "../../components/empty-state.js";
import { ErrorBanner } from "../../components/error-banner.js";
import { LoadingState } from "../../components/loading-state.js";
import { parseIdList, paths } from "../../config/paths.js";
import { compareRows } from "./compare-rows.js";
import "./compare-page.css";

/** Selected runs side by side: params and latest metrics, optionally only the rows that differ. */
export function ComparePage() {
  const [params, setParams] = useSearchParams();
  const runIds = parseIdList(params.get("runs"));
  const experimentIds = parseIdList(params.get("experiments"));
  const onlyDiff = params.get("diff") !== "0";
  const results = useQueries({ queries: runIds.map((id) => runQueryOptions(id, experimentIds)) });

  if (runIds.length === 0) return <EmptyState title="No runs selected">Select runs in a runs table and press Compare.</EmptyState>;
  if (results.some((r) => r.isPending)) return <LoadingState label={`Loading ${runIds.length} runs…`} />;
  const failed = results.find((r) => r.isError);
  const runs = results.flatMap((r) => (r.data ? [r.data] : []));
  const rows = compareRows(runs, onlyDiff);
  return (
    <div className="page page-scroll">
      <nav className="breadcrumbs" aria-label="Breadcrumbs">
        <Link to={paths.runs.href({ experimentIds })}>Runs</Link>
        <span>/</span>
      </nav>
      <div className="page-header">
        <h1>Compare {runs.length} runs</h1>
        <label className="toolbar">
          <input
            type="checkbox"
            checked={onlyDiff}
            onChange={(e) => {
              setParams((prev) => {
                const next = new URLSearchParams(prev);
                next.set("diff", e.target.checked ? "1" : "0");
                return next;
              });
            }}
          />
          Only differences
        </label>
      </div>
      {failed && <ErrorBanner title="Some runs could not be loaded" error={failed.error} />}
      <div className="compare-scroll">
        <table className="compare-table">
          <thead>
            <tr>
              <th />
              {runs.map((r) => (
                <th key={r.info.run_id}>
                  <Link to={paths.run.href({ experimentId: r.info.experiment_id, runId: r.info.run_id })}>{r.info.run_name || r.info.run_id}</Link>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) =>
              row.kind === "section" ? (
                <tr key={row.label} className="compare-section">
                  <th colSpan={runs.length + 1}>{row.label}</th>
                </tr>
              ) : (
                <tr key={row.id} className={row.differs ? "differs" : undefined}>
                  <th scope="row" className="mono">
                    {row.label}
                  </th>
                  {row.values.map((v, i) => (
                    <td key={i} className="mono">
                      {v ?? <span className="faint">—</span>}
                    </td>
                  ))}
                </tr>
              ),
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
