import type { Run } from "../../../core/index.js";
import { naturalCompare } from "../../utils/natural-compare.js";
import { columnId } from "./column-model.js";

/** Enough to see what an experiment is about, few enough to fit beside the attributes on a laptop. */
export const DEFAULT_METRIC_COLUMNS = 4;

/**
 * The metric columns of a table nobody has chosen columns for. The metrics logged by the most runs
 * are the ones the experiment is about (its loss, its accuracy); a metric only a few runs log is a
 * one-off. Ties go to the natural order of the keys, and the columns show in that order too, as the
 * column picker lists them. Read from the first page only, so the columns do not change while later
 * pages load.
 */
export function defaultMetricColumns(runs: readonly Run[], max = DEFAULT_METRIC_COLUMNS): string[] {
  const counts = new Map<string, number>();
  for (const run of runs) for (const m of run.data.metrics) counts.set(m.key, (counts.get(m.key) ?? 0) + 1);
  const chosen = [...counts.entries()]
    .sort(([a, na], [b, nb]) => nb - na || naturalCompare(a, b))
    .slice(0, max)
    .map(([key]) => key);
  return chosen.sort(naturalCompare).map((key) => columnId("metrics", key));
}
