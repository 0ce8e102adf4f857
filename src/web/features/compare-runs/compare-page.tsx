import { useQuery } from "@tanstack/react-query";
import { useMemo, type ReactNode } from "react";
import type { Run } from "../../../core/index.js";
import { experimentQueryOptions } from "../../api/experiments/experiment-queries.js";
import { compareRunsQueryOptions } from "../../api/runs/compare-runs-query.js";
import { EmptyState } from "../../components/empty-state.js";
import { ErrorBanner } from "../../components/error-banner.js";
import { ExperimentBreadcrumbs } from "../../components/experiment-breadcrumbs.js";
import { LoadingState } from "../../components/loading-state.js";
import { formatCount } from "../../utils/format.js";
import { useRunColors } from "../../utils/use-run-colors.js";
import { MAX_COMPARE } from "./compare-limit.js";
import { useDocumentTitle } from "../../utils/use-document-title.js";
import type { ChartSettings } from "../metric-page/chart-settings.js";
import { CompareCharts } from "./compare-charts.js";
import { compareGrid, exportFileName } from "./compare-export.js";
import { buildCompareSections, differSummary } from "./compare-rows.js";
import { CompareScatter } from "./compare-scatter.js";
import { CompareSection } from "./compare-section.js";
import { CompareTable } from "./compare-table.js";
import { toCsv } from "./csv.js";
import { withDisplayNames } from "./with-display-names.js";
import { downloadCsv } from "./download-csv.js";
import { ParallelCoordinates } from "./parallel-coordinates.js";
import { ParallelMetricSelect } from "./parallel-metric-select.js";
import { defaultMetric, defaultScatterFields } from "./default-fields.js";
import { fieldLabeler } from "./field-labeler.js";
import { plural } from "./plural.js";
import { referenceRun } from "./reference-run.js";
import { fieldOptions } from "./scatter-data.js";
import { TableToolbar } from "./table-toolbar.js";
import { useCompareViewState } from "./use-compare-view-state.js";
import "./compare-page.css";

/** Beyond this many differing params the plot is a wall of axes; the rest stay in the table. */
const MAX_PARALLEL_PARAMS = 24;

/** The selected runs side by side: a diff table against a reference run, overlay charts per metric, a scatter and parallel coordinates. */
export function ComparePage() {
  const [state, update] = useCompareViewState();
  const tooMany = state.runIds.length > MAX_COMPARE;
  const query = useQuery({ ...compareRunsQueryOptions(state.runIds, state.experimentIds), enabled: !tooMany });
  // The breadcrumb's experiments: the link's, else (an MLflow link without them) those of the runs.
  const runExperiments = useMemo(() => [...new Set((query.data?.runs ?? []).map((r) => r.info.experiment_id))], [query.data]);
  const crumbIds = state.experimentIds.length > 0 ? state.experimentIds : runExperiments;
  // The breadcrumb's name; only one experiment has one.
  const experiment = useQuery({ ...experimentQueryOptions(crumbIds[0] ?? ""), enabled: crumbIds.length === 1 });
  useDocumentTitle(`Compare ${plural(state.runIds.length, "run")}`);

  const loaded = query.data?.runs;
  // The run colours of every chart and view: each run keeps its own (use-run-colors.ts), so pinning a
  // reference or adding a run repaints nothing, and the table's colours are the overlay charts' colours.
  const loadedIds = useMemo(() => (loaded ?? []).map((r) => r.info.run_id), [loaded]);
  const colors = useRunColors(loadedIds);
  const colorOf = (runId: string) => colors.get(runId) ?? "var(--text-faint)";
  const runs = useMemo((): Run[] => {
    const all = loaded ?? [];
    const reference = referenceRun(all, state.reference);
    return reference ? [reference, ...all.filter((r) => r !== reference)] : [];
  }, [loaded, state.reference]);
  // Names that tell same-named runs apart, for everything on screen (the CSV keeps the runs' own).
  const shown = useMemo(() => withDisplayNames(runs), [runs]);
  const sections = useMemo(
    () => buildCompareSections(runs, { onlyDiff: state.onlyDiff, search: state.search, showSystemTags: state.showSystemTags }),
    [runs, state.onlyDiff, state.search, state.showSystemTags],
  );

  const frame = (body: ReactNode) => (
    <div className="page page-scroll compare-page">
      <ExperimentBreadcrumbs experimentIds={crumbIds} experimentName={experiment.data?.name} />
      {body}
    </div>
  );

  if (state.runIds.length === 0) return frame(<EmptyState title="No runs selected">Select runs in a runs table and press Compare.</EmptyState>);
  if (tooMany) {
    return frame(
      <EmptyState title={`Too many runs to compare: ${formatCount(state.runIds.length)}`}>
        The compare view takes at most {formatCount(MAX_COMPARE)} runs. Narrow the selection in the runs table, or chart a metric of them there.
      </EmptyState>,
    );
  }
  if (query.isPending) return frame(<LoadingState label={`Loading ${plural(state.runIds.length, "run")}…`} />);
  if (query.isError) return frame(<ErrorBanner title="Could not load the runs" error={query.error} onRetry={() => void query.refetch()} />);

  const failures = query.data.failures;
  const options = fieldOptions(sections);
  const label = fieldLabeler(options);
  const params = sections.find((s) => s.id === "params");
  const metricKeys = sections.find((s) => s.id === "metrics")?.allKeys ?? [];
  const defaults = defaultScatterFields(runs, params?.allKeys ?? [], metricKeys);
  const parallelMetric = state.parallelMetric && metricKeys.includes(state.parallelMetric) ? state.parallelMetric : defaultMetric(runs, metricKeys);
  const parallelParams = (params?.differingKeys ?? []).slice(0, MAX_PARALLEL_PARAMS);
  const shownRows = sections.reduce((n, s) => n + s.rows.length, 0);
  const exportCsv = () => downloadCsv(toCsv(compareGrid(runs, sections, state.transposed)), exportFileName(runs.length));

  return frame(
    <>
      <div className="page-header">
        <h1>Compare {plural(runs.length, "run")}</h1>
        <span className="muted" data-testid="compare-summary">
          {sections.filter((s) => s.id !== "system").map(differSummary).join(" · ") || "These runs have no params, metrics or tags"}
        </span>
      </div>
      {failures.length > 0 && (
        <ErrorBanner
          title={`${failures.length} of ${plural(state.runIds.length, "run")} could not be loaded`}
          error={new Error(failures.map((f) => `${f.runId}: ${f.error instanceof Error ? f.error.message : String(f.error)}`).join("; "))}
        />
      )}
      <CompareSection title="Table" testId="compare-table-section" actions={<TableToolbar state={state} update={update} onExport={exportCsv} exportDisabled={shownRows === 0} />}>
        {shownRows === 0 && state.onlyDiff && !state.search ? (
          <EmptyState title="No differences">Every param, metric and tag is the same in these runs. Turn off “Only differences” to see them.</EmptyState>
        ) : shownRows === 0 ? (
          <EmptyState title="No matching keys">No key contains “{state.search}”.</EmptyState>
        ) : (
          <div className="compare-scroll">
            <CompareTable runs={shown} sections={sections} transposed={state.transposed} colorOf={colorOf} onReference={(id) => update({ reference: id })} />
          </div>
        )}
      </CompareSection>
      <CompareSection title="Charts" testId="compare-charts-section">
        <CompareCharts
          runs={runs}
          metricKeys={sections.find((s) => s.id === "metrics")?.rows.map((r) => r.key) ?? []}
          settings={state.chart}
          onSettings={(change: (current: ChartSettings) => ChartSettings) => update({ chart: change(state.chart) })}
        />
      </CompareSection>
      <div className="compare-plots">
        <CompareSection title="Scatter" testId="scatter-section">
          <CompareScatter
            runs={shown}
            options={options}
            label={label}
            x={state.scatterX ?? defaults.x}
            y={state.scatterY ?? defaults.y}
            colorOf={colorOf}
            onChange={(change) => update(change)}
          />
        </CompareSection>
        <CompareSection
          title="Parallel coordinates"
          testId="parallel-section"
          actions={<ParallelMetricSelect metricKeys={metricKeys} value={parallelMetric} fieldLabel={label} onChange={(key) => update({ parallelMetric: key })} />}
        >
          {parallelParams.length === 0 ? (
            <EmptyState title="No params differ">Parallel coordinates draw the params that differ between runs.</EmptyState>
          ) : (
            <>
              {(params?.differingKeys.length ?? 0) > parallelParams.length && (
                <div className="faint">
                  The first {parallelParams.length} of {params?.differingKeys.length} differing params.
                </div>
              )}
              <ParallelCoordinates runs={shown} paramKeys={parallelParams} metricKey={parallelMetric} label={label} />
            </>
          )}
        </CompareSection>
      </div>
    </>,
  );
}
