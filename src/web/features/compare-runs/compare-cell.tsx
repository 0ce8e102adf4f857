import { formatMetric } from "../../utils/format.js";
import type { CellValue, CompareRow } from "./compare-rows.js";
import { formatDelta, metricDelta } from "./metric-delta.js";

interface Props {
  row: CompareRow;
  index: number;
  referenceIndex: number;
  /** Differs from the reference run's value in the same row. */
  changed: boolean;
}

function text(value: CellValue): string {
  return typeof value === "number" ? formatMetric(value) : (value ?? "");
}

/**
 * One value of one run. Metrics carry their delta to the reference run; params and tags that differ
 * from the reference are tinted, so a changed setting stands out in a row of 100 runs.
 */
export function CompareCell({ row, index, referenceIndex, changed }: Props) {
  const value = row.values[index];
  const isReference = index === referenceIndex;
  const classes = ["compare-cell", isReference ? "is-reference" : "", changed && row.section !== "metrics" ? "changed" : ""].filter(Boolean).join(" ");
  if (value === undefined) {
    return (
      <td className={classes}>
        <span className="faint">—</span>
      </td>
    );
  }
  const reference = row.values[referenceIndex];
  const delta = row.section === "metrics" && !isReference && typeof value === "number" && typeof reference === "number" ? metricDelta(value, reference) : undefined;
  const shown = text(value);
  const full = typeof value === "number" ? String(value) : value;
  return (
    <td className={classes} title={delta ? `${full} (${formatDelta(delta)} vs reference)` : full}>
      <span className="compare-value">{shown}</span>
      {delta && (
        <span className={`compare-delta ${delta.absolute > 0 ? "up" : delta.absolute < 0 ? "down" : "zero"}`} data-testid="metric-delta">
          {formatDelta(delta)}
        </span>
      )}
    </td>
  );
}
