#!/usr/bin/env node
// `npm start`: build when the build is missing or older than the sources, then run
// `tracklet server` with MLflow's defaults (127.0.0.1:5000, SQLite and artifacts under ./mlruns).
import { spawn, spawnSync } from "node:child_process";
import { existsSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = fileURLToPath(new URL("..", import.meta.url));
const outputs = [join(root, "dist/node/src/cli/main.js"), join(root, "dist/web/index.html")];

function newest(dir) {
  let latest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    latest = Math.max(latest, entry.isDirectory() ? newest(path) : statSync(path).mtimeMs);
  }
  return latest;
}

const built = outputs.every(existsSync) ? Math.min(...outputs.map((p) => statSync(p).mtimeMs)) : 0;
const sources = Math.max(newest(join(root, "src")), statSync(join(root, "index.html")).mtimeMs);
if (built < sources) {
  console.log("Building Tracklet…");
  const result = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit", shell: process.platform === "win32" });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

const args = process.argv.slice(2);
const child = spawn(process.execPath, [join(root, "bin/tracklet.js"), "server", ...args], { stdio: "inherit" });
// Forward stop signals so the server shuts down gracefully however this wrapper is stopped.
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
