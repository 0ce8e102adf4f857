import { createReadStream, createWriteStream, type ReadStream } from "node:fs";
import { mkdir, open, readdir, realpath, rename, rm, stat } from "node:fs/promises";
import { dirname, join, relative, sep } from "node:path";
import { pipeline } from "node:stream/promises";
import type { Readable } from "node:stream";
import { MlflowError, type FileInfo } from "../../core/index.js";

function isErrno(error: unknown, code: string): boolean {
  return (error as { code?: unknown } | null)?.code === code;
}

/** A stored file found for reading. */
export interface ArtifactFile {
  size: number;
  modified: Date;
  read(range?: { start: number; end: number }): ReadStream;
}

/**
 * Artifacts as files under one root directory. Every path has passed `safeArtifactPath`; on top
 * of that each access resolves symlinks and refuses anything that lands outside the root
 * (a symlink planted inside the root was MLflow's late-2025 hole).
 */
export class LocalArtifactRepository {
  constructor(readonly root: string) {}

  private async resolveInside(relPath: string): Promise<string> {
    const target = join(this.root, relPath);
    let rootReal: string;
    try {
      rootReal = await realpath(this.root);
    } catch {
      return target;
    }
    // Resolve the longest existing prefix, then check it is still under the root.
    let probe = target;
    for (;;) {
      try {
        const real = await realpath(probe);
        const rest = relative(probe, target);
        const resolved = rest ? join(real, rest) : real;
        if (resolved !== rootReal && !resolved.startsWith(rootReal + sep)) throw MlflowError.invalidParameter("Invalid path: resolved path is outside the artifact directory");
        return resolved;
      } catch (error) {
        if (!isErrno(error, "ENOENT")) throw error;
        const parent = dirname(probe);
        if (parent === probe) return target;
        probe = parent;
      }
    }
  }

  /** Entries directly under `relPath`; `prefix` is prepended to each returned path. A missing directory lists as empty. */
  async list(relPath: string, prefix: string): Promise<FileInfo[]> {
    const dir = await this.resolveInside(relPath);
    let entries;
    try {
      entries = await readdir(dir, { withFileTypes: true });
    } catch (error) {
      if (isErrno(error, "ENOENT") || isErrno(error, "ENOTDIR")) return [];
      throw error;
    }
    const out: FileInfo[] = [];
    for (const entry of entries.sort((a, b) => (a.name < b.name ? -1 : 1))) {
      if (entry.name.startsWith(".tracklet-upload-")) continue;
      const path = prefix ? `${prefix}/${entry.name}` : entry.name;
      if (entry.isDirectory()) out.push({ path, is_dir: true });
      else if (entry.isFile()) out.push({ path, is_dir: false, file_size: (await stat(join(dir, entry.name))).size });
    }
    return out;
  }

  /** A file's size and time, and a reader of all or part of it (`end` inclusive); 404 for a missing file or a directory. */
  async findFile(relPath: string): Promise<ArtifactFile> {
    const file = await this.resolveInside(relPath);
    try {
      const info = await stat(file);
      if (!info.isFile()) throw MlflowError.notFound(`No artifact file at '${relPath}'`);
      return { size: info.size, modified: info.mtime, read: (range) => createReadStream(file, range) };
    } catch (error) {
      if (isErrno(error, "ENOENT")) throw MlflowError.notFound(`No artifact file at '${relPath}'`);
      throw error;
    }
  }

  /** Streams to a temporary file, fsyncs and renames: a crash never leaves a partial file at the final path. */
  async write(relPath: string, body: Readable): Promise<void> {
    if (relPath === "") throw MlflowError.invalidParameter("An artifact path is required for upload.");
    const file = await this.resolveInside(relPath);
    await mkdir(dirname(file), { recursive: true });
    const temp = join(dirname(file), `.tracklet-upload-${crypto.randomUUID()}`);
    try {
      await pipeline(body, createWriteStream(temp, { flags: "wx" }));
      // fsync is per file on Linux: a fresh handle flushes what the stream wrote.
      const handle = await open(temp, "r+");
      try {
        await handle.sync();
      } finally {
        await handle.close();
      }
    } catch (error) {
      await rm(temp, { force: true });
      throw error;
    }
    await rename(temp, file);
  }

  async delete(relPath: string): Promise<void> {
    if (relPath === "") throw MlflowError.invalidParameter("Refusing to delete the artifact root.");
    const target = await this.resolveInside(relPath);
    try {
      await stat(target);
    } catch (error) {
      if (isErrno(error, "ENOENT")) throw MlflowError.notFound(`No artifact at '${relPath}'`);
      throw error;
    }
    await rm(target, { recursive: true, force: true });
  }
}
