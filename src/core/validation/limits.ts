/** Size limits of MLflow's validation (mlflow/utils/validation.py), in code points. */
export const Limits = {
  ENTITY_KEY: 250,
  PARAM_VALUE: 6000,
  RUN_TAG_VALUE: 8000,
  EXPERIMENT_TAG_KEY: 250,
  EXPERIMENT_TAG_VALUE: 5000,
  EXPERIMENT_NAME: 500,
  RUN_NAME: 250,
  ARTIFACT_LOCATION: 256 * 4,
  DATASET_NAME: 500,
  DATASET_DIGEST: 36,
  DATASET_SOURCE_TYPE: 36,
  DATASET_SOURCE: 65535,
  DATASET_SCHEMA: 1048575,
  DATASET_PROFILE: 16777215,
  INPUT_TAG_KEY: 255,
  INPUT_TAG_VALUE: 500,
  BATCH_METRICS: 1000,
  BATCH_PARAMS: 100,
  BATCH_TAGS: 100,
  BATCH_TOTAL: 1000,
  SEARCH_MAX_RESULTS_DEFAULT: 1000,
  SEARCH_MAX_RESULTS: 50000,
  METRIC_HISTORY_MAX_RESULTS: 25000,
  BULK_INTERVAL_MAX_RESULTS: 2500,
  BULK_MAX_RUN_IDS: 100,
  MODEL_JSON: 1_000_000,
} as const;

/** Python's len(): code points, not UTF-16 units. */
export function codePointLength(s: string): number {
  let n = 0;
  for (const _ of s) n++;
  return n;
}

/** The first `limit` code points of `s`. */
export function truncateCodePoints(s: string, limit: number): string {
  if (s.length <= limit) return s;
  return Array.from(s).slice(0, limit).join("");
}
