import type { Run } from "../../core/index.js";

/** The value of one of a run's tags, or undefined when the run does not have it. */
export function runTag(run: Run, key: string): string | undefined {
  return run.data.tags.find((t) => t.key === key)?.value;
}
