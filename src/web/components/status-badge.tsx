import type { RunStatus } from "../../core/index.js";

const LABELS: Record<RunStatus, string> = {
  RUNNING: "Running",
  SCHEDULED: "Scheduled",
  FINISHED: "Finished",
  FAILED: "Failed",
  KILLED: "Killed",
};

export function StatusBadge({ status }: { status: RunStatus }) {
  return <span className={`status status-${status}`}>{LABELS[status] ?? status}</span>;
}
