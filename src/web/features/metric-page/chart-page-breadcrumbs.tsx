import { useQuery } from "@tanstack/react-query";
import type { ReactElement } from "react";
import { Link } from "react-router";
import { experimentQueryOptions } from "../../api/experiments/experiment-queries.js";
import { ExperimentBreadcrumbs } from "../../components/experiment-breadcrumbs.js";
import { paths } from "../../config/paths.js";

interface Props {
  experimentId: string;
  runId: string;
  /** The run's name once loaded; its id meanwhile. */
  runName: string | undefined;
  /** Crumbs after the run's (keyed elements). */
  trail?: readonly ReactElement[];
}

/** Experiments / <experiment> / <run> / …: the way back from a run's chart pages. */
export function ChartPageBreadcrumbs({ experimentId, runId, runName, trail = [] }: Props) {
  const experiment = useQuery(experimentQueryOptions(experimentId));
  const run = (
    <Link key="run" to={paths.run.href({ experimentId, runId })}>
      {runName || runId}
    </Link>
  );
  return <ExperimentBreadcrumbs experimentIds={[experimentId]} experimentName={experiment.data?.name} trail={[run, ...trail]} />;
}
