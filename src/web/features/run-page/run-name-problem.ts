import { Limits } from "../../../core/index.js";

/**
 * Why a new run name would be refused, checked before asking the server: MLflow would take an empty
 * name as "no change" and keep the old one silently, and refuses one over its length limit.
 */
export function runNameProblem(name: string): string | undefined {
  if (!name.trim()) return "A run name cannot be empty.";
  const length = [...name].length;
  if (length > Limits.RUN_NAME) return `A run name can be at most ${Limits.RUN_NAME} characters (this one has ${length}).`;
  return undefined;
}
