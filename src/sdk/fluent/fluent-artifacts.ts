import { appendToUri, checkArtifactPath } from "../artifacts/artifact-paths.js";
import { session } from "./fluent-session.js";
import { visibleScope } from "./run-scope.js";

/** Copies a local file into the active run's artifacts, under `artifactPath` if given. */
export async function logArtifact(localPath: string, artifactPath?: string): Promise<void> {
  session.throwPendingFailure();
  await session.client().logArtifact(await session.runIdFor(), localPath, artifactPath);
}

/** Copies a local directory's contents into the active run's artifacts. */
export async function logArtifacts(localDir: string, artifactPath?: string): Promise<void> {
  session.throwPendingFailure();
  await session.client().logArtifacts(await session.runIdFor(), localDir, artifactPath);
}

export async function logText(text: string, artifactFile: string): Promise<void> {
  session.throwPendingFailure();
  await session.client().logText(await session.runIdFor(), text, artifactFile);
}

export async function logDict(value: unknown, artifactFile: string): Promise<void> {
  session.throwPendingFailure();
  await session.client().logDict(await session.runIdFor(), value, artifactFile);
}

/** The active run's artifact URI, or that of a path inside it. */
export async function getArtifactUri(artifactPath?: string): Promise<string> {
  session.throwPendingFailure();
  const runId = await session.runIdFor();
  const active = visibleScope()?.run;
  const root = active?.runId === runId ? active.info.artifact_uri : (await session.client().getRun(runId)).info.artifact_uri;
  return appendToUri(root, checkArtifactPath(artifactPath));
}
