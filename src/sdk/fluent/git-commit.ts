import { readFile, stat } from "node:fs/promises";
import { dirname, join, resolve } from "node:path";

const SHA = /^[0-9a-f]{40}([0-9a-f]{24})?$/;

async function readText(path: string): Promise<string | undefined> {
  try {
    return (await readFile(path, "utf8")).trim();
  } catch {
    return undefined;
  }
}

/** The repository's git directory: `.git` itself, or the one a worktree's `.git` file points to. */
async function gitDirOf(dir: string): Promise<string | undefined> {
  const dotGit = join(dir, ".git");
  const info = await stat(dotGit).catch(() => undefined);
  if (!info) return undefined;
  if (info.isDirectory()) return dotGit;
  const pointer = /^gitdir:\s*(.+)$/m.exec((await readText(dotGit)) ?? "")?.[1];
  return pointer ? resolve(dir, pointer.trim()) : undefined;
}

async function resolveRef(gitDir: string, ref: string): Promise<string | undefined> {
  const commonDir = resolve(gitDir, (await readText(join(gitDir, "commondir"))) ?? ".");
  for (const base of [gitDir, commonDir]) {
    const loose = await readText(join(base, ref));
    if (loose && SHA.test(loose)) return loose;
  }
  for (const line of ((await readText(join(commonDir, "packed-refs"))) ?? "").split("\n")) {
    const [sha, name] = line.trim().split(" ");
    if (name === ref && sha && SHA.test(sha)) return sha;
  }
  return undefined;
}

/**
 * The commit checked out in the git repository that contains `path`, read from the files under
 * `.git` (no git binary needed), or `undefined` outside a repository or for an unborn branch.
 */
export async function findGitCommit(path: string): Promise<string | undefined> {
  const start = resolve(path);
  let dir = (await stat(start).catch(() => undefined))?.isDirectory() ? start : dirname(start);
  for (;;) {
    const gitDir = await gitDirOf(dir);
    if (gitDir) {
      const head = await readText(join(gitDir, "HEAD"));
      if (!head) return undefined;
      if (SHA.test(head)) return head;
      const ref = /^ref:\s*(.+)$/.exec(head)?.[1];
      return ref ? resolveRef(gitDir, ref.trim()) : undefined;
    }
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}
