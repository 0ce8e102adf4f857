import { SystemTags, type Run } from "../../core/index.js";

/** The value of one of a run's tags, or undefined when the run does not have it. */
export function runTag(run: Run, key: string): string | undefined {
  return run.data.tags.find((t) => t.key === key)?.value;
}

/**
 * Who ran it: the `mlflow.user` tag, else the run's `user_id`. MLflow's clients set the tag and may
 * leave `user_id` empty (it is deprecated), and MLflow's UI shows and sorts by the tag.
 */
export function runUser(run: Run): string | undefined {
  return runTag(run, SystemTags.USER) || run.info.user_id || undefined;
}
