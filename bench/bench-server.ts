import type { ChildProcess } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startServerOn } from "./server-process.js";

export interface BenchServer {
  url: string;
  dir: string;
  process: ChildProcess;
  /** Resident set size of the server process in MiB (Linux /proc). */
  rssMiB(): number;
  stop(): Promise<void>;
}

/** Starts the built server as its own process on a fresh, empty database directory. */
export async function startBenchServer(port: number): Promise<BenchServer> {
  const dir = mkdtempSync(join(tmpdir(), "tracklet-bench-"));
  return startServerOn(dir, port);
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] as number;
}
