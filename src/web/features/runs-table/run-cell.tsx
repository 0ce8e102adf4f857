import type { ReactNode } from "react";
import { SystemTags, type Run } from "../../../core/index.js";
import { StatusBadge } from "../../components/status-badge.js";
import { TimeText } from "../../components/time-text.js";
import { equalsClause } from "../../utils/filter-text.js";
import { formatDuration, formatMetric, runDuration } from "../../utils/format.js";
import { runTag, runUser } from "../../utils/run-tag.js";
import { dataValue, type ColumnDef } from "./column-model.js";

/**
 * What one cell of a run row shows. Plain text goes straight into the cell element, with the cell's
 * tooltip and class, instead of into an element of its own: a table's first paint creates, styles
 * and lays out every cell on screen, and with the default columns a row has 13 elements instead of 17.
 */
export interface CellContent {
  content: ReactNode;
  title?: string;
  /** Extra class of the cell: "faint" for a missing value, "muted" for a duration still running. */
  className?: string;
}

const MISSING: CellContent = { content: "—", className: "faint" };

/** The last path segment of a source: "train.py" for "/home/me/project/train.py". */
function shortSource(source: string): string {
  return source.split(/[\\/]/).filter(Boolean).pop() ?? source;
}

/**
 * The content of `column`'s cell for `run`. A plain function, not a component: the cell element is
 * the row's, and a component per cell would be hundreds of extra fibers on a table's first render.
 * `onAddFilter` receives the clause of a clicked param or tag value; `tabIndex` is the row's (run-row.tsx).
 */
export function runCellContent(column: ColumnDef, run: Run, experimentNames: ReadonlyMap<string, string>, onAddFilter: (clause: string) => void, tabIndex?: number): CellContent {
  const { info } = run;
  if (column.group === "attributes") {
    switch (column.key) {
      case "status":
        return { content: <StatusBadge status={info.status} /> };
      case "start_time":
        return info.start_time ? { content: <TimeText ms={info.start_time} /> } : MISSING;
      case "duration":
        return { content: formatDuration(runDuration(info.start_time, info.end_time)), ...(info.end_time ? {} : { className: "muted" }) };
      case "user_id": {
        const user = runUser(run);
        return user ? { content: user, title: user } : MISSING;
      }
      case "source": {
        const source = runTag(run, SystemTags.SOURCE_NAME);
        return source ? { content: shortSource(source), title: `${source} (${runTag(run, SystemTags.SOURCE_TYPE) ?? "UNKNOWN"})` } : MISSING;
      }
      case "experiment_id":
        return { content: experimentNames.get(info.experiment_id) ?? info.experiment_id, title: info.experiment_id };
      default:
        return { content: null };
    }
  }
  const value = dataValue(run, column.group, column.key);
  if (value === undefined) return MISSING;
  if (typeof value === "number") return { content: formatMetric(value) };
  const clause = equalsClause(column.group, column.key, value);
  if (!clause) return { content: value, title: value };
  return {
    content: (
      <button
        type="button"
        className="cell-filter"
        tabIndex={tabIndex}
        title={`${value}\nClick to filter: ${clause}`}
        onClick={(event) => {
          event.stopPropagation();
          onAddFilter(clause);
        }}
      >
        {value}
      </button>
    ),
  };
}
