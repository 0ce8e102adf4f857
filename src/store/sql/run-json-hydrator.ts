import { sql, type RawBuilder } from "kysely";
import { encodeJson, SystemTags } from "../../core/index.js";
import type { RunRow } from "./database-schema.js";
import { runInfoFromRow } from "./row-mappers.js";
import { hydrateRuns, loadDatasetInputs } from "./run-hydrator.js";
import { runKeyedSource, type RunKeyedTable } from "./run-keyed-source.js";
import type { Compilable, SqlExecutor } from "./sql-executor.js";
import { chunked } from "./store-context.js";

/** Per run: its params, tags or latest metrics as one JSON array text, and (tags only) its run-name tag. */
type JsonListTuple = readonly [run_uuid: string, list: string, run_name?: string | null];

/**
 * Each entry of a table as encodeJson renders its KeyValue or Metric: a param's or tag's missing
 * value as "", a metric's NaN (stored as 0 with is_nan) and ±Infinity (which SQLite writes as
 * ±9.0e+999) as strings, a missing timestamp or step as 0 (metricFromRow).
 */
const ENTRY_JSON: Readonly<Record<RunKeyedTable, RawBuilder<unknown>>> = {
  params: sql`json_object('key', key, 'value', coalesce(value, ''))`,
  tags: sql`json_object('key', key, 'value', coalesce(value, ''))`,
  latest_metrics: sql`json_object('key', key, 'value', CASE WHEN is_nan THEN 'NaN' WHEN value >= 9e999 THEN 'Infinity' WHEN value <= -9e999 THEN '-Infinity' ELSE coalesce(value, 0) END, 'timestamp', coalesce(timestamp, 0), 'step', coalesce(step, 0))`,
};

/**
 * Each run's entries of `table` as one MLflow JSON list (SQLite), with the run-name tag beside the
 * tags. Read through the table's covering (run_uuid, key, …) index, GROUP BY run_uuid walks each
 * run's entries in key order, the order hydrateRuns returns them in, without a sort per run (an
 * ORDER BY inside the aggregate added a temporary B-tree per run, +15 % on a page).
 * run-json-hydrator.test.ts inserts keys out of order to hold the order to that.
 */
function jsonLists(exec: SqlExecutor, table: RunKeyedTable, ids: readonly string[]): Compilable<JsonListTuple> {
  const runName = table === "tags" ? sql`, max(CASE WHEN key = ${SystemTags.RUN_NAME} THEN value END)` : sql``;
  const query = sql<JsonListTuple>`SELECT run_uuid, json_group_array(${ENTRY_JSON[table]})${runName} FROM ${runKeyedSource(exec.dialect, table)} WHERE run_uuid IN (${sql.join(ids)}) GROUP BY run_uuid`;
  return { compile: () => query.compile(exec.db) };
}

/**
 * The runs of `rows` as MLflow's JSON text, one string per run, the same value as
 * `encodeJson(hydrateRuns(rows))` once parsed (SQLite may spell a double with 17 digits where
 * JavaScript uses the shortest form; both parse to the same number).
 *
 * Why: a runs/search page of 100 runs holds ~5,000 params, tags and metrics. Reading them as rows,
 * building an object each and encoding them again was two thirds of the page's server time; on
 * SQLite the database renders each run's lists as JSON text in C (json_group_array), and only the
 * small `info` object is encoded here. Other dialects take the object path.
 */
export async function hydrateRunsJson(exec: SqlExecutor, rows: readonly RunRow[]): Promise<string[]> {
  if (exec.dialect !== "sqlite") return (await hydrateRuns(exec, rows)).map((run) => encodeJson(run));
  const params = new Map<string, string>();
  const tags = new Map<string, JsonListTuple>();
  const metrics = new Map<string, string>();
  const inputs = new Map<string, string>();
  for (const ids of chunked(rows.map((r) => r.run_uuid))) {
    const [p, t, m, d] = await Promise.all([
      exec.tuples<JsonListTuple>(jsonLists(exec, "params", ids)),
      exec.tuples<JsonListTuple>(jsonLists(exec, "tags", ids)),
      exec.tuples<JsonListTuple>(jsonLists(exec, "latest_metrics", ids)),
      loadDatasetInputs(exec, ids),
    ]);
    for (const row of p) params.set(row[0], row[1]);
    for (const row of t) tags.set(row[0], row);
    for (const row of m) metrics.set(row[0], row[1]);
    for (const [runId, list] of d) inputs.set(runId, encodeJson(list));
  }
  return rows.map((row) => {
    const id = row.run_uuid;
    const tagRow = tags.get(id);
    // Empty lists are left out, as encodeJson (MLflow's protobuf JSON) leaves them out.
    const data = [["metrics", metrics.get(id)], ["params", params.get(id)], ["tags", tagRow?.[1]]]
      .filter((entry): entry is [string, string] => entry[1] !== undefined)
      .map(([name, list]) => `"${name}":${list}`);
    const datasetInputs = inputs.get(id);
    const info = encodeJson(runInfoFromRow(row, tagRow?.[2] ?? undefined));
    return `{"info":${info},"data":{${data.join(",")}},"inputs":{${datasetInputs ? `"dataset_inputs":${datasetInputs}` : ""}}}`;
  });
}
