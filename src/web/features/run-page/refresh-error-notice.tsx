import { describeError } from "../../components/error-banner.js";
import { refreshProblem } from "./refresh-problem.js";

interface Props {
  error: unknown;
  /** Whether the page polls the run by itself (a RUNNING or SCHEDULED run). */
  live: boolean;
  refreshSeconds: number;
  onRetry: () => void;
}

/**
 * A failed re-read of a run already on show. A status line rather than an alert: the page below is
 * still usable (and may hold a draft), so this must not take the focus or the screen reader's turn.
 */
export function RefreshErrorNotice({ error, live, refreshSeconds, onRetry }: Props) {
  const { title, retrying } = refreshProblem(error, live, refreshSeconds);
  const { code, summary } = describeError(error);
  return (
    <div className="refresh-error-notice" role="status" data-testid="refresh-error-notice">
      <span>
        <strong>{title}.</strong> {code && <code>{code}</code>} <span className="faint">{summary}</span>
      </span>
      {!retrying && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
