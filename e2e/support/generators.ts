import type { KeyValue, Metric, Run } from "../../src/core/index.js";
import { api } from "./api.js";

/** A fixed epoch (2023-11-14 22:13:20 UTC) so seeded times are stable and readable. */
export const BASE_TIME = 1_700_000_000_000;

let counter = 0;
/** Experiment names are unique per server: every test makes its own. */
export function uniqueName(prefix: string): string {
  counter += 1;
  return `${prefix}-${Date.now().toString(36)}-${counter}-${Math.random().toString(36).slice(2, 6)}`;
}

export async function createExperiment(name = uniqueName("e2e")): Promise<{ id: string; name: string }> {
  const { experiment_id } = await api.call("createExperiment", { name });
  return { id: experiment_id, name };
}

/** Runs `task` over `items` with at most `limit` in flight: seeding 300 runs takes a second, not ten. */
export async function mapLimit<T, R>(items: readonly T[], limit: number, task: (item: T, index: number) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await task(items[i] as T, i);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}

export interface RunSpec {
  name: string;
  parentId?: string;
  startTime?: number;
  status?: "FINISHED" | "FAILED" | "RUNNING";
  params?: KeyValue[];
  metrics?: Record<string, number>;
  tags?: KeyValue[];
}

/** Creates a run, logs its data in one batch and (unless RUNNING) ends it. */
export async function createRun(experimentId: string, spec: RunSpec): Promise<Run> {
  const start = spec.startTime ?? BASE_TIME;
  const tags: KeyValue[] = [
    { key: "mlflow.source.name", value: "/home/me/project/train.py" },
    { key: "mlflow.source.type", value: "LOCAL" },
    { key: "mlflow.user", value: "e2e" },
    ...(spec.parentId ? [{ key: "mlflow.parentRunId", value: spec.parentId }] : []),
    ...(spec.tags ?? []),
  ];
  const { run } = await api.call("createRun", { experiment_id: experimentId, run_name: spec.name, start_time: start, user_id: "e2e", tags });
  const metrics: Metric[] = Object.entries(spec.metrics ?? {}).map(([key, value]) => ({ key, value, timestamp: start + 1000, step: 1 }));
  if (metrics.length || spec.params?.length) await api.call("logBatch", { run_id: run.info.run_id, metrics, params: spec.params ?? [] });
  const status = spec.status ?? "FINISHED";
  if (status !== "RUNNING") await api.call("updateRun", { run_id: run.info.run_id, status, end_time: start + 60_000 + (start % 7) * 1000 });
  return run;
}

export interface SeededRun {
  id: string;
  name: string;
  depth: number;
  parentId: string | undefined;
  loss: number;
  team: string;
}

export const TEAMS = ["vision", "nlp", "speech"] as const;

/**
 * A tree-shaped experiment: `roots` top-level runs, each with `fanout` children per level down to
 * `depth` levels of child runs (20 roots × fanout 2 × depth 3 = 20 × 15 = 300 runs). Every run gets
 * a distinct `loss` (so sorting has one right answer), an `lr` param and a `team` tag cycling through
 * TEAMS; start times descend with the index so the server's default order is creation order.
 */
export async function seedRunTree(experimentId: string, options: { roots: number; fanout: number; depth: number }): Promise<SeededRun[]> {
  const all: SeededRun[] = [];
  let index = 0;
  const make = async (name: string, depth: number, parentId: string | undefined): Promise<SeededRun> => {
    const i = index++;
    // A permutation of 0..n-1 spread over (0, 1): distinct, unrelated to creation order.
    const loss = Number((((i * 7919) % 1009) / 1009 + 0.0001).toFixed(6));
    const team = TEAMS[i % TEAMS.length] ?? "vision";
    const run = await createRun(experimentId, {
      name,
      ...(parentId ? { parentId } : {}),
      startTime: BASE_TIME + 10_000_000 - i * 1000,
      params: [{ key: "lr", value: String([0.1, 0.01, 0.001][i % 3]) }],
      metrics: { loss, accuracy: 1 - loss },
      tags: [{ key: "team", value: team }],
    });
    return { id: run.info.run_id, name, depth, parentId, loss, team };
  };
  let level = await mapLimit(
    Array.from({ length: options.roots }, (_, r) => r),
    8,
    (r) => make(`root-${String(r).padStart(2, "0")}`, 0, undefined),
  );
  all.push(...level);
  for (let depth = 1; depth <= options.depth; depth++) {
    const jobs = level.flatMap((parent) => Array.from({ length: options.fanout }, (_, c) => ({ parent, c })));
    level = await mapLimit(jobs, 8, ({ parent, c }) => make(`${parent.name}.${c}`, depth, parent.id));
    all.push(...level);
  }
  return all;
}

export interface CompareRun {
  id: string;
  name: string;
  experimentId: string;
  loss: number;
}

/**
 * `count` runs for the compare view with a known mix of equal and differing data. Differing: params
 * `lr` (0.1 / 0.01 / 0.001), `batch_size` (32 / 64), `activation` (relu / gelu / tanh / silu), `trial`
 * (the index; only when `count` > 3), metrics `loss` (0.5, 0.75, 0.25, then +0.001 per round of three)
 * and `accuracy` (1 − loss), tag `owner`. Equal: params `optimizer`, `seed`, metric `epochs`, tag `team`.
 * Runs are created in index order with descending start times, named `cmp-00`, `cmp-01`, ….
 */
export async function seedCompareRuns(experimentId: string, count: number): Promise<CompareRun[]> {
  return mapLimit(
    Array.from({ length: count }, (_, i) => i),
    8,
    async (i) => {
      const name = `cmp-${String(i).padStart(2, "0")}`;
      const loss = Number((0.25 * (1 + ((i + 1) % 3)) + Math.floor(i / 3) * 0.001).toFixed(4));
      const run = await createRun(experimentId, {
        name,
        startTime: BASE_TIME + 1_000_000 - i * 1000,
        params: [
          { key: "lr", value: ["0.1", "0.01", "0.001"][i % 3] ?? "0.1" },
          { key: "batch_size", value: i % 2 ? "64" : "32" },
          { key: "activation", value: ["relu", "gelu", "tanh", "silu"][i % 4] ?? "relu" },
          { key: "optimizer", value: "adam" },
          { key: "seed", value: "42" },
          ...(count > 3 ? [{ key: "trial", value: String(i) }] : []),
        ],
        metrics: { loss, accuracy: Number((1 - loss).toFixed(4)), epochs: 10 },
        tags: [
          { key: "team", value: "vision" },
          { key: "owner", value: ["ann", "bob", "cy"][i % 3] ?? "ann" },
        ],
      });
      return { id: run.info.run_id, name, experimentId, loss };
    },
  );
}

/**
 * Logs `steps` values of one metric to a run through the REST API, 1,000 per logBatch (MLflow's
 * limit), a few batches in flight. Step s is logged at `startTime + s · msPerStep`.
 */
export async function logMetricSeries(
  runId: string,
  key: string,
  steps: number,
  value: (step: number) => number,
  options: { startTime?: number; msPerStep?: number } = {},
): Promise<void> {
  const start = options.startTime ?? BASE_TIME;
  const msPerStep = options.msPerStep ?? 100;
  const batches = Array.from({ length: Math.ceil(steps / 1000) }, (_, b) => b * 1000);
  await mapLimit(batches, 4, async (first) => {
    const metrics: Metric[] = [];
    for (let step = first; step < Math.min(steps, first + 1000); step++) metrics.push({ key, value: value(step), timestamp: start + step * msPerStep, step });
    await api.call("logBatch", { run_id: runId, metrics });
  });
}

/** A noisy decaying loss curve, the same for the same seed. */
export function lossCurve(seed: number, steps: number): (step: number) => number {
  return (step) => Math.exp((-3 * step) / steps) * (1 + seed * 0.15) + 0.05 * Math.sin(step * 0.37 + seed) + 0.03 * Math.sin(step * 0.011 * (seed + 1));
}

/**
 * Logs steps `from` to `to` (exclusive) of one metric in one logBatch (at most 1,000 steps): more
 * points of a running run, as training logs them. Step s is logged at `startTime + s · msPerStep`.
 */
export async function logMetricSteps(runId: string, key: string, from: number, to: number, value: (step: number) => number, options: { startTime?: number; msPerStep?: number } = {}): Promise<void> {
  const start = options.startTime ?? BASE_TIME;
  const msPerStep = options.msPerStep ?? 100;
  const metrics: Metric[] = [];
  for (let step = from; step < to; step++) metrics.push({ key, value: value(step), timestamp: start + step * msPerStep, step });
  await api.call("logBatch", { run_id: runId, metrics });
}

/** Ends a run (as `mlflow.end_run` does): FINISHED unless told otherwise. */
export async function endRun(runId: string, status: "FINISHED" | "FAILED" | "KILLED" = "FINISHED"): Promise<void> {
  await api.call("updateRun", { run_id: runId, status, end_time: Date.now() });
}
