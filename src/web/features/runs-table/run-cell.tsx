import { SystemTags, type Run } from "../../../core/index.js";
import { StatusBadge } from "../../components/status-badge.js";
import { TimeText } from "../../components/time-text.js";
import { equalsClause } from "../../utils/filter-text.js";
import { formatDuration, formatMetric, runDuration } from "../../utils/format.js";
import { runTag } from "../../utils/run-tag.js";
import { dataValue, type ColumnDef } from "./column-model.js";

interface Props {
  column: ColumnDef;
  run: Run;
  experimentNames: ReadonlyMap<string, string>;
  /** Adds `clause` to the filter: clicking a param or tag value filters on it. */
  onAddFilter: (clause: string) => void;
}

/** The last path segment of a source: "train.py" for "/home/me/project/train.py". */
function shortSource(source: string): string {
  return source.split(/[\\/]/).filter(Boolean).pop() ?? source;
}

export function RunCell({ column, run, experimentNames, onAddFilter }: Props) {
  const { info } = run;
  if (column.group === "attributes") {
    switch (column.key) {
      case "status":
        return <StatusBadge status={info.status} />;
      case "start_time":
        return <TimeText ms={info.start_time} />;
      case "duration":
        return <span className={info.end_time ? undefined : "muted"}>{formatDuration(runDuration(info.start_time, info.end_time))}</span>;
      case "user_id":
        return <span title={info.user_id}>{info.user_id || "—"}</span>;
      case "source": {
        const source = runTag(run, SystemTags.SOURCE_NAME);
        return source ? <span title={`${source} (${runTag(run, SystemTags.SOURCE_TYPE) ?? "UNKNOWN"})`}>{shortSource(source)}</span> : <span className="faint">—</span>;
      }
      case "experiment_id":
        return <span title={info.experiment_id}>{experimentNames.get(info.experiment_id) ?? info.experiment_id}</span>;
      default:
        return null;
    }
  }
  const value = dataValue(run, column.group, column.key);
  if (value === undefined) return <span className="faint">—</span>;
  if (typeof value === "number") return <span className="num">{formatMetric(value)}</span>;
  const clause = equalsClause(column.group, column.key, value);
  if (!clause) return <span title={value}>{value}</span>;
  return (
    <button
      type="button"
      className="cell-filter"
      title={`${value}\nClick to filter: ${clause}`}
      onClick={(event) => {
        event.stopPropagation();
        onAddFilter(clause);
      }}
    >
      {value}
    </button>
  );
}
