import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export const REPO_ROOT = fileURLToPath(new URL("../../../", import.meta.url));
export const DIST_SDK = join(REPO_ROOT, "dist/node/src/sdk/index.js");
export const DIST_CLI_BIN = join(REPO_ROOT, "bin/tracklet.js");
const OUTPUTS = [DIST_SDK, join(REPO_ROOT, "dist/node/src/cli/main.js")];
const SOURCE_DIRS = ["core", "store", "client", "server", "sdk", "cli"].map((d) => join(REPO_ROOT, "src", d));
const LOCK = join(REPO_ROOT, "dist/.node-build.lock");

function newestSource(dir: string): number {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) newest = Math.max(newest, newestSource(path));
    else if (entry.name.endsWith(".ts") && !entry.name.endsWith(".test.ts")) newest = Math.max(newest, statSync(path).mtimeMs);
  }
  return newest;
}

function isFresh(): boolean {
  if (!OUTPUTS.every((p) => existsSync(p))) return false;
  const built = Math.min(...OUTPUTS.map((p) => statSync(p).mtimeMs));
  return SOURCE_DIRS.every((dir) => newestSource(dir) <= built);
}

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Tests that start child processes or worker threads run the compiled SDK/CLI (Node 20 cannot
 * load .ts). `npm test` builds first, so this is a no-op there; after an edit it rebuilds
 * (`tsc -p tsconfig.build.json`), one test file at a time thanks to a lock directory.
 */
export async function ensureNodeBuild(): Promise<void> {
  if (isFresh()) return;
  mkdirSync(join(REPO_ROOT, "dist"), { recursive: true });
  for (;;) {
    try {
      mkdirSync(LOCK);
      break;
    } catch {
      // Another test file is building; a lock older than two minutes was left by a killed run.
      if (existsSync(LOCK) && Date.now() - statSync(LOCK).mtimeMs > 120_000) rmSync(LOCK, { recursive: true, force: true });
      await sleep(200);
    }
  }
  try {
    if (isFresh()) return;
    const tsc = join(REPO_ROOT, "node_modules/typescript/bin/tsc");
    const result = spawnSync(process.execPath, [tsc, "-p", "tsconfig.build.json"], { cwd: REPO_ROOT, encoding: "utf8" });
    // tsc still emits when another layer has type errors; only missing output is fatal here.
    if (!OUTPUTS.every((p) => existsSync(p))) throw new Error(`npm run build:node failed:\n${result.stdout}${result.stderr}`);
  } finally {
    rmSync(LOCK, { recursive: true, force: true });
  }
}
