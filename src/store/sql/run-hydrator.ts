import type { DatasetInput, KeyValue, Metric, Run } from "../../core/index.js";
import { SystemTags } from "../../core/index.js";
import type { RunRow } from "./database-schema.js";
import { metricFromRow, runInfoFromRow } from "./row-mappers.js";
import type { SqlExecutor } from "./sql-executor.js";
import { chunked } from "./store-context.js";

function groupBy<R extends { run_uuid: string }, T>(rows: readonly R[], map: (r: R) => T): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.run_uuid);
    if (list) list.push(map(r));
    else out.set(r.run_uuid, [map(r)]);
  }
  return out;
}

/** Appends each row, keyed by its first column (the run id), as `map` of the row. */
function groupTuples<R extends readonly [string, ...unknown[]], T>(into: Map<string, T[]>, rows: readonly R[], map: (r: R) => T): void {
  for (const r of rows) {
    const list = into.get(r[0]);
    if (list) list.push(map(r));
    else into.set(r[0], [map(r)]);
  }
}

type KeyValueTuple = readonly [run_uuid: string, key: string, value: string | null];
type MetricTuple = readonly [run_uuid: string, key: string, value: number, timestamp: number | null, step: number, is_nan: number];

/** Loads params, tags, latest metrics and dataset inputs for many runs with a few queries per chunk. */
export async function hydrateRuns(exec: SqlExecutor, rows: readonly RunRow[]): Promise<Run[]> {
  const params = new Map<string, KeyValue[]>();
  const tags = new Map<string, KeyValue[]>();
  const metrics = new Map<string, Metric[]>();
  const inputs = new Map<string, DatasetInput[]>();
  for (const ids of chunked(rows.map((r) => r.run_uuid))) {
    // (run_uuid, key) is the order of the covering indexes of migration 0004: no sort step. Rows
    // come back as arrays: a page of 100 runs reads ~5,000 of them.
    const [p, t, m] = await Promise.all([
      exec.tuples<KeyValueTuple>(exec.db.selectFrom("params").select(["run_uuid", "key", "value"]).where("run_uuid", "in", ids).orderBy("run_uuid").orderBy("key")),
      exec.tuples<KeyValueTuple>(exec.db.selectFrom("tags").select(["run_uuid", "key", "value"]).where("run_uuid", "in", ids).orderBy("run_uuid").orderBy("key")),
      exec.tuples<MetricTuple>(
        exec.db
          .selectFrom("latest_metrics")
          .select(["run_uuid", "key", "value", "timestamp", "step", "is_nan"])
          .where("run_uuid", "in", ids)
          .orderBy("run_uuid")
          .orderBy("key"),
      ),
    ]);
    groupTuples(params, p, ([, key, value]) => ({ key, value: value ?? "" }));
    groupTuples(tags, t, ([, key, value]) => ({ key, value: value ?? "" }));
    groupTuples(metrics, m, ([, key, value, timestamp, step, is_nan]) => metricFromRow({ key, value, timestamp, step, is_nan }));
    for (const [k, v] of await loadDatasetInputs(exec, ids)) inputs.set(k, v);
  }
  return rows.map((row) => {
    const runTags = tags.get(row.run_uuid) ?? [];
    const nameTag = runTags.find((t) => t.key === SystemTags.RUN_NAME)?.value;
    return {
      info: runInfoFromRow(row, nameTag),
      data: { metrics: metrics.get(row.run_uuid) ?? [], params: params.get(row.run_uuid) ?? [], tags: runTags },
      inputs: { dataset_inputs: inputs.get(row.run_uuid) ?? [] },
    };
  });
}

/** Each run's dataset inputs (runs without any are absent from the map). */
export async function loadDatasetInputs(exec: SqlExecutor, runIds: string[]): Promise<Map<string, DatasetInput[]>> {
  const edges = await exec.all(
    exec.db
      .selectFrom("inputs")
      .innerJoin("datasets", "datasets.dataset_uuid", "inputs.source_id")
      .select([
        "inputs.input_uuid",
        "inputs.destination_id as run_uuid",
        "datasets.name",
        "datasets.digest",
        "datasets.dataset_source_type",
        "datasets.dataset_source",
        "datasets.dataset_schema",
        "datasets.dataset_profile",
      ])
      .where("inputs.source_type", "=", "DATASET")
      .where("inputs.destination_type", "=", "RUN")
      .where("inputs.destination_id", "in", runIds)
      .orderBy("inputs.input_uuid"),
  );
  if (edges.length === 0) return new Map();
  const inputTags = new Map<string, KeyValue[]>();
  for (const ids of chunked(edges.map((e) => e.input_uuid))) {
    const rows = await exec.all(exec.db.selectFrom("input_tags").selectAll().where("input_uuid", "in", ids).orderBy("name"));
    for (const r of rows) {
      const list = inputTags.get(r.input_uuid) ?? [];
      list.push({ key: r.name, value: r.value });
      inputTags.set(r.input_uuid, list);
    }
  }
  return groupBy(edges, (e) => ({
    tags: inputTags.get(e.input_uuid) ?? [],
    dataset: {
      name: e.name,
      digest: e.digest,
      source_type: e.dataset_source_type,
      source: e.dataset_source,
      ...(e.dataset_schema !== null ? { schema: e.dataset_schema } : {}),
      ...(e.dataset_profile !== null ? { profile: e.dataset_profile } : {}),
    },
  }));
}
