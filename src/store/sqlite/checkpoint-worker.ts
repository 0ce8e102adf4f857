import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

/** Slots of the gate shared with the worker (Int32Array over a SharedArrayBuffer). */
const STATE = 0;
const WAITING = 1;
/** STATE values: nobody holds the WAL, the writer is in a transaction, the worker holds the WAL. */
const FREE = 0;
const WRITING = 1;
const HELD = 2;

// The worker's source is kept inline (CommonJS, evaluated) so it runs the same from TypeScript
// sources under Vitest and from the compiled build, with no separate file to ship.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.modulePath);
const db = new Database(workerData.file);
db.pragma("busy_timeout = 5000");
const gate = new Int32Array(workerData.gate);
const checkpoint = (mode) => {
  try { return db.pragma("wal_checkpoint(" + mode + ")")[0]; } catch (error) { return undefined; /* busy: retried next tick */ }
};
const holdingWriter = (fn) => {
  Atomics.store(gate, ${WAITING}, 1);
  while (Atomics.compareExchange(gate, ${STATE}, ${FREE}, ${HELD}) !== ${FREE}) Atomics.wait(gate, ${STATE}, ${WRITING}, 50);
  Atomics.store(gate, ${WAITING}, 0);
  Atomics.notify(gate, ${STATE});
  try { fn(); } finally {
    Atomics.store(gate, ${STATE}, ${FREE});
    Atomics.notify(gate, ${STATE});
  }
};
const tick = () => {
  const result = checkpoint("PASSIVE");
  if (result && result.log >= workerData.restartFrames) holdingWriter(() => checkpoint("PASSIVE"));
};
const timer = setInterval(tick, workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message !== "close") return;
  clearInterval(timer);
  checkpoint("TRUNCATE");
  db.close();
  parentPort.postMessage("closed");
});
`;

type WaitAsync = (array: Int32Array, index: number, value: number, timeoutMs: number) => { async: false } | { async: true; value: Promise<unknown> };
// ES2024's Atomics.waitAsync (Node ≥ 16); the project's lib is ES2023.
const waitAsync = (Atomics as unknown as { waitAsync: WaitAsync }).waitAsync;

function waitForChange(array: Int32Array, index: number, value: number, timeoutMs: number): Promise<void> {
  const wait = waitAsync(array, index, value, timeoutMs);
  if (!wait.async) return Promise.resolve();
  return new Promise((resolve) => {
    // A pending waitAsync does not keep Node's event loop alive; the timer does.
    const timer = setTimeout(resolve, timeoutMs);
    void wait.value.then(() => {
      clearTimeout(timer);
      resolve();
    });
  });
}

export interface CheckpointWorkerOptions {
  /** Milliseconds between PASSIVE checkpoints. */
  intervalMs?: number;
  /** WAL length (frames) from which a checkpoint holds the writer back to complete, so the WAL restarts. */
  restartFrames?: number;
}

/**
 * Runs WAL checkpoints on a second thread. A checkpoint copies the WAL back into the database and
 * fsyncs it; done inside a commit (SQLite's auto-checkpoint) it stalls every writer for tens of
 * milliseconds. A PASSIVE checkpoint on another connection never blocks the writer, so the second
 * core does the copying.
 *
 * Under steady writes, though, a PASSIVE checkpoint never catches up with the last commit, and
 * SQLite only rewinds the WAL to its start when a write begins with every frame copied back. The
 * WAL then grew to the writer's auto-checkpoint mark (≈200 MiB), where one commit ran the
 * checkpoint itself and the next truncated the file: 100–600 ms stalls every few seconds. So once
 * the WAL passes `restartFrames`, the worker takes a gate the writer passes before each
 * transaction, copies the few frames committed since its last pass, and lets the writer go: the
 * next write rewinds the WAL, which stays small and is rewritten in place instead of growing.
 * The writer waits for the gate without blocking the event loop, so requests keep arriving and
 * commit together afterwards.
 */
export class CheckpointWorker {
  private readonly worker: Worker;
  private readonly gate = new Int32Array(new SharedArrayBuffer(2 * Int32Array.BYTES_PER_ELEMENT));
  private alive = true;

  constructor(file: string, options: CheckpointWorkerOptions = {}) {
    const modulePath = createRequire(import.meta.url).resolve("better-sqlite3");
    const workerData = { file, modulePath, intervalMs: options.intervalMs ?? 250, restartFrames: options.restartFrames ?? 8192, gate: this.gate.buffer };
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData });
    this.worker.unref();
    this.worker.on("error", (error) => console.error("checkpoint worker failed:", error));
    this.worker.once("exit", () => {
      // A worker gone while holding the gate must not hold the writer back forever.
      this.alive = false;
      Atomics.store(this.gate, STATE, FREE);
    });
  }

  /** Resolves once the writer may begin a transaction; pair with `endWrite()` after it ends. */
  async beginWrite(): Promise<void> {
    for (;;) {
      if (!this.alive) return;
      if (Atomics.load(this.gate, WAITING) === 0 && Atomics.compareExchange(this.gate, STATE, FREE, WRITING) === FREE) return;
      await waitForChange(this.gate, STATE, Atomics.load(this.gate, STATE), 20);
    }
  }

  endWrite(): void {
    if (Atomics.compareExchange(this.gate, STATE, WRITING, FREE) === WRITING) Atomics.notify(this.gate, STATE);
  }

  /** A final TRUNCATE checkpoint leaves a compact database file behind. */
  close(): Promise<void> {
    return new Promise((resolve) => {
      const timeout = setTimeout(() => void this.worker.terminate().then(() => resolve()), 5000);
      this.worker.once("message", () => {
        clearTimeout(timeout);
        void this.worker.terminate().then(() => resolve());
      });
      this.worker.once("exit", () => {
        clearTimeout(timeout);
        resolve();
      });
      this.worker.postMessage("close");
    });
  }
}
