import { Link } from "react-router";
import { paths } from "../../config/paths.js";

/** Experiments / <experiment> /, the way back from a run, also when the run itself did not load. */
export function RunBreadcrumbs({ experimentId, experimentName }: { experimentId: string; experimentName: string | undefined }) {
  return (
    <nav className="breadcrumbs" aria-label="Breadcrumbs">
      <Link to={paths.experiments.href()}>Experiments</Link>
      <span>/</span>
      <Link to={paths.runs.href({ experimentIds: [experimentId] })}>{experimentName ?? `Experiment ${experimentId}`}</Link>
      <span>/</span>
    </nav>
  );
}
