import type { SampledMetricSeries } from "../core/charts/index.js";
import type { DatasetInput, KeyValue, Metric, Run, RunInfo } from "../core/index.js";

/** A fixed epoch (2023-11-14) so timestamps in tests are readable and stable. */
export const BASE_TIME = 1_700_000_000_000;

/** MLflow's generated run names: `<adjective>-<noun>-<0..1000>`, at most 20 characters. */
export const RUN_NAME_PATTERN = /^[a-z]+-[a-z]+-\d{1,4}$/;

/** ±Infinity as MLflow stores and returns it. */
export const DOUBLE_MAX = 1.7976931348623157e308;

let counter = 0;

/** A name no other test (or test file) uses: experiment names are unique across the database. */
export function uniqueName(prefix = "exp"): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2, 8)}`;
}

/** Keys MLflow accepts that naive implementations trip over: spaces, dots, slashes, colons, Unicode. */
export const AWKWARD_KEYS = ["learning rate", "val.loss", "train/acc", "métrique_été", "损失", "key-with_dashes", "epoch:1", "x 1.2/y"] as const;

/** Keys MLflow refuses (400): path aliases, absolute or parent paths, trailing slash, emoji, other punctuation. */
export const INVALID_KEYS = ["a//b", "/a", "..", "a/", "a/../b", "./a", "🙂", "a#b", "a\\b"] as const;

/** `steps` points of one metric: value 1/(step+1), timestamps one second apart. */
export function metricHistory(key: string, steps: number, options: { firstStep?: number; baseTime?: number; value?: (step: number) => number } = {}): Metric[] {
  const first = options.firstStep ?? 0;
  const value = options.value ?? ((step: number) => 1 / (step + 1));
  const base = options.baseTime ?? BASE_TIME;
  return Array.from({ length: steps }, (_, i) => {
    const step = first + i;
    return { key, value: value(step), timestamp: base + step * 1000, step };
  });
}

/** `n` distinct metric keys, one point each. */
/** Doubles a wire format must carry exactly: NaN, ±Infinity, MLflow's ±DBL_MAX, -0, the smallest subnormal. */
export const SPECIAL_VALUES = [NaN, Infinity, -Infinity, DOUBLE_MAX, -DOUBLE_MAX, -0, 0.1 + 0.2, 1e-300, 5e-324, -123456789.125] as const;

/**
 * Sampled-history series (core/charts/sampled-history.ts) for layout round trips: one of `points`
 * points with a special value every 7 steps, one empty, and a short one with smoothing's raw values
 * and a relative-time origin (its run id not ASCII).
 */
export function specialSampledSeries(points = 300): { metrics: Metric[]; series: SampledMetricSeries[] } {
  const metrics = metricHistory("loss", points, { value: (step) => (step % 7 === 0 ? (SPECIAL_VALUES[step % SPECIAL_VALUES.length] as number) : Math.sin(step) / 3) });
  return {
    metrics,
    series: [
      { run_id: "r1", metrics, total_points: 1e6, sampled: true },
      { run_id: "r2", metrics: [], total_points: 0, sampled: false },
      { run_id: "r3-é", metrics: metrics.slice(0, 3), total_points: 3, sampled: false, raw_values: [NaN, -Infinity, 2.5], x_origin: BASE_TIME },
    ],
  };
}

export function metricsOf(n: number, prefix = "m"): Metric[] {
  return Array.from({ length: n }, (_, i) => ({ key: `${prefix}${i}`, value: i / 10, timestamp: BASE_TIME + i, step: 0 }));
}

export function paramsOf(n: number, prefix = "p"): KeyValue[] {
  return Array.from({ length: n }, (_, i) => ({ key: `${prefix}${i}`, value: `value-${i}` }));
}

export function tagsOf(n: number, prefix = "t"): KeyValue[] {
  return Array.from({ length: n }, (_, i) => ({ key: `${prefix}${i}`, value: `tag-${i}` }));
}

/** A run's worth of data with awkward keys: a short history per metric key, a param and a tag per key. */
export function awkwardRunData(steps = 3): { metrics: Metric[]; params: KeyValue[]; tags: KeyValue[] } {
  return {
    metrics: AWKWARD_KEYS.flatMap((key) => metricHistory(key, steps)),
    params: AWKWARD_KEYS.map((key, i) => ({ key, value: `p${i} ✓` })),
    tags: AWKWARD_KEYS.map((key, i) => ({ key, value: `t${i} ü` })),
  };
}

/** A string of `n` code points (each one UTF-16 unit). */
export function longString(n: number, char = "x"): string {
  return char.repeat(n);
}

export function datasetInput(name = "iris", context = "training"): DatasetInput {
  return {
    tags: [{ key: "mlflow.data.context", value: context }],
    dataset: { name, digest: "3f2a9c1e", source_type: "local", source: JSON.stringify({ uri: `/data/${name}.csv` }), schema: "{}", profile: '{"num_rows": 150}' },
  };
}

/** The MLmodel dictionary MLflow clients send to runs/log-model, as a JSON string. */
export function modelJson(runId: string, artifactPath = "model"): string {
  return JSON.stringify({ artifact_path: artifactPath, flavors: { python_function: { loader_module: "mlflow.sklearn" } }, utc_time_created: "2023-11-14 22:13:20.000000", run_id: runId });
}

/** An in-memory run entity (as the REST API returns it) for unit tests: params and tags as text, metrics as latest values. */
export function runEntity(
  id: string,
  data: { params?: Record<string, string>; metrics?: Record<string, number>; tags?: Record<string, string> } = {},
  info: Partial<RunInfo> = {},
): Run {
  return {
    info: { run_id: id, run_uuid: id, run_name: `run-${id}`, experiment_id: "1", user_id: "u", status: "FINISHED", start_time: 1, artifact_uri: "", lifecycle_stage: "active", ...info },
    data: {
      params: Object.entries(data.params ?? {}).map(([key, value]) => ({ key, value })),
      metrics: Object.entries(data.metrics ?? {}).map(([key, value]) => ({ key, value, timestamp: 1, step: 0 })),
      tags: Object.entries(data.tags ?? {}).map(([key, value]) => ({ key, value })),
    },
    inputs: { dataset_inputs: [] },
  };
}
