import { SystemTags, type Run } from "../../../core/index.js";
import { runTag, runUser } from "../../utils/run-tag.js";
import { collectKeys, dataValue } from "./column-model.js";

type Cell = string | number | undefined;

/** ISO 8601 in UTC: one reading in every locale and time zone, and spreadsheets parse it. */
function isoTime(ms: number | undefined): string | undefined {
  return ms !== undefined && Number.isFinite(ms) && ms > 0 ? new Date(ms).toISOString() : undefined;
}

/**
 * The rows of the runs table's CSV: a header, then one line per run in the order given. The fixed
 * columns first (duration in seconds, empty while a run has no end: a file is a snapshot, and a
 * running time would be stale when read), then every param, metric (its latest value, as the table
 * shows) and tag key seen on these runs, prefixed as MLflow's filter names them, in the column
 * picker's order. A run without a key gets an empty cell, not "—".
 */
export function runsCsvRows(runs: readonly Run[]): Cell[][] {
  const keys = collectKeys(runs);
  const header: Cell[] = [
    "run_id",
    "name",
    "experiment_id",
    "status",
    "user",
    "start_time",
    "end_time",
    "duration_s",
    "source",
    ...keys.params.map((k) => `params.${k}`),
    ...keys.metrics.map((k) => `metrics.${k}`),
    ...keys.tags.map((k) => `tags.${k}`),
  ];
  const lines = runs.map((run): Cell[] => {
    const { info } = run;
    const ended = info.end_time !== undefined && info.end_time > 0 && info.start_time > 0;
    return [
      info.run_id,
      info.run_name,
      info.experiment_id,
      info.status,
      runUser(run),
      isoTime(info.start_time),
      isoTime(info.end_time),
      ended ? ((info.end_time ?? 0) - info.start_time) / 1000 : undefined,
      runTag(run, SystemTags.SOURCE_NAME),
      ...keys.params.map((k) => dataValue(run, "params", k)),
      ...keys.metrics.map((k) => dataValue(run, "metrics", k)),
      ...keys.tags.map((k) => dataValue(run, "tags", k)),
    ];
  });
  return [header, ...lines];
}

/** What the download takes: the selected runs (in table order) when there are any, else every loaded run. */
export function runsToExport(loaded: readonly Run[], selectedIds: readonly string[]): readonly Run[] {
  if (selectedIds.length === 0) return loaded;
  const selected = new Set(selectedIds);
  return loaded.filter((r) => selected.has(r.info.run_id));
}
