// The server half of `npm run bench:charts`: the sampled history read behind the metric charts
// (GET /api/2.0/tracklet/metrics/get-history-sampled, src/store/sql/metric-sampler.ts).
//
// Seeds one SQLite file: 100 runs × 10,000 steps of "loss", one run of 1,000,000 steps and, to show
// how time grows with series length, single runs of 10,000 and 100,000 steps. Each series has a
// spike, a dip and a NaN (the 1M series also +Infinity) at random steps. The runs come from the
// store; the metric rows are bulk-inserted (primary-key order, secondary indexes rebuilt after).
// Then the server is started as its own process on that file and, over HTTP, each request is
// warmed up and timed BENCH_REPEAT times in a row (p50/p95 wall time, server CPU per request from
// /proc, response size), and the first request of each case on its own: on the step axis it builds
// the summary cache (src/store/sql/metric-summary-cache.ts) that the timed ones read. The 1M series
// goes first so the server's RSS growth while reading it is its own. Every answer is checked: at
// most max_points points per run, and every planted spike, dip, NaN and Infinity present.
// BENCH_CHARTS_BASELINE=0 skips the last case, the full 1M-point get-history (what an unsampled
// client does).
import BetterSqlite3 from "better-sqlite3";
import { mkdtempSync, rmSync, statSync } from "node:fs";
import { cpus, loadavg, tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { decodeSampledBinary, decodeSampledMetricHistory, type SampledMetricSeries } from "../src/core/charts/index.js";
import { openTrackingStore } from "../src/store/open-tracking-store.js";
import { METRIC_PAGE_MAX_POINTS } from "../src/web/features/metric-page/chart-query.js";
import { percentile } from "./bench-server.js";
import { startServerOn, type MeasuredServer } from "./server-process.js";

const REPEAT = Number(process.env.BENCH_REPEAT ?? 20);
const WARMUP = Number(process.env.BENCH_WARMUP ?? 2);
const PORT = Number(process.env.BENCH_PORT ?? 5392);
const BASELINE = process.env.BENCH_CHARTS_BASELINE !== "0";
const KEY = "loss";
const T0 = 1_700_000_000_000;
const DOUBLE_MAX = 1.7976931348623157e308;

/** What was planted in a series, to check that the sampled answer kept it. */
export interface Planted {
  runId: string;
  points: number;
  spike: number;
  dip: number;
  nan: number;
  inf?: number;
}

export interface Seeded {
  file: string;
  experimentId: string;
  many: Planted[];
  single: Record<"10k" | "100k" | "1M", Planted>;
  rows: number;
  seconds: number;
}

/** A seeded LCG in [0, 1): the same database on every run. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

function plant(runId: string, points: number, next: () => number, withInf = false): Planted {
  const pick = (): number => 1 + Math.floor(next() * (points - 2));
  const spike = pick();
  let dip = pick();
  while (dip === spike) dip = pick();
  let nan = pick();
  while (nan === spike || nan === dip) nan = pick();
  let inf: number | undefined;
  if (withInf) {
    inf = pick();
    while (inf === spike || inf === dip || inf === nan) inf = pick();
  }
  return { runId, points, spike, dip, nan, ...(inf === undefined ? {} : { inf }) };
}

/** [value, is_nan] as the store writes them (NaN → 0 with is_nan; +Infinity → DBL_MAX). */
function stored(p: Planted, step: number, next: () => number): [number, number] {
  if (step === p.spike) return [1000, 0];
  if (step === p.dip) return [-1000, 0];
  if (step === p.nan) return [0, 1];
  if (step === p.inf) return [DOUBLE_MAX, 0];
  return [Math.exp(-step / (p.points / 3)) + Math.sin(step / 97) * 0.05 + next() * 0.02, 0];
}

export async function seedChartsDatabase(log: (message: string) => void): Promise<Seeded> {
  const started = performance.now();
  const dir = mkdtempSync(join(tmpdir(), "tracklet-bench-charts-"));
  const file = join(dir, "mlflow.db");
  const { store } = await openTrackingStore({ backendStoreUri: file, defaultArtifactRoot: "mlflow-artifacts:/" });
  const next = random(20_240_501);
  const experimentId = await store.createExperiment({ name: "bench-charts" });
  const newRun = async (name: string): Promise<string> => (await store.createRun({ experiment_id: experimentId, run_name: name, start_time: T0 })).info.run_id;
  const many: Planted[] = [];
  for (let r = 0; r < 100; r++) many.push(plant(await newRun(`many-${r}`), 10_000, next));
  const single = {
    "1M": plant(await newRun("single-1M"), 1_000_000, next, true),
    "10k": plant(await newRun("single-10k"), 10_000, next),
    "100k": plant(await newRun("single-100k"), 100_000, next),
  };
  await store.close();

  const db = new BetterSqlite3(file);
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = OFF");
  const indexes = (db.prepare("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND tbl_name = 'metrics' AND sql IS NOT NULL").all() as { name: string; sql: string }[]);
  const ROWS = 200;
  const insertMany = db.prepare(`INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) VALUES ${Array.from({ length: ROWS }, () => "(?, ?, ?, ?, ?, ?)").join(", ")}`);
  const insertOne = db.prepare("INSERT INTO metrics (key, value, timestamp, run_uuid, step, is_nan) VALUES (?, ?, ?, ?, ?, ?)");
  const latest = db.prepare("INSERT INTO latest_metrics (key, value, timestamp, step, is_nan, run_uuid) VALUES (?, ?, ?, ?, ?, ?)");
  let pending: unknown[] = [];
  let rows = 0;
  // latest_metrics holds each run's point with the largest step (the store's rule; steps only grow here).
  const last = new Map<string, unknown[]>();
  const add = (runId: string, step: number, timestamp: number, [value, isNan]: [number, number]): void => {
    pending.push(KEY, value, timestamp, runId, step, isNan);
    last.set(runId, [KEY, value, timestamp, step, isNan, runId]);
    rows++;
    if (pending.length === ROWS * 6) {
      insertMany.run(...pending);
      pending = [];
    }
  };
  db.transaction(() => {
    for (const { name } of indexes) db.exec(`DROP INDEX ${name}`);
    // Rows in primary-key order (key, timestamp, …): the 100 runs log in lockstep, one second a step;
    // the single runs come after, each in its own time range.
    for (let step = 0; step < 10_000; step++) many.forEach((p, r) => add(p.runId, step, T0 + step * 1000 + r, stored(p, step, next)));
    let base = T0 + 20_000_000;
    for (const p of [single["1M"], single["10k"], single["100k"]]) {
      for (let step = 0; step < p.points; step++) add(p.runId, step, base + step * 10, stored(p, step, next));
      base += 20_000_000;
    }
    for (let i = 0; i < pending.length; i += 6) insertOne.run(...pending.slice(i, i + 6));
    pending = [];
    for (const { sql } of indexes) db.exec(sql);
    for (const row of last.values()) latest.run(...row);
  })();
  db.pragma("wal_checkpoint(TRUNCATE)");
  db.exec("ANALYZE");
  db.close();
  const seconds = (performance.now() - started) / 1000;
  log(`seeded ${rows.toLocaleString()} rows in ${seconds.toFixed(1)} s (${(statSync(file).size / 2 ** 20).toFixed(0)} MiB)`);
  return { file, experimentId, many, single, rows, seconds };
}

interface CaseResult {
  case: string;
  runs: number;
  points_per_run: number;
  max_points: number;
  x_axis: "step" | "timestamp";
  /** The `binary=true` layout (the web UI's; on the step axis with `timestamps=false`, as the UI asks), else JSON. */
  binary: boolean;
  requests: number;
  /** The first request of the case (on the step axis it builds the summaries it reads). */
  first_ms: number;
  p50_ms: number;
  p95_ms: number;
  min_ms: number;
  server_cpu_ms_per_request: number;
  response_kib: number;
  points_returned: number;
  rss_before_mib: number;
  rss_peak_mib: number;
  honest: boolean;
}

function query(runIds: readonly string[], maxPoints: number, axis: "step" | "timestamp", binary: boolean): string {
  const params = new URLSearchParams();
  for (const id of runIds) params.append("run_ids", id);
  params.set("metric_key", KEY);
  params.set("max_points", String(maxPoints));
  params.set("x_axis", axis);
  if (binary) params.set("binary", "true");
  if (binary && axis === "step") params.set("timestamps", "false");
  return `/api/2.0/tracklet/metrics/get-history-sampled?${params.toString()}`;
}

/** Within budget, and every planted spike, dip, NaN and Infinity is in the answer. */
function honest(series: readonly SampledMetricSeries[], planted: readonly Planted[], maxPoints: number): boolean {
  return planted.every((p, i) => {
    const s = series[i];
    if (!s || s.run_id !== p.runId || s.metrics.length > maxPoints || s.total_points !== p.points) return false;
    const at = (step: number): number | undefined => s.metrics.find((m) => m.step === step)?.value;
    return at(p.spike) === 1000 && at(p.dip) === -1000 && Number.isNaN(at(p.nan)) && (p.inf === undefined || at(p.inf) === DOUBLE_MAX);
  });
}

/** A binary answer's series with their points as `metrics`, for `honest`. */
function seriesOfBinary(body: ArrayBuffer): SampledMetricSeries[] {
  return decodeSampledBinary(body).map((s) => ({
    run_id: s.run_id,
    metrics: Array.from(s.steps, (step, i) => ({ key: KEY, step, timestamp: s.timestamps[i] ?? 0, value: s.values[i] ?? NaN })),
    total_points: s.total_points,
    sampled: s.sampled,
  }));
}

async function timeCase(server: MeasuredServer, name: string, planted: readonly Planted[], maxPoints: number, axis: "step" | "timestamp", binary: boolean): Promise<CaseResult> {
  const url = `${server.url}${query(planted.map((p) => p.runId), maxPoints, axis, binary)}`;
  let body = new ArrayBuffer(0);
  const get = async (): Promise<void> => {
    const res = await fetch(url);
    body = await res.arrayBuffer();
    if (!res.ok) throw new Error(`${name}: ${res.status} ${new TextDecoder().decode(body).slice(0, 300)}`);
  };
  const rssBefore = server.rssMiB();
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, server.rssMiB())), 5);
  try {
    // The first request builds the summary cache of the series it reads (step axis); later ones reuse it.
    const firstStart = performance.now();
    await get();
    const firstMs = performance.now() - firstStart;
    for (let i = 1; i < WARMUP; i++) await get();
    const times: number[] = [];
    const cpuBefore = server.cpuMs();
    for (let i = 0; i < REPEAT; i++) {
      const t = performance.now();
      await get();
      times.push(performance.now() - t);
    }
    const cpu = (server.cpuMs() - cpuBefore) / REPEAT;
    times.sort((a, b) => a - b);
    const series = binary ? seriesOfBinary(body) : (decodeSampledMetricHistory(JSON.parse(new TextDecoder().decode(body)) as Record<string, unknown>).series ?? []);
    return {
      case: name,
      runs: planted.length,
      points_per_run: planted[0]?.points ?? 0,
      max_points: maxPoints,
      x_axis: axis,
      binary,
      requests: REPEAT,
      first_ms: round(firstMs),
      p50_ms: round(percentile(times, 50)),
      p95_ms: round(percentile(times, 95)),
      min_ms: round(times[0] ?? NaN),
      server_cpu_ms_per_request: round(cpu),
      response_kib: round(body.byteLength / 1024),
      points_returned: series.reduce((n, s) => n + s.metrics.length, 0),
      rss_before_mib: round(rssBefore),
      rss_peak_mib: round(Math.max(rssPeak, server.rssMiB())),
      honest: honest(series, planted, maxPoints),
    };
  } finally {
    clearInterval(sampler);
  }
}

/** What an unsampled client does: the whole 1M-point history in one get-history. */
async function fullHistory(server: MeasuredServer, p: Planted): Promise<Record<string, number>> {
  const rssBefore = server.rssMiB();
  let rssPeak = rssBefore;
  const sampler = setInterval(() => (rssPeak = Math.max(rssPeak, server.rssMiB())), 5);
  const cpuBefore = server.cpuMs();
  const t = performance.now();
  const res = await fetch(`${server.url}/api/2.0/mlflow/metrics/get-history?run_id=${p.runId}&metric_key=${KEY}`);
  const text = await res.text();
  const ms = performance.now() - t;
  clearInterval(sampler);
  if (!res.ok) throw new Error(`get-history: ${res.status}`);
  return {
    points: p.points,
    ms: round(ms),
    server_cpu_ms: round(server.cpuMs() - cpuBefore),
    response_mib: round(Buffer.byteLength(text) / 2 ** 20),
    rss_before_mib: round(rssBefore),
    rss_peak_mib: round(Math.max(rssPeak, server.rssMiB())),
  };
}

const round = (n: number): number => Math.round(n * 10) / 10;

/**
 * Seeds, starts the server, times the sampled reads; `alsoWhileServing` runs against the same
 * server and data before it stops (the browser half, charts-ui.ts) and its result is returned too.
 */
export async function runChartsServerBench(
  log: (message: string) => void = (m) => console.error(m),
  alsoWhileServing?: (serverUrl: string, seeded: Seeded) => Promise<Record<string, unknown>>,
): Promise<{ server: Record<string, unknown>; ui?: Record<string, unknown> }> {
  const loadStart = loadavg();
  const seeded = await seedChartsDatabase(log);
  const server = await startServerOn(seeded.file, PORT);
  try {
    const rssIdle = server.rssMiB();
    const cases: CaseResult[] = [];
    const run = async (name: string, planted: readonly Planted[], maxPoints: number, axis: "step" | "timestamp" = "step", binary = false): Promise<void> => {
      log(`timing ${name}…`);
      cases.push(await timeCase(server, name, planted, maxPoints, axis, binary));
    };
    // First, so the RSS growth is the 1M read's own (VmHWM is the process's peak so far).
    await run("1 run × 1,000,000 steps", [seeded.single["1M"]], 1000);
    const peakAfter1M = server.peakRssMiB();
    await run("100 runs × 10,000 steps", seeded.many, 1000);
    await run("100 runs × 10,000 steps, MLflow's 320 points", seeded.many, 320);
    await run("100 runs × 10,000 steps, the metric page's request (1,250 points, binary layout without timestamps)", seeded.many, METRIC_PAGE_MAX_POINTS, "step", true);
    await run("1 run × 10,000 steps", [seeded.single["10k"]], 1000);
    await run("1 run × 100,000 steps", [seeded.single["100k"]], 1000);
    await run("100 runs × 10,000 steps, x = timestamp", seeded.many, 1000, "timestamp");
    await run("1 run × 1,000,000 steps, x = timestamp", [seeded.single["1M"]], 1000, "timestamp");
    const baseline = BASELINE ? await fullHistory(server, seeded.single["1M"]) : undefined;
    const hundred = cases[1] as CaseResult;
    if (alsoWhileServing) log("timing the metric page in Chromium…");
    const ui = alsoWhileServing ? await alsoWhileServing(server.url, seeded) : undefined;
    const result = {
      machine: { cpus: cpus().length, loadavg_start: loadStart.map(round), loadavg_end: loadavg().map(round) },
      seed: { rows: seeded.rows, seconds: round(seeded.seconds) },
      server_rss_idle_mib: round(rssIdle),
      server_rss_growth_1m_read_mib: round(peakAfter1M - rssIdle),
      cases,
      ...(baseline ? { baseline_full_get_history_1m: baseline } : {}),
      targets: {
        "100 runs × 10k sampled ≤ 150 ms (p50)": hundred.p50_ms <= 150,
        "RSS growth on the 1M series ≤ 100 MB": peakAfter1M - rssIdle <= 100,
        "every answer within budget with every planted extreme": cases.every((c) => c.honest),
      },
    };
    return { server: result, ...(ui ? { ui } : {}) };
  } finally {
    await server.stop();
    rmSync(dirname(seeded.file), { recursive: true, force: true });
  }
}
