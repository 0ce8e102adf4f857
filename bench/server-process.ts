import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { BenchServer } from "./bench-server.js";

const BIN = fileURLToPath(new URL("../../../bin/tracklet.js", import.meta.url));
/** Linux reports process CPU time in clock ticks of 1/100 s (USER_HZ). */
const TICKS_PER_SECOND = 100;

/** A server process over an existing database, with the /proc readings the benchmarks report. */
export interface MeasuredServer extends BenchServer {
  /** Peak resident set size since the process started (VmHWM), MiB. */
  peakRssMiB(): number;
  /** User + system CPU time the process has used so far, ms (10 ms resolution). */
  cpuMs(): number;
}

function statusField(pid: number | undefined, field: string): number {
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  return Number(new RegExp(`${field}:\\s+(\\d+)`).exec(status)?.[1] ?? 0) / 1024;
}

/**
 * `node bin/tracklet.js server --backend-store-uri <uri> --port <port>` as its own process (so its
 * memory and CPU are measured apart from the load generator), resolved once it is serving.
 * Unlike `startBenchServer`, the database is the caller's (seeded beforehand).
 */
export async function startServerOn(backendStoreUri: string, port: number): Promise<MeasuredServer> {
  const nodeArgs = (process.env.BENCH_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const child = spawn(process.execPath, [...nodeArgs, BIN, "server", "--port", String(port), "--backend-store-uri", backendStoreUri], {
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
    dir: backendStoreUri,
    process: child,
    rssMiB: () => statusField(child.pid, "VmRSS"),
    peakRssMiB: () => statusField(child.pid, "VmHWM"),
    cpuMs: () => {
      // Fields after the parenthesised command name: state is field 3, utime 14, stime 15.
      const stat = readFileSync(`/proc/${child.pid}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
    },
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}
