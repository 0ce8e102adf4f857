import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BenchServer } from "./bench-server.js";

const BIN = fileURLToPath(new URL("../../../bin/tracklet.js", import.meta.url));

/**
 * Like `startBenchServer`, but on an existing database file (startBenchServer always makes a new,
 * empty one): `node bin/tracklet.js server --backend-store-uri <file> --port <port>` as its own
 * process, resolved once it prints that it is serving.
 */
export async function startServerOnDatabase(dbFile: string, port: number): Promise<BenchServer> {
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, BIN, "server", "--port", String(port), "--backend-store-uri", dbFile], {
    stdio: ["ignore", "pipe", "inherit"],
  });
  await new Promise<void>((resolve, reject) => {
    const onExit = (code: number | null): void => reject(new Error(`server exited with ${code}`));
    child.once("exit", onExit);
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("serving on")) {
        child.off("exit", onExit);
        resolve();
      }
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    dir: dbFile,
    process: child,
    rssMiB: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
