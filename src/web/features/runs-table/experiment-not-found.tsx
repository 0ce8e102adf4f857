import { Link } from "react-router";
import { EmptyState } from "../../components/empty-state.js";
import { paths } from "../../config/paths.js";
import { errorMessage } from "../../lib/error-message.js";

interface Props {
  experimentIds: readonly string[];
  error: unknown;
}

/** A runs link to an experiment that does not exist: nothing to filter or select, only the way back. */
export function ExperimentNotFound({ experimentIds, error }: Props) {
  const what = experimentIds.length === 1 ? `Experiment “${experimentIds[0] ?? ""}” does not exist` : "One of these experiments does not exist";
  return (
    <div className="page runs-page" data-testid="experiment-not-found">
      <EmptyState title={what}>
        <p className="muted">{errorMessage(error)}</p>
        <Link to={paths.experiments.href()}>Back to experiments</Link>
      </EmptyState>
    </div>
  );
}
