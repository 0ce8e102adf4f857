import { createRequire } from "node:module";
import { Worker } from "node:worker_threads";

// The worker's source is kept inline (CommonJS, evaluated) so it runs the same from TypeScript
// sources under Vitest and from the compiled build, with no separate file to ship.
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const Database = require(workerData.modulePath);
const db = new Database(workerData.file);
db.pragma("busy_timeout = 5000");
const checkpoint = (mode) => {
  try { db.pragma("wal_checkpoint(" + mode + ")"); } catch (error) { /* busy: retried next tick */ }
};
const timer = setInterval(() => checkpoint("PASSIVE"), workerData.intervalMs);
parentPort.on("message", (message) => {
  if (message !== "close") return;
  clearInterval(timer);
  checkpoint("TRUNCATE");
  db.close();
  parentPort.postMessage("closed");
});
`;

/**
 * Runs WAL checkpoints on a second thread. A checkpoint copies the WAL back into the database and
 * fsyncs it; done inside a commit (SQLite's auto-checkpoint) it stalls every writer for tens of
 * milliseconds. A PASSIVE checkpoint on another connection never blocks the writer, so ingest
 * latency stays flat and the second core does the copying.
 */
export class CheckpointWorker {
  private readonly worker: Worker;

  constructor(file: string, intervalMs = 250) {
    const modulePath = createRequire(import.meta.url).resolve("better-sqlite3");
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { file, modulePath, intervalMs } });
    this.worker.unref();
    this.worker.on("error", (error) => console.error("checkpoint worker failed:", error));
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
