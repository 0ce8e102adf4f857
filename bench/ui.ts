// `npm run bench:ui`: an experiment of 10,000 runs (20 params, 20 metrics each) served by the built
// server; headless Chromium (Playwright) measures the time from navigation to the first 100 rows
// painted, cold (fresh browser context) and warm (assets cached), and the frame rate and long tasks
// while scrolling the table to the end (every page loaded by infinite scroll). Each load is also
// split into phases from the page's own timings, so a slow figure says where its time went.
// BENCH_UI_DB_DIR=<dir> keeps the seeded database there and reuses it on the next run.
import { existsSync, mkdirSync, mkdtempSync } from "node:fs";
import { loadavg, tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Page } from "playwright-core";
import { percentile } from "./bench-server.js";
import { seedSearchDatabase } from "./search-seed.js";
import { startServerOn } from "./server-process.js";

const RUNS = Number(process.env.BENCH_UI_RUNS ?? 10_000);
const ROWS = 100;
const REPEATS = Number(process.env.BENCH_UI_REPEATS ?? 5);
const EXPERIMENT = "bench-ui";

/** Milliseconds from navigation start to each step of a load, from the page's performance entries. */
interface Phases {
  /** index.html received. */
  html: number;
  /** The entry script received (from the network or the cache). */
  script: number;
  /** The first runs/search request sent, received (its server time is the gap), and its body read. */
  searchSent: number;
  searchFirstByte: number;
  searchDone: number;
  /** ROWS run rows in the DOM and a frame painted: the figure the targets are about. */
  rows: number;
}

/** Set by ROWS_PAINTED_SCRIPT in the frame after the one that drew ROWS run rows. */
const ROWS_PAINTED_MARK = "bench:rows-painted";

// Runs in the page from its first byte: it watches every frame for ROWS run rows and marks the next
// frame, which begins after that one was painted. Watching from inside the page keeps the test
// driver's round trips (tens of ms on a loaded machine) out of the figure; the metric page marks its
// own paint the same way (runs-metric-chart.tsx).
const ROWS_PAINTED_SCRIPT = `(() => {
  const tick = () => {
    if (document.querySelectorAll('[data-testid="run-row"]').length >= ${ROWS}) requestAnimationFrame(() => performance.mark(${JSON.stringify(ROWS_PAINTED_MARK)}));
    else requestAnimationFrame(tick);
  };
  requestAnimationFrame(tick);
})();`;

async function timeToRows(page: Page, url: string): Promise<Phases> {
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, ROWS_PAINTED_MARK, { timeout: 60_000, polling: 50 });
  return page.evaluate((mark) => {
    const [nav] = performance.getEntriesByType("navigation") as PerformanceNavigationTiming[];
    const resources = performance.getEntriesByType("resource") as PerformanceResourceTiming[];
    const script = resources.find((r) => r.initiatorType === "script" || r.name.endsWith(".js"));
    const search = resources.find((r) => r.name.includes("/runs/search"));
    return {
      html: nav?.responseEnd ?? NaN,
      script: script?.responseEnd ?? NaN,
      searchSent: search?.startTime ?? NaN,
      searchFirstByte: search?.responseStart ?? NaN,
      searchDone: search?.responseEnd ?? NaN,
      rows: performance.getEntriesByName(mark)[0]?.startTime ?? NaN,
    };
  }, ROWS_PAINTED_MARK);
}

/** p50 of each phase over the loads, rounded to ms. */
function medianPhases(loads: readonly Phases[]): Record<keyof Phases, number> {
  const keys: (keyof Phases)[] = ["html", "script", "searchSent", "searchFirstByte", "searchDone", "rows"];
  return Object.fromEntries(keys.map((k) => [k, Math.round(percentile([...loads.map((l) => l[k])].sort((a, b) => a - b), 50))])) as Record<keyof Phases, number>;
}

/** The seeded database: a fresh temporary one, or one kept in BENCH_UI_DB_DIR (per run count) and reused. */
async function seededDatabase(): Promise<{ file: string; experimentId: string | undefined }> {
  const keep = process.env.BENCH_UI_DB_DIR;
  const dir = keep ?? mkdtempSync(join(tmpdir(), "tracklet-bench-ui-"));
  mkdirSync(dir, { recursive: true });
  const file = join(dir, `bench-ui-${RUNS}.db`);
  if (keep && existsSync(file)) {
    console.error(`reusing ${file}`);
    return { file, experimentId: undefined };
  }
  console.error(`seeding ${RUNS} runs…`);
  const [experiment] = await seedSearchDatabase({ file, experiments: [{ name: EXPERIMENT, runs: RUNS }], history: 1, extraExperiments: 0, log: (m) => console.error(m) });
  if (!experiment) throw new Error("seeding made no experiment");
  return { file, experimentId: experiment.id };
}

async function experimentIdByName(baseUrl: string): Promise<string> {
  const res = await fetch(`${baseUrl}/api/2.0/mlflow/experiments/get-by-name?experiment_name=${EXPERIMENT}`);
  if (!res.ok) throw new Error(`no experiment ${EXPERIMENT} in the reused database: ${res.status}`);
  return ((await res.json()) as { experiment: { experiment_id: string } }).experiment.experiment_id;
}

async function scrollToEnd(page: Page, expected: number): Promise<{ seconds: number; fps: number; longTasks: number; longestTaskMs: number; rows: number }> {
  return page.evaluate(async (total) => {
    const longTasks: number[] = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration))).observe({ type: "longtask", buffered: false });
    const scroller = [...document.querySelectorAll<HTMLElement>("*")].find((el) => el.scrollHeight > el.clientHeight + 100 && getComputedStyle(el).overflowY !== "visible" && el.querySelector('[data-testid="run-row"]'));
    if (!scroller) throw new Error("no scrollable runs table");
    let frames = 0;
    const started = performance.now();
    const loaded = (): number => Number(document.querySelector('[data-testid="runs-status"]')?.getAttribute("data-loaded") ?? 0);
    while (performance.now() - started < 120_000) {
      scroller.scrollTop += 900;
      await new Promise((r) => requestAnimationFrame(r));
      frames++;
      if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 2 && loaded() >= total) break;
    }
    const seconds = (performance.now() - started) / 1000;
    return { seconds, fps: frames / seconds, longTasks: longTasks.filter((d) => d > 100).length, longestTaskMs: Math.max(0, ...longTasks), rows: loaded() };
  }, expected);
}

async function main(): Promise<void> {
  const seeded = await seededDatabase();
  const server = await startServerOn(seeded.file, Number(process.env.BENCH_PORT ?? 5391));
  // The machine may be shared: the load average says how far to trust the figures.
  const loadBefore = loadavg()[0] ?? NaN;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const experimentId = seeded.experimentId ?? (await experimentIdByName(server.url));
    const url = `${server.url}/experiments/${experimentId}/runs`;
    // Tall enough that 100 rows are on screen at once: "painted", not merely fetched.
    const viewport = { width: 1440, height: 3600 };
    const cold: Phases[] = [];
    const warm: Phases[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const context = await browser.newContext({ viewport });
      await context.addInitScript(ROWS_PAINTED_SCRIPT);
      const page = await context.newPage();
      cold.push(await timeToRows(page, url));
      warm.push(await timeToRows(page, url));
      await context.close();
    }
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.addInitScript(ROWS_PAINTED_SCRIPT);
    const page = await context.newPage();
    await timeToRows(page, url).catch(() => undefined);
    const scroll = await scrollToEnd(page, RUNS);
    await context.close();
    const coldMs = cold.map((l) => l.rows).sort((a, b) => a - b);
    const warmMs = warm.map((l) => l.rows).sort((a, b) => a - b);
    console.log(
      JSON.stringify(
        {
          runs: RUNS,
          first_rows: ROWS,
          cold_ms: { p50: Math.round(percentile(coldMs, 50)), max: Math.round(coldMs[coldMs.length - 1] ?? NaN) },
          warm_ms: { p50: Math.round(percentile(warmMs, 50)), max: Math.round(warmMs[warmMs.length - 1] ?? NaN) },
          // ms from navigation start, p50 of each step (not of one load): html → script → first runs/search sent → its first byte → its end → rows painted.
          cold_phases_ms: medianPhases(cold),
          warm_phases_ms: medianPhases(warm),
          scroll: { seconds: Number(scroll.seconds.toFixed(1)), fps: Number(scroll.fps.toFixed(1)), long_tasks_over_100ms: scroll.longTasks, longest_task_ms: Math.round(scroll.longestTaskMs), rows_loaded: scroll.rows },
          load_avg_1m: { before: Number(loadBefore.toFixed(2)), after: Number((loadavg()[0] ?? NaN).toFixed(2)) },
        },
        null,
        2,
      ),
    );
  } finally {
    await browser.close();
    await server.stop();
  }
}

await main();
