import type { Run } from "../../../core/index.js";
import { apiClient } from "../../lib/api-client.js";

/** MLflow caps nothing here, but a 100-id IN list keeps the filter text and each response small. */
const CHUNK = 100;

interface Waiter {
  runId: string;
  resolve: (run: Run) => void;
  reject: (error: unknown) => void;
}

let queue: Waiter[] = [];
let hintedExperiments = new Set<string>();
let timer: ReturnType<typeof setTimeout> | undefined;
/** Set once a server refuses the `run_id IN (…)` filter, so later batches go straight to get-run. */
let idFilterUnsupported = false;

/**
 * Loads one run. Calls made in the same tick are batched: with experiment hints, up to 100 runs come
 * back from one `runs/search` with `attributes.run_id IN (…)` (standard MLflow syntax); runs the
 * search does not return, or any run when the server refuses the filter, fall back to `runs/get`.
 * This is how the runs table fetches the ancestors of 1,000 filtered child runs without 1,000 requests.
 */
export function loadRun(runId: string, experimentHints: readonly string[] = []): Promise<Run> {
  for (const id of experimentHints) hintedExperiments.add(id);
  return new Promise<Run>((resolve, reject) => {
    queue.push({ runId, resolve, reject });
    timer ??= setTimeout(flush, 0);
  });
}

function flush(): void {
  const waiters = queue;
  const experiments = [...hintedExperiments];
  queue = [];
  hintedExperiments = new Set();
  timer = undefined;
  const ids = [...new Set(waiters.map((w) => w.runId))];
  void fetchRuns(ids, experiments).then((found) => {
    for (const w of waiters) {
      const result = found.get(w.runId);
      if (result instanceof Error || result === undefined) w.reject(result ?? new Error(`Run ${w.runId} was not loaded`));
      else w.resolve(result);
    }
  });
}

async function fetchRuns(ids: string[], experimentIds: string[]): Promise<Map<string, Run | Error>> {
  const found = new Map<string, Run | Error>();
  if (ids.length > 1 && experimentIds.length > 0 && !idFilterUnsupported) {
    for (let i = 0; i < ids.length; i += CHUNK) {
      const chunk = ids.slice(i, i + CHUNK);
      try {
        const page = await apiClient.call("searchRuns", {
          experiment_ids: experimentIds,
          // Run ids are lower-case hex; MLflow drops list items that are not lower case.
          filter: `attributes.run_id IN (${chunk.map((id) => `'${id}'`).join(", ")})`,
          run_view_type: "ALL",
          max_results: chunk.length,
        });
        for (const run of page.runs ?? []) found.set(run.info.run_id, run);
      } catch {
        idFilterUnsupported = true;
        break;
      }
    }
  }
  await Promise.all(
    ids
      .filter((id) => !found.has(id))
      .map(async (id) => {
        try {
          found.set(id, (await apiClient.call("getRun", { run_id: id })).run);
        } catch (error) {
          found.set(id, error instanceof Error ? error : new Error(String(error)));
        }
      }),
  );
  return found;
}
