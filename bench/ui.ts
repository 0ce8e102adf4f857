// `npm run bench:ui`: an experiment of 10,000 runs (20 params, 20 metrics each) served by the built
// server; headless Chromium (Playwright) measures the time from navigation to the first 100 rows
// painted, cold (fresh browser context) and warm (assets cached), and the frame rate and long tasks
// while scrolling the table to the end (every page loaded by infinite scroll).
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Page } from "playwright-core";
import { percentile } from "./bench-server.js";
import { seedSearchDatabase } from "./search-seed.js";
import { startServerOn } from "./server-process.js";

const RUNS = Number(process.env.BENCH_UI_RUNS ?? 10_000);
const ROWS = 100;
const REPEATS = Number(process.env.BENCH_UI_REPEATS ?? 5);

/** Milliseconds from navigation start until ROWS run rows are in the DOM and a frame has painted. */
async function timeToRows(page: Page, url: string): Promise<number> {
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction((n) => document.querySelectorAll('[data-testid="run-row"]').length >= n, ROWS, { timeout: 60_000, polling: "raf" });
  return page.evaluate(() => new Promise<number>((resolve) => requestAnimationFrame(() => resolve(performance.now()))));
}

async function scrollToEnd(page: Page, expected: number): Promise<{ seconds: number; fps: number; longTasks: number; longestTaskMs: number; rows: number }> {
  return page.evaluate(async (total) => {
    const longTasks: number[] = [];
    new PerformanceObserver((list) => list.getEntries().forEach((e) => longTasks.push(e.duration))).observe({ type: "longtask", buffered: false });
    const scroller = [...document.querySelectorAll<HTMLElement>("*")].find((el) => el.scrollHeight > el.clientHeight + 100 && getComputedStyle(el).overflowY !== "visible" && el.querySelector('[data-testid="run-row"]'));
    if (!scroller) throw new Error("no scrollable runs table");
    let frames = 0;
    const started = performance.now();
    const loaded = (): number => Number(/(\d[\d,]*) runs loaded/.exec(document.body.innerText)?.[1]?.replace(/,/g, "") ?? 0);
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
  const dir = mkdtempSync(join(tmpdir(), "tracklet-bench-ui-"));
  const file = join(dir, "mlflow.db");
  console.error(`seeding ${RUNS} runs…`);
  const [experiment] = await seedSearchDatabase({ file, experiments: [{ name: "bench-ui", runs: RUNS }], history: 1, extraExperiments: 0, log: (m) => console.error(m) });
  if (!experiment) throw new Error("seeding made no experiment");
  const server = await startServerOn(file, Number(process.env.BENCH_PORT ?? 5391));
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const url = `${server.url}/experiments/${experiment.id}/runs`;
    // Tall enough that 100 rows are on screen at once: "painted", not merely fetched.
    const viewport = { width: 1440, height: 3600 };
    const cold: number[] = [];
    const warm: number[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const context = await browser.newContext({ viewport });
      const page = await context.newPage();
      cold.push(await timeToRows(page, url));
      warm.push(await timeToRows(page, url));
      await context.close();
    }
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    await timeToRows(page, url).catch(() => undefined);
    const scroll = await scrollToEnd(page, RUNS);
    await context.close();
    cold.sort((a, b) => a - b);
    warm.sort((a, b) => a - b);
    console.log(
      JSON.stringify(
        {
          runs: RUNS,
          first_rows: ROWS,
          cold_ms: { p50: Math.round(percentile(cold, 50)), max: Math.round(cold[cold.length - 1] ?? NaN) },
          warm_ms: { p50: Math.round(percentile(warm, 50)), max: Math.round(warm[warm.length - 1] ?? NaN) },
          scroll: { seconds: Number(scroll.seconds.toFixed(1)), fps: Number(scroll.fps.toFixed(1)), long_tasks_over_100ms: scroll.longTasks, longest_task_ms: Math.round(scroll.longestTaskMs), rows_loaded: scroll.rows },
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
