import { MlflowError } from "../errors/mlflow-error.js";
import type { Metric } from "../entities/metric.js";
import type { KeyValue } from "../entities/tag.js";
import { validateKeyName, validateLength } from "./key-name.js";
import { Limits, truncateCodePoints } from "./limits.js";

const RUN_ID = /^[a-zA-Z0-9][\w-]{0,255}$/;

export function validateRunId(runId: string): void {
  if (!RUN_ID.test(runId)) throw MlflowError.invalidParameter(`Invalid run ID: '${runId}'`);
}

/** Metric checks of `_validate_metric`; the value is already a number (the request parser ensures it). */
export function validateMetric(m: Metric): void {
  validateKeyName("metric", m.key);
  if (!Number.isInteger(m.timestamp) || m.timestamp < 0) {
    throw MlflowError.invalidParameter(
      `Got invalid timestamp ${m.timestamp} for metric '${m.key}' (value=${m.value}). Timestamp must be a nonnegative long (64-bit integer) `,
    );
  }
  if (!Number.isInteger(m.step)) {
    throw MlflowError.invalidParameter(
      `Got invalid step ${m.step} for metric '${m.key}' (value=${m.value}). Step must be a valid long (64-bit integer).`,
    );
  }
}

/**
 * Params longer than MLflow's limit are truncated, as MLflow does by default
 * (MLFLOW_TRUNCATE_LONG_VALUES): MLflow clients rely on it.
 */
export function normalizeParam(p: KeyValue): KeyValue {
  validateKeyName("parameter", p.key);
  return { key: p.key, value: truncateCodePoints(p.value, Limits.PARAM_VALUE) };
}

export function normalizeRunTag(t: KeyValue): KeyValue {
  validateKeyName("tag", t.key);
  return { key: t.key, value: truncateCodePoints(t.value, Limits.RUN_TAG_VALUE) };
}

/** Experiment tags are not truncated: MLflow refuses over-long ones. */
export function validateExperimentTag(t: KeyValue): void {
  validateKeyName("tag", t.key);
  validateLength("Tag key", t.key, Limits.EXPERIMENT_TAG_KEY);
  validateLength("Tag value", t.value, Limits.EXPERIMENT_TAG_VALUE);
}

export function validateExperimentName(name: string): void {
  if (name.trim() === "") throw MlflowError.invalidParameter(`Invalid experiment name: '${name}'`);
  if (Array.from(name).length > Limits.EXPERIMENT_NAME) {
    throw MlflowError.invalidParameter(`Experiment name exceeds the maximum length of ${Limits.EXPERIMENT_NAME} characters`);
  }
}

/**
 * MLflow refuses `runs:/` roots and URL fragments or `;params`. Tracklet also refuses
 * control characters and `..` segments, which MLflow 3.6.1 accepted (rest-api.md §9).
 */
export function validateArtifactLocation(location: string): void {
  if (location.startsWith("runs:")) {
    throw MlflowError.invalidParameter(`Artifact location cannot be a runs:/ URI. Given: '${location}'`);
  }
  if (location.includes("#") || /;[^/]*$/.test(location.split("?")[0] ?? "")) {
    throw MlflowError.invalidParameter("'artifact_location' URL can't include fragments or params.");
  }
  // eslint-disable-next-line no-control-regex
  if (/[\u0000-\u001f]/.test(location)) throw MlflowError.invalidParameter("'artifact_location' must not contain control characters.");
  let decoded: string;
  try {
    decoded = decodeURIComponent(location);
  } catch {
    throw MlflowError.invalidParameter(`Invalid 'artifact_location': '${location}'`);
  }
  if (decoded.split(/[/\\?&=]/).includes("..")) {
    throw MlflowError.invalidParameter(`'artifact_location' must not contain '..' path segments: '${location}'`);
  }
  validateLength("Artifact location", location, Limits.ARTIFACT_LOCATION);
}

export function validateBatchLimits(counts: { metrics: number; params: number; tags: number }): void {
  const check = (n: number, limit: number, what: string): void => {
    if (n > limit) {
      throw MlflowError.invalidParameter(
        `A batch logging request can contain at most ${limit} ${what}. Got ${n} ${what}. Please split up ${what} across multiple requests and try again.`,
      );
    }
  };
  check(counts.metrics, Limits.BATCH_METRICS, "metrics");
  check(counts.params, Limits.BATCH_PARAMS, "params");
  check(counts.tags, Limits.BATCH_TAGS, "tags");
  const total = counts.metrics + counts.params + counts.tags;
  if (total > Limits.BATCH_TOTAL) {
    throw MlflowError.invalidParameter(
      `A batch logging request can contain at most ${Limits.BATCH_TOTAL} total entities (metrics, params and tags). Got ${total} entities. Please split up entities across multiple requests and try again.`,
    );
  }
}

export function validateNoDuplicateParamKeys(params: readonly KeyValue[]): void {
  const seen = new Set<string>();
  const dup = new Set<string>();
  for (const p of params) (seen.has(p.key) ? dup : seen).add(p.key);
  if (dup.size > 0) {
    throw MlflowError.invalidParameter(
      `Duplicate parameter keys have been submitted: [${[...dup].map((k) => `'${k}'`).join(", ")}]. Please ensure the request contains only one param value per param key.`,
    );
  }
}
