import type { Run } from "../../../core/index.js";
import { naturalCompare } from "../../utils/natural-compare.js";

/**
 * Child runs in the order they were launched, oldest first. Sweeps often start several children in
 * the same millisecond, so names break ties naturally (child-2 before child-10), and the run id
 * last makes the order total. Done here because the search's order_by cannot compare names
 * naturally.
 */
export function orderChildRuns(runs: readonly Run[]): Run[] {
  const label = (run: Run): string => run.info.run_name || run.info.run_id;
  return [...runs].sort(
    (a, b) => a.info.start_time - b.info.start_time || naturalCompare(label(a), label(b)) || naturalCompare(a.info.run_id, b.info.run_id),
  );
}
