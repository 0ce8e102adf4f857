import type { DatasetInput, Metric, RunStatus } from "../core/index.js";
import type { ApiClient } from "./api-client.js";
import { newExperiment } from "./fixtures.js";
import { BASE_TIME, uniqueName } from "./generators.js";

/**
 * The run-search fixture: a dozen runs whose data makes search semantics observable. Every run is
 * created and filled through the REST API, in the order written here, so "last logged" is the
 * last point of a key in `metrics`. Times are offsets from BASE_TIME.
 *
 * What each run is for (latest value of a metric = largest (step, timestamp, value)):
 *
 * | run | start | user  | status    | end | acc (latest)                  | loss (latest)             | params                     | tags                                                    |
 * |-----|-------|-------|-----------|-----|-------------------------------|---------------------------|----------------------------|---------------------------------------------------------|
 * | r01 | 10    | alice | FINISHED  | 100 | 0.7 (max 0.9, last-logged 0.5)| 0.5                       | lr 0.1, model cnn, `batch size` 32 | env prod, `my key` alpha, data.version v1, team Vision |
 * | r02 | 20    | bob   | FINISHED  | 200 | 0.6 (max 0.95 = last-logged)  | 0.25 (step 3)             | lr 0.01, model rnn, opt.name adam | env dev, `my key` beta, data.version v2, team vision   |
 * | r03 | 20    | alice | RUNNING   | —   | 0.4 (same step+ts as 0.2)     | -Infinity                 | lr 0.10, model CNN         | env Prod, data.version v10                              |
 * | r04 | 30    | carol | FAILED    | 300 | 0.8                           | NaN (history 1.0)         | lr 0.001, model cnn_v2     | env staging, `my key` ALPHA                             |
 * | r05 | 30    | bob   | KILLED    | 250 | 0.1 (step 5 beats later step 4 = 0.99) | +Infinity        | model cnn                  | env prod                                                |
 * | r06 | 40    | alice | RUNNING   | —   | —                             | 0 (history NaN)           | lr 0.1                     | data.version v1                                         |
 * | r07 | 5     | dave  | FINISHED  | 50  | 0.7                           | 0.5                       | lr 0.1, model cnn          | env prod, parent r01                                    |
 * | r08 | 5     | dave  | FINISHED  | 60  | 0.7                           | —                         | lr 0.1, model cnn          | env prod, parent r01                                    |
 * | r09 | 5     | erin  | RUNNING   | —   | 0.55                          | —                         | `batch size` 64            | parent r02                                              |
 * | r10 | 0     | erin  | RUNNING   | —   | —                             | —                         | —                          | —                                                       |
 * | r11 | 50    | alice | RUNNING   | —   | 0.85                          | 0.3                       | lr 0.1                     | env prod — then DELETED                                 |
 * | Zeta_1 | 60 | frank | RUNNING   | —   | 0.95                          | —                         | —                          | `my key` gamma                                          |
 * | o01 | 100   | alice | RUNNING   | —   | 0.9 (other experiment)        | —                         | model cnn                  | env prod                                                |
 *
 * Other metrics: `val.loss` r01 0.3, r02 0.2, r04 0.35; `f1 score` r04 0.6, r09 0.8.
 * Datasets (name/digest, context tag): r01 iris/training; r02 mnist/eval; r04 iris/eval and
 * mnist/training; r09 wine (no context tag). Equal start times: r02=r03, r04=r05, r07=r08=r09.
 */
export interface SearchRunSpec {
  readonly name: string;
  readonly experiment: "main" | "other";
  readonly start: number;
  readonly user: string;
  readonly status?: RunStatus;
  readonly end?: number;
  /** In logging order: `[key, value, step, timestamp offset]`; value may be "NaN", "Infinity" or "-Infinity". */
  readonly metrics?: readonly (readonly [string, number | "NaN" | "Infinity" | "-Infinity", number, number])[];
  readonly params?: Readonly<Record<string, string>>;
  readonly tags?: Readonly<Record<string, string>>;
  /** Name of the parent run (sets mlflow.parentRunId). */
  readonly parent?: string;
  readonly datasets?: readonly { readonly name: string; readonly digest: string; readonly context?: string }[];
  readonly deleted?: boolean;
}

export const SEARCH_RUNS: readonly SearchRunSpec[] = [
  {
    name: "r01",
    experiment: "main",
    start: 10,
    user: "alice",
    status: "FINISHED",
    end: 100,
    metrics: [
      ["acc", 0.9, 0, 1],
      ["acc", 0.7, 2, 2],
      ["acc", 0.5, 1, 3],
      ["loss", 0.5, 0, 1],
      ["val.loss", 0.3, 0, 1],
    ],
    params: { lr: "0.1", model: "cnn", "batch size": "32" },
    tags: { env: "prod", "my key": "alpha", "data.version": "v1", team: "Vision" },
    datasets: [{ name: "iris", digest: "d-iris", context: "training" }],
  },
  {
    name: "r02",
    experiment: "main",
    start: 20,
    user: "bob",
    status: "FINISHED",
    end: 200,
    metrics: [
      ["acc", 0.3, 0, 5],
      ["acc", 0.6, 0, 9],
      ["acc", 0.95, 0, 7],
      ["loss", 0.25, 3, 1],
      ["val.loss", 0.2, 0, 1],
    ],
    params: { lr: "0.01", model: "rnn", "opt.name": "adam" },
    tags: { env: "dev", "my key": "beta", "data.version": "v2", team: "vision" },
    datasets: [{ name: "mnist", digest: "d-mnist", context: "eval" }],
  },
  {
    name: "r03",
    experiment: "main",
    start: 20,
    user: "alice",
    metrics: [
      ["acc", 0.2, 1, 1],
      ["acc", 0.4, 1, 1],
      ["loss", "-Infinity", 0, 1],
    ],
    params: { lr: "0.10", model: "CNN" },
    tags: { env: "Prod", "data.version": "v10" },
  },
  {
    name: "r04",
    experiment: "main",
    start: 30,
    user: "carol",
    status: "FAILED",
    end: 300,
    metrics: [
      ["acc", 0.8, 0, 1],
      ["loss", 1, 0, 1],
      ["loss", "NaN", 1, 2],
      ["val.loss", 0.35, 0, 1],
      ["f1 score", 0.6, 0, 1],
    ],
    params: { lr: "0.001", model: "cnn_v2" },
    tags: { env: "staging", "my key": "ALPHA" },
    datasets: [
      { name: "iris", digest: "d-iris", context: "eval" },
      { name: "mnist", digest: "d-mnist", context: "training" },
    ],
  },
  {
    name: "r05",
    experiment: "main",
    start: 30,
    user: "bob",
    status: "KILLED",
    end: 250,
    metrics: [
      ["acc", 0.1, 5, 1],
      ["acc", 0.99, 4, 9],
      ["loss", "Infinity", 0, 1],
    ],
    params: { model: "cnn" },
    tags: { env: "prod" },
  },
  {
    name: "r06",
    experiment: "main",
    start: 40,
    user: "alice",
    metrics: [
      ["loss", "NaN", 0, 1],
      ["loss", 0, 1, 2],
    ],
    params: { lr: "0.1" },
    tags: { "data.version": "v1" },
  },
  {
    name: "r07",
    experiment: "main",
    start: 5,
    user: "dave",
    status: "FINISHED",
    end: 50,
    parent: "r01",
    metrics: [
      ["acc", 0.7, 0, 1],
      ["loss", 0.5, 0, 1],
    ],
    params: { lr: "0.1", model: "cnn" },
    tags: { env: "prod" },
  },
  {
    name: "r08",
    experiment: "main",
    start: 5,
    user: "dave",
    status: "FINISHED",
    end: 60,
    parent: "r01",
    metrics: [["acc", 0.7, 0, 1]],
    params: { lr: "0.1", model: "cnn" },
    tags: { env: "prod" },
  },
  {
    name: "r09",
    experiment: "main",
    start: 5,
    user: "erin",
    parent: "r02",
    metrics: [
      ["acc", 0.55, 0, 1],
      ["f1 score", 0.8, 0, 1],
    ],
    params: { "batch size": "64" },
    datasets: [{ name: "wine", digest: "d-wine" }],
  },
  { name: "r10", experiment: "main", start: 0, user: "erin" },
  {
    name: "r11",
    experiment: "main",
    start: 50,
    user: "alice",
    metrics: [
      ["acc", 0.85, 0, 1],
      ["loss", 0.3, 0, 1],
    ],
    params: { lr: "0.1" },
    tags: { env: "prod" },
    deleted: true,
  },
  {
    name: "Zeta_1",
    experiment: "main",
    start: 60,
    user: "frank",
    metrics: [["acc", 0.95, 0, 1]],
    tags: { "my key": "gamma" },
  },
  {
    name: "o01",
    experiment: "other",
    start: 100,
    user: "alice",
    metrics: [["acc", 0.9, 0, 1]],
    params: { model: "cnn" },
    tags: { env: "prod" },
  },
];

export interface SearchRunsFixture {
  mainExperimentId: string;
  otherExperimentId: string;
  /** Run id by fixture name; throws for an unknown name. */
  idOf(name: string): string;
  /** Fixture name by run id; throws for an unknown id. */
  nameOf(runId: string): string;
}

function datasetInputOf(d: NonNullable<SearchRunSpec["datasets"]>[number]): DatasetInput {
  return {
    tags: d.context === undefined ? [] : [{ key: "mlflow.data.context", value: d.context }],
    dataset: { name: d.name, digest: d.digest, source_type: "local", source: JSON.stringify({ uri: `/data/${d.name}.csv` }), schema: "{}" },
  };
}

/** Creates the two experiments and every run of SEARCH_RUNS through the API (runs/create, log-batch, log-inputs, update, delete). */
export async function buildSearchRunsFixture(api: ApiClient, runs: readonly SearchRunSpec[] = SEARCH_RUNS): Promise<SearchRunsFixture> {
  const mainExperimentId = await newExperiment(api, { name: uniqueName("search-main") });
  const otherExperimentId = await newExperiment(api, { name: uniqueName("search-other") });
  const ids = new Map<string, string>();
  const idOf = (name: string): string => {
    const id = ids.get(name);
    if (id === undefined) throw new Error(`no fixture run named ${name}`);
    return id;
  };
  for (const spec of runs) {
    const tags = Object.entries(spec.tags ?? {}).map(([key, value]) => ({ key, value }));
    if (spec.parent !== undefined) tags.push({ key: "mlflow.parentRunId", value: idOf(spec.parent) });
    const { run } = await api.ok("createRun", {
      experiment_id: spec.experiment === "main" ? mainExperimentId : otherExperimentId,
      run_name: spec.name,
      user_id: spec.user,
      start_time: BASE_TIME + spec.start,
      tags,
    });
    const runId = run.info.run_id;
    ids.set(spec.name, runId);
    const params = Object.entries(spec.params ?? {}).map(([key, value]) => ({ key, value }));
    if (params.length > 0) await api.ok("logBatch", { run_id: runId, params });
    // One request per point, so the logging order is the wall-clock order.
    for (const [key, value, step, ts] of spec.metrics ?? []) {
      const metric = { key, value: value as unknown as number, step, timestamp: BASE_TIME + ts } satisfies Metric;
      await api.ok("logBatch", { run_id: runId, metrics: [metric] });
    }
    if (spec.datasets !== undefined) await api.ok("logInputs", { run_id: runId, datasets: spec.datasets.map(datasetInputOf) });
    if (spec.status !== undefined || spec.end !== undefined) {
      await api.ok("updateRun", { run_id: runId, ...(spec.status ? { status: spec.status } : {}), ...(spec.end !== undefined ? { end_time: BASE_TIME + spec.end } : {}) });
    }
    if (spec.deleted === true) await api.ok("deleteRun", { run_id: runId });
  }
  const names = new Map([...ids].map(([name, id]) => [id, name] as const));
  return {
    mainExperimentId,
    otherExperimentId,
    idOf,
    nameOf: (runId) => {
      const name = names.get(runId);
      if (name === undefined) throw new Error(`run ${runId} is not part of the fixture`);
      return name;
    },
  };
}
