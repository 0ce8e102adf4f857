import { isMlflowError } from "../../../core/index.js";

/**
 * Whether loading an experiment failed because there is no such experiment: MLflow answers
 * RESOURCE_DOES_NOT_EXIST for an unknown id, and some servers INVALID_PARAMETER_VALUE for an id
 * that is not a number at all. Any other failure (network, 5xx, permissions) is not "not found".
 */
export function isMissingExperimentError(error: unknown): boolean {
  return isMlflowError(error) && (error.errorCode === "RESOURCE_DOES_NOT_EXIST" || error.errorCode === "INVALID_PARAMETER_VALUE");
}
