// Seeds a SQLite file for the search benchmark. The schema, the Default experiment and the small
// experiments come from the store itself (openTrackingStore + createExperiment). The runs are
// bulk-inserted into MLflow's tables with the columns the store writes (run-repository.ts
// `create`, run-data-writer.ts), each table in its primary-key order so every B-tree insert is an
// append, with secondary indexes dropped during the load and rebuilt from their own SQL after it.
// latest_metrics holds, per (run, key), the point with the largest (step, timestamp, value): the
// store's rule, applied here to the same generated points that go into metrics.
import BetterSqlite3 from "better-sqlite3";
import { openTrackingStore } from "../src/store/open-tracking-store.js";

export const PARAMS_PER_RUN = 20;
export const TAGS_PER_RUN = 10;
export const METRICS_PER_RUN = 20;

/** What the benchmark needs to know about each seeded run to check the answers it gets. */
export interface SeededRun {
  id: string;
  start: number;
  /** Latest value of metric m1. */
  m1: number;
  p1: string;
  t1: string;
}

export interface SeededExperiment {
  id: string;
  name: string;
  runs: SeededRun[];
}

export interface SeedPlan {
  file: string;
  experiments: readonly { name: string; runs: number }[];
  /** Points per metric key (steps 0..history-1, 100 ms apart). */
  history: number;
  /** Extra experiments (with two tags each) for experiments/search. */
  extraExperiments: number;
  log?: (message: string) => void;
}

/** A deterministic value in [0, 1) for (run, key, step): every table sees the same numbers. */
function unit(run: number, key: number, step: number): number {
  let h = Math.imul(run ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(key + 0x27d4eb2f, 0xc2b2ae35) ^ Math.imul(step + 0x165667b1, 0x27d4eb2d);
  h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
  h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
  return ((h ^ (h >>> 16)) >>> 0) / 4294967296;
}

function hex32(run: number): string {
  let out = "";
  for (let i = 0; i < 4; i++) out += Math.floor(unit(run, 1000 + i, 7) * 0x100000000).toString(16).padStart(8, "0");
  return out;
}

/** p1: adam 75 % / sgd 25 %. t1: prod-eu 40 %, prod-us 40 %, dev 20 %. Metric values: uniform [0, 1). */
export function p1Of(u: number): string {
  return u < 0.75 ? "adam" : "sgd";
}
export function t1Of(u: number): string {
  return u < 0.4 ? "prod-eu" : u < 0.8 ? "prod-us" : "dev";
}

export const TEAMS = ["vision", "nlp", "ranking", "infra"] as const;

const T0 = 1_700_000_000_000;
/** Experiments' start times never overlap, so metrics can be written in (key, timestamp) order. */
const EXPERIMENT_SPAN = 10_000_000_000;

/** Multi-row INSERTs of `rows` rows each: far fewer calls into SQLite than one statement per row. */
class BulkInsert {
  private readonly many: BetterSqlite3.Statement;
  private readonly one: BetterSqlite3.Statement;
  private pending: unknown[] = [];

  constructor(
    db: BetterSqlite3.Database,
    table: string,
    private readonly columns: readonly string[],
    private readonly rows = 200,
  ) {
    const tuple = `(${columns.map(() => "?").join(", ")})`;
    const head = `INSERT INTO ${table} (${columns.join(", ")}) VALUES `;
    this.many = db.prepare(head + Array.from({ length: rows }, () => tuple).join(", "));
    this.one = db.prepare(head + tuple);
  }

  add(...values: unknown[]): void {
    this.pending.push(...values);
    if (this.pending.length === this.rows * this.columns.length) {
      this.many.run(this.pending);
      this.pending = [];
    }
  }

  flush(): void {
    for (let i = 0; i < this.pending.length; i += this.columns.length) this.one.run(this.pending.slice(i, i + this.columns.length));
    this.pending = [];
  }
}

interface RunRow {
  /** Global index: seeds every generated value of the run. */
  n: number;
  id: string;
  name: string;
  start: number;
  experimentId: number;
}

export async function seedSearchDatabase(plan: SeedPlan): Promise<SeededExperiment[]> {
  const log = plan.log ?? (() => undefined);
  const timed = <T>(what: string, fn: () => T): T => {
    const started = performance.now();
    const result = fn();
    log(`${what}: ${((performance.now() - started) / 1000).toFixed(1)} s`);
    return result;
  };
  const { store } = await openTrackingStore({ backendStoreUri: plan.file, defaultArtifactRoot: "mlflow-artifacts:/" });
  const experiments: SeededExperiment[] = [];
  try {
    const started = performance.now();
    for (const e of plan.experiments) experiments.push({ id: await store.createExperiment({ name: e.name }), name: e.name, runs: [] });
    for (let i = 0; i < plan.extraExperiments; i++) {
      await store.createExperiment({
        name: `bench-exp-${i}`,
        tags: [
          { key: "team", value: TEAMS[i % TEAMS.length] ?? "infra" },
          { key: "owner", value: `user-${i % 17}` },
        ],
      });
    }
    log(`experiments (through the store): ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } finally {
    await store.close();
  }

  // Every run, in start_time order (which is also metrics' timestamp order).
  const runs: RunRow[] = [];
  for (const [e, experiment] of experiments.entries()) {
    const count = plan.experiments[e]?.runs ?? 0;
    for (let i = 0; i < count; i++) {
      const n = runs.length;
      const run: RunRow = { n, id: hex32(n), name: `run-${e}-${i}`, start: T0 + e * EXPERIMENT_SPAN + i * 1000, experimentId: Number(experiment.id) };
      runs.push(run);
      experiment.runs.push({ id: run.id, start: run.start, m1: unit(n, 1, plan.history - 1), p1: p1Of(unit(n, 101, 0)), t1: t1Of(unit(n, 201, 0)) });
    }
  }
  const byId = [...runs].sort((a, b) => (a.id < b.id ? -1 : 1));
  /** Keys in their text order (m0, m1, m10, m11, …), as the primary keys sort them. */
  const keys = (prefix: string, count: number): { name: string; k: number }[] =>
    Array.from({ length: count }, (_, k) => ({ name: `${prefix}${k}`, k })).sort((a, b) => (a.name < b.name ? -1 : 1));

  const db = new BetterSqlite3(plan.file);
  try {
    // A throwaway file: no journal, no fsync, a big page cache. The server switches it back to WAL.
    db.pragma("journal_mode = OFF");
    db.pragma("synchronous = OFF");
    db.pragma("locking_mode = EXCLUSIVE");
    db.pragma("cache_size = -524288");
    db.pragma("temp_store = MEMORY");
    const tables = ["runs", "metrics", "latest_metrics", "params", "tags"];
    const indexes = db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL AND tbl_name IN (${tables.map(() => "?").join(", ")})`)
      .all(...tables) as { name: string; sql: string }[];
    for (const index of indexes) db.exec(`DROP INDEX "${index.name}"`);

    db.transaction(() => {
      timed("runs", () => {
        const insert = new BulkInsert(db, "runs", [
          "run_uuid",
          "name",
          "source_type",
          "source_name",
          "entry_point_name",
          "user_id",
          "status",
          "start_time",
          "end_time",
          "source_version",
          "lifecycle_stage",
          "artifact_uri",
          "experiment_id",
          "deleted_time",
        ]);
        for (const r of byId) {
          insert.add(r.id, r.name, "UNKNOWN", "", "", "bench", "FINISHED", r.start, r.start + 60_000, "", "active", `mlflow-artifacts:/${r.experimentId}/${r.id}/artifacts`, r.experimentId, null);
        }
        insert.flush();
      });
      timed("params", () => {
        const insert = new BulkInsert(db, "params", ["key", "value", "run_uuid"]);
        for (const { name, k } of keys("p", PARAMS_PER_RUN)) {
          for (const r of byId) insert.add(name, k === 1 ? p1Of(unit(r.n, 101, 0)) : `value-${k}-${Math.floor(unit(r.n, 100 + k, 0) * 100)}`, r.id);
        }
        insert.flush();
      });
      timed("tags", () => {
        const insert = new BulkInsert(db, "tags", ["key", "value", "run_uuid"]);
        const tagKeys = [...keys("t", TAGS_PER_RUN), { name: "mlflow.runName", k: -1 }].sort((a, b) => (a.name < b.name ? -1 : 1));
        for (const { name, k } of tagKeys) {
          for (const r of byId) insert.add(name, k === -1 ? r.name : k === 1 ? t1Of(unit(r.n, 201, 0)) : `tag-${k}-${Math.floor(unit(r.n, 200 + k, 0) * 10)}`, r.id);
        }
        insert.flush();
      });
      timed("metrics and latest_metrics", () => {
        const metrics = new BulkInsert(db, "metrics", ["key", "value", "timestamp", "run_uuid", "step", "is_nan"]);
        for (const { name, k } of keys("m", METRICS_PER_RUN)) {
          for (const r of runs) for (let step = 0; step < plan.history; step++) metrics.add(name, unit(r.n, k, step), r.start + step * 100, r.id, step, 0);
        }
        metrics.flush();
        const latest = new BulkInsert(db, "latest_metrics", ["key", "value", "timestamp", "step", "is_nan", "run_uuid"]);
        for (const { name, k } of keys("m", METRICS_PER_RUN)) {
          for (const r of byId) {
            // The store's rule over the same points: largest (step, timestamp, value).
            let best = { step: -1, timestamp: -1, value: -Infinity };
            for (let step = 0; step < plan.history; step++) {
              const point = { step, timestamp: r.start + step * 100, value: unit(r.n, k, step) };
              const later =
                point.step !== best.step ? point.step > best.step : point.timestamp !== best.timestamp ? point.timestamp > best.timestamp : point.value > best.value;
              if (later) best = point;
            }
            latest.add(name, best.value, best.timestamp, best.step, 0, r.id);
          }
        }
        latest.flush();
      });
    })();
    timed(`rebuilt ${indexes.length} indexes`, () => {
      for (const index of indexes) timed(`  ${index.name}`, () => db.exec(index.sql));
    });
    db.pragma("journal_mode = WAL");
  } finally {
    db.close();
  }
  return experiments;
}
