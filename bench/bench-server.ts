import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

export interface BenchServer {
  url: string;
  dir: string;
  process: ChildProcess;
  /** Resident set size of the server process in MiB (Linux /proc). */
  rssMiB(): number;
  stop(): Promise<void>;
}

const BIN = fileURLToPath(new URL("../../../bin/tracklet.js", import.meta.url));

/** Starts the built server as its own process, so its memory and CPU are measured apart from the load generator. */
export async function startBenchServer(port: number): Promise<BenchServer> {
  const dir = mkdtempSync(join(tmpdir(), "tracklet-bench-"));
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, BIN, "server", "--port", String(port), "--backend-store-uri", dir], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise<void>((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`server exited with ${code}`)));
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("serving on")) resolve();
    });
  });
  return {
    url: `http://127.0.0.1:${port}`,
    dir,
    process: child,
    rssMiB: () => {
      const status = readFileSync(`/proc/${child.pid}/status`, "utf8");
      return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0) / 1024;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}
