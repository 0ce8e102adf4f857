import type { Run } from "../../../core/index.js";
import { Link } from "react-router";
import { RunColorButton } from "../../components/run-color-button.js";
import { paths } from "../../config/paths.js";
import { runLabel } from "./compare-fields.js";

interface Props {
  run: Run;
  color: string;
  isReference: boolean;
  onReference: () => void;
}

/** A run's name with its colour (which its swatch changes), and either the reference badge or the button that makes it the reference. */
export function RunHeader({ run, color, isReference, onReference }: Props) {
  const name = runLabel(run);
  return (
    <div className="run-header">
      <RunColorButton runId={run.info.run_id} runName={name} color={color} />
      <Link className="run-header-name" to={paths.run.href({ experimentId: run.info.experiment_id, runId: run.info.run_id })} title={`${name} (${run.info.run_id})`}>
        {name}
      </Link>
      {isReference ? (
        <span className="badge badge-reference" title="Deltas and highlights are against this run">
          ref
        </span>
      ) : (
        <button type="button" className="pin-button" aria-label={`Use ${name} as reference`} title="Use as reference" onClick={onReference}>
          <svg viewBox="0 0 16 16" width="12" height="12" aria-hidden="true">
            <path d="M5 1h6l-1 5 3 3H9.5L8 15l-1.5-6H3l3-3z" fill="currentColor" />
          </svg>
        </button>
      )}
    </div>
  );
}
