import type { Run } from "../../../core/index.js";
import { runLabel } from "./compare-fields.js";
import type { CompareRow, CompareSection, SectionId } from "./compare-rows.js";

type Cell = string | number | undefined;

/** MLflow's own column prefixes (its runs CSV has `tags.mlflow.user`), so a system tag is a tag here too. */
const CSV_PREFIX: Record<SectionId, string> = { params: "params", metrics: "metrics", tags: "tags", system: "tags" };

function column(row: CompareRow): string {
  return `${CSV_PREFIX[row.section]}.${row.key}`;
}

/**
 * The table as shown (same rows, same orientation, reference run first) as a grid for CSV. Values
 * are exported at full precision; run ids ride along so a name shared by two runs stays traceable.
 * A missing value is an empty cell, told apart from an empty param only by the table.
 */
export function compareGrid(runs: readonly Run[], sections: readonly CompareSection[], transposed: boolean): Cell[][] {
  const rows = sections.flatMap((s) => s.rows);
  if (transposed) {
    return [["run_id", "run_name", ...rows.map(column)], ...runs.map((run, i) => [run.info.run_id, runLabel(run), ...rows.map((r) => r.values[i])])];
  }
  return [
    ["section", "key", ...runs.map(runLabel)],
    ["", "run_id", ...runs.map((r) => r.info.run_id)],
    ...rows.map((r): Cell[] => [CSV_PREFIX[r.section], r.key, ...r.values]),
  ];
}

/** `compare-3-runs-2024-05-01.csv`: says what it is and sorts by date in a downloads folder. */
export function exportFileName(runCount: number, now: Date = new Date()): string {
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  return `compare-${runCount}-runs-${day}.csv`;
}
