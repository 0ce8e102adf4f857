import { isMlflowError } from "../../core/index.js";

interface Props {
  error: unknown;
  /** What failed, e.g. "Could not load runs". */
  title?: string;
  onRetry?: () => void;
}

/** An inline error showing the server's MLflow error code and message verbatim. */
export function ErrorBanner({ error, title, onRetry }: Props) {
  const code = isMlflowError(error) ? error.errorCode : undefined;
  const message = error instanceof Error ? error.message : String(error);
  return (
    <div className="error-banner" role="alert">
      <div>
        {title && <strong>{title}: </strong>}
        {code && <code>{code}</code>} <span data-testid="error-message">{message}</span>
      </div>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
