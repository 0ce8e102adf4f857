import "./refresh-button.css";

interface Props {
  onRefresh: () => void;
  refreshing: boolean;
  /** What is refreshed, for screen readers: "runs", "experiments". */
  what: string;
}

/**
 * Refresh, as in MLflow's runs page. It stays enabled while refreshing (a disabled button drops the
 * keyboard focus); a second press meanwhile is ignored by the caller.
 */
export function RefreshButton({ onRefresh, refreshing, what }: Props) {
  return (
    <button type="button" className="btn refresh-button" aria-label={`Refresh ${what}`} aria-busy={refreshing} data-refreshing={refreshing} onClick={onRefresh}>
      <span className={refreshing ? "refresh-icon spinning" : "refresh-icon"} aria-hidden="true">
        ↻
      </span>
      {refreshing ? "Refreshing…" : "Refresh"}
    </button>
  );
}
