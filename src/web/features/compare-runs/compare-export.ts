import type { Run } from "../../../core/index.js";
import { runLabel } from "./compare-fields.js";
import type { CompareSection } from "./compare-rows.js";

type Cell = string | number | undefined;

/**
 * The table as shown (same rows, same orientation, reference run first) as a grid for CSV. Values
 * are exported at full precision; run ids ride along so a name shared by two runs stays traceable.
 */
export function compareGrid(runs: readonly Run[], sections: readonly CompareSection[], transposed: boolean): Cell[][] {
  const rows = sections.flatMap((s) => s.rows);
  if (transposed) {
    return [["run_id", "run_name", ...rows.map((r) => r.id)], ...runs.map((run, i) => [run.info.run_id, runLabel(run), ...rows.map((r) => r.values[i])])];
  }
  return [
    ["section", "key", ...runs.map(runLabel)],
    ["", "run_id", ...runs.map((r) => r.info.run_id)],
    ...sections.flatMap((s) => s.rows.map((r): Cell[] => [s.id, r.key, ...r.values])),
  ];
}

/** `compare-3-runs-2024-05-01.csv`: says what it is and sorts by date in a downloads folder. */
export function exportFileName(runCount: number, now: Date = new Date()): string {
  const day = `${now.getFullYear()}-${String(now.getMonth() + 1).padStart(2, "0")}-${String(now.getDate()).padStart(2, "0")}`;
  return `compare-${runCount}-runs-${day}.csv`;
}
