/**
 * Query keys of run artifacts, generic → specific: `run(runId)` covers every listing and preview of
 * one run, so the artifact browser's Refresh invalidates exactly that run's artifacts.
 */
export const artifactKeys = {
  all: ["artifacts"] as const,
  run: (runId: string) => [...artifactKeys.all, runId] as const,
  lists: (runId: string) => [...artifactKeys.run(runId), "list"] as const,
  /** One folder's entries; "" is the run's artifact root. */
  list: (runId: string, path: string) => [...artifactKeys.lists(runId), path] as const,
  contents: (runId: string) => [...artifactKeys.run(runId), "content"] as const,
  /** The first `cap` bytes of a file; the listed size is part of the key, so a rewritten file is read again. */
  content: (runId: string, path: string, cap: number, size: number | undefined) => [...artifactKeys.contents(runId), path, { cap, size }] as const,
  /** The last `cap` bytes of a file (a log's end), asked for with a suffix range. */
  tail: (runId: string, path: string, cap: number, size: number | undefined) => [...artifactKeys.contents(runId), path, "tail", { cap, size }] as const,
  /** Why a file would not display (asked only after an `<img>` failed). */
  probe: (runId: string, path: string) => [...artifactKeys.contents(runId), path, "probe"] as const,
};
