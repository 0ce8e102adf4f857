import { queryOptions } from "@tanstack/react-query";
import type { FileInfo } from "../../../core/index.js";
import { apiClient } from "../../lib/api-client.js";
import { artifactKeys } from "./artifact-keys.js";
import { fetchArtifactTail, fetchArtifactText, probeArtifact } from "./artifact-content.js";
import { artifactUrl } from "./artifact-url.js";
import { isLastingError } from "./is-lasting-error.js";

export interface ArtifactListing {
  /** The run's artifact root as the server names it (`mlflow-artifacts:/1/<run>/artifacts`, `s3://…`). */
  rootUri: string | undefined;
  /** The folder's direct entries; each `path` is relative to the artifact root. */
  files: FileInfo[];
}

/**
 * One folder's entries, every page of them. MLflow's `artifacts/list` pages only on stores that
 * page (a `next_page_token` with each page); the tokens are followed until a page comes without
 * one, comes back empty, or repeats a token, so a misbehaving server cannot loop the browser.
 */
export async function listArtifactFolder(runId: string, path: string): Promise<ArtifactListing> {
  const files: FileInfo[] = [];
  const seen = new Set<string>();
  let rootUri: string | undefined;
  let pageToken: string | undefined;
  do {
    const page = await apiClient.call("listArtifacts", { run_id: runId, ...(path ? { path } : {}), ...(pageToken ? { page_token: pageToken } : {}) });
    rootUri ??= page.root_uri;
    files.push(...(page.files ?? []));
    const next = page.next_page_token;
    pageToken = page.files?.length && next && !seen.has(next) ? next : undefined;
    if (pageToken) seen.add(pageToken);
  } while (pageToken);
  return { rootUri, files };
}

/**
 * A folder of a run's artifacts ("" = the root), fetched when the folder is first opened. With
 * `refreshMs` (a run that is still logging) it is listed again on that beat, though not in a hidden
 * tab, and not after the server refused it: a 400 for a bad path stays a 400.
 */
export function artifactListQueryOptions(runId: string, path: string, refreshMs?: number) {
  return queryOptions({
    queryKey: artifactKeys.list(runId, path),
    queryFn: () => listArtifactFolder(runId, path),
    ...(refreshMs !== undefined ? { refetchInterval: (query: { state: { error: unknown } }) => (isLastingError(query.state.error) ? false : refreshMs) } : {}),
  });
}

/**
 * The first `cap` bytes of a text artifact from `/get-artifact`. `size` is the listed size: it
 * decides whether to ask for a byte range. Previews can be a megabyte each, so an unused one is
 * dropped from the cache after a minute rather than the default five.
 */
export function artifactTextQueryOptions(runId: string, path: string, cap: number, size: number | undefined) {
  return queryOptions({
    queryKey: artifactKeys.content(runId, path, cap, size),
    queryFn: ({ signal }) => fetchArtifactText(artifactUrl(runId, path), { cap, size, signal }),
    gcTime: 60_000,
  });
}

/**
 * The last `cap` bytes of a text artifact, for "Show end" on a file larger than the preview cap.
 * Keyed by the listed size like the start, and dropped as soon.
 */
export function artifactTailQueryOptions(runId: string, path: string, cap: number, size: number | undefined) {
  return queryOptions({
    queryKey: artifactKeys.tail(runId, path, cap, size),
    queryFn: ({ signal }) => fetchArtifactTail(artifactUrl(runId, path), { cap, signal }),
    gcTime: 60_000,
  });
}

/**
 * Asked after an `<img>` of the artifact failed, which tells nothing of why: the server's error for
 * the same URL (a vanished file's 404, a refused path's 400), or success when the server has the file
 * and the browser could not decode it. Not retried, not kept: the next failure asks again.
 */
export function artifactProbeQueryOptions(runId: string, path: string) {
  return queryOptions({
    queryKey: artifactKeys.probe(runId, path),
    queryFn: ({ signal }) => probeArtifact(artifactUrl(runId, path), { signal }).then(() => true),
    retry: false,
    gcTime: 0,
  });
}
