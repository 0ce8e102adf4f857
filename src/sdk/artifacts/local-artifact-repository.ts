import { copyFile, cp, mkdir, stat } from "node:fs/promises";
import { basename, join } from "node:path";
import { MlflowError } from "../../core/index.js";
import { checkArtifactPath } from "./artifact-paths.js";
import type { ArtifactRepository } from "./artifact-repository.js";

/** Artifacts in a local directory: the root of runs tracked in a local store. */
export class LocalArtifactRepository implements ArtifactRepository {
  constructor(readonly root: string) {}

  async logArtifact(localFile: string, artifactPath?: string): Promise<void> {
    const info = await statOrThrow(localFile);
    if (!info.isFile()) throw MlflowError.invalidParameter(`Not a file: '${localFile}' (use logArtifacts for directories).`);
    const dir = join(this.root, checkArtifactPath(artifactPath));
    await mkdir(dir, { recursive: true });
    await copyFile(localFile, join(dir, basename(localFile)));
  }

  async logArtifacts(localDir: string, artifactPath?: string): Promise<void> {
    const info = await statOrThrow(localDir);
    if (!info.isDirectory()) throw MlflowError.invalidParameter(`Not a directory: '${localDir}'`);
    const dir = join(this.root, checkArtifactPath(artifactPath));
    await mkdir(dir, { recursive: true });
    await cp(localDir, dir, { recursive: true, force: true });
  }
}

async function statOrThrow(path: string): Promise<Awaited<ReturnType<typeof stat>>> {
  try {
    return await stat(path);
  } catch {
    throw MlflowError.notFound(`No such file or directory: '${path}'`);
  }
}
