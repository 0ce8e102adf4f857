import { Fragment, type ReactNode } from "react";
import { Link } from "react-router";
import { paths } from "../config/paths.js";

interface Props {
  experimentIds: readonly string[];
  /** The experiment's name once known (one experiment); its id meanwhile. */
  experimentName: string | undefined;
  /** Crumbs after the experiment, e.g. a run's link. */
  trail?: readonly ReactNode[];
}

/**
 * Experiments / <experiment> / … /: the way back from any page under an experiment (also when the
 * page's own data did not load), named as the runs page is titled.
 */
export function ExperimentBreadcrumbs({ experimentIds, experimentName, trail = [] }: Props) {
  const label = experimentIds.length === 1 ? (experimentName ?? `Experiment ${experimentIds[0] ?? ""}`) : `${experimentIds.length} experiments`;
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumbs">
      <Link to={paths.experiments.href()}>Experiments</Link>
      <span>/</span>
      {experimentIds.length > 0 && (
        <>
          <Link to={paths.runs.href({ experimentIds })}>{label}</Link>
          <span>/</span>
        </>
      )}
      {trail.map((crumb, i) => (
        <Fragment key={i}>
          {crumb}
          <span>/</span>
        </Fragment>
      ))}
    </nav>
  );
}
