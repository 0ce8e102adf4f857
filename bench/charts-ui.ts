// The browser half of `npm run bench:charts`: headless Chromium (playwright-core) opens the metric
// page of the 100 runs × 10,000 steps seeded by charts-server.ts and measures the time from
// navigation start to the chart painted: the page sets the performance mark
// "tracklet:metric-chart-painted" (runs-metric-chart.tsx) in the frame after every run's line is
// drawn (on the chart's canvas; each run's line element carries the points drawn). Cold = a fresh
// browser context (nothing cached); warm = the same page opened again (assets cached, data fetched
// again); in-app = reached from the experiment's runs table (code loaded, data fetched). The sampled-history request is timed from the page's
// resource timing, and the points drawn per series are read from the page.
import { chromium, type Page } from "playwright-core";
import { percentile } from "./bench-server.js";

const REPEATS = Number(process.env.BENCH_CHARTS_UI_REPEATS ?? 5);
const MARK = "tracklet:metric-chart-painted";

interface Paint {
  painted_ms: number;
  sampled_request_ms: number;
  /** When the sampled-history request started, and from its response to the paint. */
  request_start_ms: number;
  render_after_response_ms: number;
  lines: number;
  points_per_series_min: number;
  points_total: number;
}

async function openAndMeasure(page: Page, url: string, runs: number): Promise<Paint> {
  await page.goto(url, { waitUntil: "commit" });
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, MARK, { timeout: 60_000, polling: 50 });
  return page.evaluate(
    ({ mark, runs }) => {
      const painted = performance.getEntriesByName(mark)[0]?.startTime ?? NaN;
      const request = performance.getEntriesByType("resource").find((e) => e.name.includes("get-history-sampled")) as PerformanceResourceTiming | undefined;
      // The lines are drawn on a canvas; each run's line element says how many points it was drawn through (chart-lines.tsx).
      const counts = [...document.querySelectorAll('[data-testid="chart-line"]')].map((p) => Number(p.getAttribute("data-points") ?? 0));
      if (counts.length !== runs) throw new Error(`${counts.length} lines drawn for ${runs} runs`);
      return {
        painted_ms: Math.round(painted),
        sampled_request_ms: request ? Math.round(request.responseEnd - request.startTime) : NaN,
        request_start_ms: request ? Math.round(request.startTime) : NaN,
        render_after_response_ms: request ? Math.round(painted - request.responseEnd) : NaN,
        lines: counts.length,
        points_per_series_min: Math.min(...counts),
        points_total: counts.reduce((a, b) => a + b, 0),
      };
    },
    { mark: MARK, runs },
  );
}

/**
 * The same page opened from inside the app, as a user reaches it: the experiment's runs table is
 * loaded first, then the router is sent to the metric page (history.pushState + popstate, what a
 * link click does) and the time runs from that moment to the chart painted. The code is loaded
 * already; the history is fetched as on any other open.
 */
async function openInAppAndMeasure(page: Page, runsUrl: string, metricPath: string): Promise<{ painted_ms: number; sampled_request_ms: number }> {
  await page.goto(runsUrl, { waitUntil: "commit" });
  await page.waitForSelector('[data-testid="run-row"]', { timeout: 60_000 });
  const started = await page.evaluate((path) => {
    const now = performance.now();
    history.pushState(null, "", path);
    dispatchEvent(new PopStateEvent("popstate"));
    return now;
  }, metricPath);
  await page.waitForFunction((mark) => performance.getEntriesByName(mark).length > 0, MARK, { timeout: 60_000, polling: 50 });
  return page.evaluate(
    ({ mark, started }) => {
      const painted = performance.getEntriesByName(mark)[0]?.startTime ?? NaN;
      const request = performance.getEntriesByType("resource").find((e) => e.name.includes("get-history-sampled") && e.startTime >= started) as PerformanceResourceTiming | undefined;
      return { painted_ms: Math.round(painted - started), sampled_request_ms: request ? Math.round(request.responseEnd - request.startTime) : NaN };
    },
    { mark: MARK, started },
  );
}

const summary = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return { p50: Math.round(percentile(sorted, 50)), max: Math.round(sorted[sorted.length - 1] ?? NaN) };
};

/** Opens `/experiments/<id>/runs/<first>/metrics/loss?runs=<the others>` REPEATS times, cold and warm. */
export async function runChartsUiBench(baseUrl: string, experimentId: string, runIds: readonly string[], key: string): Promise<Record<string, unknown>> {
  const [first, ...others] = runIds;
  const metricPath = `/experiments/${experimentId}/runs/${first}/metrics/${encodeURIComponent(key)}?runs=${others.join(",")}`;
  const url = `${baseUrl}${metricPath}`;
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
  });
  try {
    const cold: Paint[] = [];
    const warm: Paint[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      const page = await context.newPage();
      cold.push(await openAndMeasure(page, url, runIds.length));
      warm.push(await openAndMeasure(page, url, runIds.length));
      await context.close();
    }
    const inApp: { painted_ms: number; sampled_request_ms: number }[] = [];
    for (let i = 0; i < REPEATS; i++) {
      const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
      inApp.push(await openInAppAndMeasure(await context.newPage(), `${baseUrl}/experiments/${experimentId}/runs`, metricPath));
      await context.close();
    }
    const last = warm[warm.length - 1];
    return {
      runs: runIds.length,
      repeats: REPEATS,
      cold_painted_ms: summary(cold.map((c) => c.painted_ms)),
      warm_painted_ms: summary(warm.map((c) => c.painted_ms)),
      // From the runs table to the chart, the code already loaded: the usual way to the page.
      in_app_painted_ms: summary(inApp.map((c) => c.painted_ms)),
      in_app_sampled_request_ms: summary(inApp.map((c) => c.sampled_request_ms)),
      sampled_request_ms: summary([...cold, ...warm].map((c) => c.sampled_request_ms)),
      cold_request_start_ms: summary(cold.map((c) => c.request_start_ms)),
      cold_render_after_response_ms: summary(cold.map((c) => c.render_after_response_ms)),
      warm_render_after_response_ms: summary(warm.map((c) => c.render_after_response_ms)),
      points_per_series_min: Math.min(...[...cold, ...warm].map((c) => c.points_per_series_min)),
      points_drawn: last?.points_total,
    };
  } finally {
    await browser.close();
  }
}
