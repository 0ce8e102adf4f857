// `npm run bench:ingest`: 20 concurrent clients log batches of 1,000 metrics against a separately
// started server, in two phases of 20 s each:
//  - saturation: every client sends its next batch as soon as the last is answered (closed loop),
//    which measures the most rows/s the server sustains;
//  - paced: the clients together offer BENCH_RATE rows/s (default 100,000) on a fixed schedule, and
//    latency is counted from each batch's scheduled send time, so queueing is not hidden
//    (no coordinated omission). In a closed loop, latency is only queue length × service time.
// Prints rows/s, p50/p99 batch latency and server RSS per phase, and checks every row was stored.
import BetterSqlite3 from "better-sqlite3";
import { join } from "node:path";
import { percentile, startBenchServer } from "./bench-server.js";

const CLIENTS = Number(process.env.BENCH_CLIENTS ?? 20);
const SECONDS = Number(process.env.BENCH_SECONDS ?? 20);
const RATE = Number(process.env.BENCH_RATE ?? 100_000);
const BATCH = 1000;
const KEYS = 10;

async function post(url: string, body: string): Promise<unknown> {
  const response = await fetch(url, { method: "POST", headers: { "content-type": "application/json" }, body });
  const text = await response.text();
  if (!response.ok) throw new Error(`${response.status} ${text}`);
  return JSON.parse(text);
}

/** A distinct batch per call: 10 keys × 100 steps starting at `firstStep`. */
function batchBody(runId: string, firstStep: number, timestamp: number): string {
  const parts: string[] = [];
  for (let i = 0; i < BATCH; i++) {
    const step = firstStep + Math.floor(i / KEYS);
    parts.push(`{"key":"m${i % KEYS}","value":${Math.sin(step + i)},"timestamp":${timestamp},"step":${step}}`);
  }
  return `{"run_id":"${runId}","metrics":[${parts.join(",")}]}`;
}

let nextStep = 0;

async function runPhase(api: string, runIds: readonly string[], mode: "saturation" | "paced", onRows: (n: number) => void): Promise<Record<string, unknown>> {
  const latencies: number[] = [];
  let rows = 0;
  let errors = 0;
  const started = performance.now();
  const deadline = started + SECONDS * 1000;
  const interval = (runIds.length * BATCH * 1000) / RATE; // ms between one client's batches
  await Promise.all(
    runIds.map(async (runId, client) => {
      for (let i = 0; ; i++) {
        // Clients start staggered so the paced load is smooth, not 20 batches at once.
        const scheduled = mode === "paced" ? started + (client * interval) / runIds.length + i * interval : performance.now();
        if (scheduled >= deadline) break;
        const wait = scheduled - performance.now();
        if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
        const body = batchBody(runId, (nextStep += BATCH / KEYS), Date.now());
        try {
          await post(`${api}/runs/log-batch`, body);
          latencies.push(performance.now() - scheduled);
          rows += BATCH;
        } catch (error) {
          errors++;
          if (errors < 5) console.error(error);
        }
      }
    }),
  );
  const elapsed = (performance.now() - started) / 1000;
  onRows(rows);
  latencies.sort((a, b) => a - b);
  return {
    mode,
    ...(mode === "paced" ? { offered_rows_per_second: RATE } : {}),
    seconds: Number(elapsed.toFixed(1)),
    batches: latencies.length,
    errors,
    rows_per_second: Math.round(rows / elapsed),
    p50_ms: Number(percentile(latencies, 50).toFixed(1)),
    p99_ms: Number(percentile(latencies, 99).toFixed(1)),
  };
}

async function main(): Promise<void> {
  const server = await startBenchServer(Number(process.env.BENCH_PORT ?? 5390));
  const api = `${server.url}/api/2.0/mlflow`;
  try {
    const { experiment_id } = (await post(`${api}/experiments/create`, JSON.stringify({ name: "bench-ingest" }))) as { experiment_id: string };
    // Half the clients share one run, the others each have their own: both contention patterns.
    const shared = ((await post(`${api}/runs/create`, JSON.stringify({ experiment_id, start_time: Date.now() }))) as { run: { info: { run_id: string } } }).run.info.run_id;
    const runIds: string[] = [];
    for (let c = 0; c < CLIENTS; c++) {
      if (c % 2 === 0) runIds.push(shared);
      else runIds.push(((await post(`${api}/runs/create`, JSON.stringify({ experiment_id, start_time: Date.now() }))) as { run: { info: { run_id: string } } }).run.info.run_id);
    }
    let totalRows = 0;
    let peakRss = server.rssMiB();
    const rssTimer = setInterval(() => (peakRss = Math.max(peakRss, server.rssMiB())), 250);
    const phases: Record<string, unknown>[] = [];
    for (const mode of ["saturation", "paced"] as const) {
      const phase = await runPhase(api, runIds, mode, (rows) => (totalRows += rows));
      phases.push({ ...phase, server_rss_peak_mib: Math.round(peakRss) });
    }
    clearInterval(rssTimer);
    await server.stop();
    const db = new BetterSqlite3(join(server.dir, "mlflow.db"), { readonly: true });
    const stored = (db.prepare("SELECT COUNT(*) AS n FROM metrics").get() as { n: number }).n;
    db.close();
    console.log(JSON.stringify({ clients: CLIENTS, batch: BATCH, phases, rows_acknowledged: totalRows, rows_stored: stored }, null, 2));
    if (stored !== totalRows || phases.some((p) => p.errors !== 0)) {
      console.error("rows stored differ from rows acknowledged, or requests failed");
      process.exitCode = 1;
    }
  } catch (error) {
    await server.stop();
    throw error;
  }
}

await main();
