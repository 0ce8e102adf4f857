import { MlflowError } from "../errors/mlflow-error.js";
import { codePointLength, Limits } from "./limits.js";
import { posixNormpath } from "./posix-normpath.js";

export type KeyKind = "metric" | "parameter" | "tag";

// Python's Unicode-aware \w, plus the punctuation MLflow allows (':' since MLflow 2.x).
const VALID_KEY = /^[/\p{L}\p{M}\p{N}\p{Pc}.\- :]*$/u;

const LENGTH_SUBJECT: Record<KeyKind, string> = { metric: "Metric name", parameter: "Param key", tag: "Tag key" };

/** Throws MLflow's INVALID_PARAMETER_VALUE for a key that MLflow would refuse. */
export function validateKeyName(kind: KeyKind, key: string): void {
  if (!VALID_KEY.test(key)) {
    throw MlflowError.invalidParameter(
      `Invalid ${kind} name: '${key}'. Names may only contain alphanumerics, underscores (_), dashes (-), periods (.), spaces ( ), colon (:) and slashes (/).`,
    );
  }
  const norm = posixNormpath(key);
  if (norm !== key || norm === "." || norm.startsWith("..") || norm.startsWith("/")) {
    throw MlflowError.invalidParameter(
      `Invalid ${kind} name: '${key}'. Names may be treated as files in certain cases, and must not resolve to other names when treated as such. This name would resolve to '${norm}'`,
    );
  }
  validateLength(LENGTH_SUBJECT[kind], key, Limits.ENTITY_KEY);
}

/** MLflow's `_validate_length_limit` message, quoting at most 250 code points of the value. */
export function validateLength(subject: string, value: string, limit: number): void {
  const length = codePointLength(value);
  if (length > limit) {
    const shown = Array.from(value).slice(0, 250).join("");
    throw MlflowError.invalidParameter(`${subject} '${shown}' had length ${length}, which exceeded length limit of ${limit}`);
  }
}
