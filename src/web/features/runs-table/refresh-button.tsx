import "./refresh-button.css";

interface Props {
  onRefresh: () => void;
  refreshing: boolean;
  /** The refresh failed and is being tried again (the server did not answer): said at once, not after the last try. */
  retrying?: boolean;
  /** What is refreshed, for screen readers: "runs", "experiments". */
  what: string;
}

/**
 * Refresh, as in MLflow's runs page. It stays enabled while refreshing (a disabled button drops the
 * keyboard focus); a second press meanwhile is ignored by the caller.
 */
export function RefreshButton({ onRefresh, refreshing, retrying = false, what }: Props) {
  return (
    <button
      type="button"
      className="btn refresh-button"
      aria-label={`Refresh ${what}`}
      aria-busy={refreshing}
      data-refreshing={refreshing}
      title={refreshing && retrying ? "The server did not answer; trying again" : undefined}
      onClick={onRefresh}
    >
      <span className={refreshing ? "refresh-icon spinning" : "refresh-icon"} aria-hidden="true">
        ↻
      </span>
      {refreshing ? (retrying ? "No answer, retrying…" : "Refreshing…") : "Refresh"}
    </button>
  );
}
