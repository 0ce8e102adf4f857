import type { ListArtifactsResponse } from "../../core/index.js";
import { joinArtifactPath } from "../../store/artifacts/artifact-service.js";
import { safeArtifactPath } from "../../store/artifacts/safe-artifact-path.js";
import type { HandlerContext } from "./tracking-handlers.js";

/** `artifacts/list`: entries under `path` of the run's artifact root, with paths relative to that root. */
export async function listRunArtifacts(runId: string, rawPath: string | undefined, ctx: HandlerContext): Promise<ListArtifactsResponse> {
  const path = safeArtifactPath(rawPath);
  const run = await ctx.store.getRun(runId);
  const { repository, base } = ctx.artifacts.locate(run.info.artifact_uri);
  const files = await repository.list(joinArtifactPath(base, path), path);
  return { root_uri: run.info.artifact_uri, files };
}
