import { isMlflowError } from "../../core/index.js";

interface Props {
  error: unknown;
  /** What failed, e.g. "Could not load runs". */
  title?: string;
  onRetry?: () => void;
}

export interface ErrorDescription {
  /** MLflow's error code, when the server sent one. */
  code?: string;
  /** One readable line. */
  summary: string;
  /** The raw body, for the curious: only when the summary had to be made up from it. */
  details?: string;
}

const HTML_BODY = /^\s*<(?:!doctype|html|head|body|h1|title|center|\?xml)\b/i;

/** The text of the first `<title>` or `<h1>` in an HTML page, tags and entities stripped. */
function htmlHeadline(html: string): string | undefined {
  const match = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html) ?? /<h1[^>]*>([\s\S]*?)<\/h1>/i.exec(html);
  const text = match?.[1]
    ?.replace(/<[^>]*>/g, " ")
    .replace(/&nbsp;/g, " ")
    .replace(/&amp;/g, "&")
    .replace(/\s+/g, " ")
    .trim();
  return text || undefined;
}

/**
 * What the banner shows for an error. A proxy in front of the server (nginx, a load balancer) answers
 * outages with an HTML page, which the REST client passes on as the message: printing that markup is
 * noise, so such a body becomes "The server answered <its headline>" with the markup kept as details.
 * The code the client made up from the status for it is not the server's, so it is dropped.
 */
export function describeError(error: unknown): ErrorDescription {
  const message = error instanceof Error ? error.message : String(error);
  if (HTML_BODY.test(message)) {
    const headline = htmlHeadline(message);
    return { summary: headline ? `The server answered ${headline}` : "The server answered with an HTML page instead of an MLflow error", details: message };
  }
  return { ...(isMlflowError(error) ? { code: error.errorCode } : {}), summary: message };
}

/** An inline error showing the server's MLflow error code and message verbatim. */
export function ErrorBanner({ error, title, onRetry }: Props) {
  const { code, summary, details } = describeError(error);
  return (
    <div className="error-banner" role="alert">
      <div>
        {title && <strong>{title}: </strong>}
        {code && <code>{code}</code>} <span data-testid="error-message">{summary}</span>
        {details && (
          <details>
            <summary>Response body</summary>
            <pre className="error-banner-body">{details}</pre>
          </details>
        )}
      </div>
      {onRetry && (
        <button type="button" className="btn btn-small" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
