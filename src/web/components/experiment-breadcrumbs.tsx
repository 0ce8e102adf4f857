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
 * Experiments / <experiment> / …: the way back from any page under an experiment (also when the
 * page's own data did not load), named as the runs page is titled. Separators go only between
 * crumbs: the page's title below names where the user is.
 */
export function ExperimentBreadcrumbs({ experimentIds, experimentName, trail = [] }: Props) {
  const label = experimentIds.length === 1 ? (experimentName ?? `Experiment ${experimentIds[0] ?? ""}`) : `${experimentIds.length} experiments`;
  const crumbs: ReactNode[] = [
    <Link to={paths.experiments.href()}>Experiments</Link>,
    ...(experimentIds.length > 0 ? [<Link to={paths.runs.href({ experimentIds })}>{label}</Link>] : []),
    ...trail,
  ];
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumbs">
      {crumbs.map((crumb, i) => (
        <Fragment key={i}>
          {i > 0 && <span aria-hidden="true">/</span>}
          {crumb}
        </Fragment>
      ))}
    </nav>
  );
}
