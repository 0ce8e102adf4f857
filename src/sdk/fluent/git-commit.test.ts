import { execFileSync } from "node:child_process";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findGitCommit } from "./git-commit.js";

const SHA_A = "a".repeat(40);
const SHA_B = "b".repeat(40);

describe("findGitCommit", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "tracklet-git-"));
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  async function repo(name: string, files: Record<string, string>): Promise<string> {
    const root = join(dir, name);
    for (const [path, content] of Object.entries(files)) {
      await mkdir(join(root, path, ".."), { recursive: true });
      await writeFile(join(root, path), content);
    }
    return root;
  }

  it("agrees with git for this repository", async () => {
    const here = fileURLToPath(import.meta.url);
    const expected = execFileSync("git", ["rev-parse", "HEAD"], { cwd: join(here, ".."), encoding: "utf8" }).trim();
    expect(await findGitCommit(here)).toBe(expected);
  });

  it("follows a branch ref, packed refs, a detached HEAD and a worktree's .git file", async () => {
    const loose = await repo("loose", { ".git/HEAD": "ref: refs/heads/main\n", ".git/refs/heads/main": `${SHA_A}\n`, "src/train.mjs": "" });
    expect(await findGitCommit(join(loose, "src/train.mjs"))).toBe(SHA_A);
    const packed = await repo("packed", { ".git/HEAD": "ref: refs/heads/dev", ".git/packed-refs": `# pack-refs with: peeled\n${SHA_B} refs/heads/dev\n`, "a.mjs": "" });
    expect(await findGitCommit(join(packed, "a.mjs"))).toBe(SHA_B);
    const detached = await repo("detached", { ".git/HEAD": `${SHA_B}\n` });
    expect(await findGitCommit(detached)).toBe(SHA_B);
    const worktree = await repo("worktree", {
      ".git": `gitdir: ${join(loose, ".git/worktrees/wt")}\n`,
      "x.mjs": "",
    });
    await mkdir(join(loose, ".git/worktrees/wt"), { recursive: true });
    await writeFile(join(loose, ".git/worktrees/wt/HEAD"), "ref: refs/heads/main\n");
    await writeFile(join(loose, ".git/worktrees/wt/commondir"), "../..\n");
    expect(await findGitCommit(join(worktree, "x.mjs"))).toBe(SHA_A);
  });

  it("is undefined outside a repository and for an unborn branch", async () => {
    expect(await findGitCommit("/")).toBeUndefined();
    const unborn = await repo("unborn", { ".git/HEAD": "ref: refs/heads/main\n" });
    expect(await findGitCommit(unborn)).toBeUndefined();
  });
});
