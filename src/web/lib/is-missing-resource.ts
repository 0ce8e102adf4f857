import { isMlflowError } from "../../core/index.js";

/**
 * Whether loading an experiment or a run failed because there is no such thing, so a retry cannot
 * help and the page shows a way back instead: MLflow answers RESOURCE_DOES_NOT_EXIST for an unknown
 * id, and some servers INVALID_PARAMETER_VALUE for an id that is not one at all. Any other failure
 * (network, 5xx, permissions, a missing endpoint) is not "not found".
 */
export function isMissingResource(error: unknown): boolean {
  return isMlflowError(error) && (error.errorCode === "RESOURCE_DOES_NOT_EXIST" || error.errorCode === "INVALID_PARAMETER_VALUE");
}
