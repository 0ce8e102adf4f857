import { expect, test, type Locator, type Page } from "@playwright/test";
import { createExperiment, createRun, logMetricSeries, lossCurve } from "./support/generators.js";

/**
 * The digest of the chart's first line as drawn on the canvas (`data-geometry`, chart-lines.tsx),
 * once it is drawn and differs from `previous`.
 */
async function lineAfter(chart: Locator, previous?: string): Promise<string> {
  const line = chart.locator('[data-testid="chart-line"]').first();
  await expect(line).toHaveAttribute("data-geometry", /^[0-9a-f]{8}$/);
  if (previous !== undefined) await expect(line).not.toHaveAttribute("data-geometry", previous);
  return (await line.getAttribute("data-geometry")) ?? "";
}

/** How many points the chart's first line was drawn through. */
const pointsDrawn = async (chart: Locator): Promise<number> => Number(await chart.locator('[data-testid="chart-line"]').first().getAttribute("data-points"));

/**
 * Pixels of the chart's canvas painted in `color`, at least half covered (a one-pixel line between
 * pixel rows is anti-aliased over two, so few pixels are fully opaque): the lines themselves, not
 * what the page says it drew.
 */
const canvasPixelsOf = (chart: Locator, color: string): Promise<number> =>
  chart.getByTestId("chart-canvas").evaluate((canvas: HTMLCanvasElement, hex: string) => {
    const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
    const { data } = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height) ?? { data: new Uint8ClampedArray() };
    let n = 0;
    for (let i = 0; i < data.length; i += 4) if ((data[i + 3] ?? 0) >= 128 && want.every((v, c) => Math.abs((data[i + c] ?? 0) - v) <= 8)) n++;
    return n;
  }, color);

const sampledRequest = (page: Page, test: (url: URL) => boolean = () => true) =>
  page.waitForRequest((r) => r.url().includes("get-history-sampled") && test(new URL(r.url())));

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/metric-charts/${name}.png` });

test.describe("a 100,000-step metric", () => {
  test.describe.configure({ timeout: 120_000 });
  let experimentId = "";
  let runId = "";
  test.beforeAll(async () => {
    test.setTimeout(120_000);
    experimentId = (await createExperiment()).id;
    runId = (await createRun(experimentId, { name: "long-run" })).info.run_id;
    const curve = lossCurve(1, 100_000);
    await logMetricSeries(runId, "loss", 100_000, (step) => (step === 61_234 ? 9 : curve(step)));
  });

  test("renders; axes, log scale and smoothing change the drawing; the settings survive a reload", async ({ page }) => {
    await page.goto(`/experiments/${experimentId}/runs/${runId}/metrics/loss`);
    const chart = page.getByTestId("runs-metric-chart");
    await expect(page.getByTestId("points-badge")).toHaveText(/^[\d,]+ of 100,000 points$/);
    const badge = (await page.getByTestId("points-badge").textContent()) ?? "";
    expect(Number(badge.split(" ")[0]?.replace(/,/g, ""))).toBeGreaterThan(900);
    const linear = await lineAfter(chart);
    expect(await pointsDrawn(chart)).toBeGreaterThan(900);
    // A stroke across the plot's width covers far more than a few hundred pixels in the run's colour.
    expect(await canvasPixelsOf(chart, (await chart.locator('[data-testid="chart-line"]').first().getAttribute("stroke")) ?? "")).toBeGreaterThan(300);
    await shot(page, "step-linear");

    // Each axis has its own label and tick format.
    const label = chart.locator(".recharts-label");
    const firstTicks = () => chart.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value").allTextContents();
    await expect(label).toHaveText("Step");
    expect((await firstTicks()).join(" ")).toMatch(/\d+k/);
    await page.getByRole("button", { name: "Wall time" }).click();
    await expect(label).toHaveText("Wall time");
    await expect.poll(async () => (await firstTicks()).join(" ")).toMatch(/\d\d:\d\d/);
    await page.getByRole("button", { name: "Relative time" }).click();
    await expect(page).toHaveURL(/x=relative/);
    await expect(label).toHaveText("Relative time");
    await expect.poll(async () => (await firstTicks()).join(" ")).toMatch(/\dh \d\dm|\dm \d\ds/);
    await shot(page, "relative-time");
    await page.getByRole("button", { name: "Step" }).click();
    await expect(label).toHaveText("Step");
    expect(await lineAfter(chart)).toBe(linear);

    // Log scale redraws the same points on another y scale.
    await page.getByLabel("Log scale").click();
    await expect(page.getByLabel("Log scale")).toBeChecked();
    const log = await lineAfter(chart, linear);
    await shot(page, "step-log");

    // Smoothing asks the server for the smoothed series and draws it.
    const smoothed = sampledRequest(page, (u) => u.searchParams.get("smoothing") === "0.9");
    await page.getByLabel("Smoothing", { exact: true }).fill("0.9");
    await smoothed;
    await expect(page).toHaveURL(/smooth=0\.9/);
    const smooth = await lineAfter(chart, log);
    await chart.getByTestId("chart-plot-area").hover({ position: { x: 300, y: 100 } });
    await expect(page.getByTestId("chart-tooltip")).toContainText("smoothed");
    await shot(page, "step-log-smoothed-tooltip");

    await page.getByLabel("Ignore outliers").click();
    await expect(page).toHaveURL(/outliers=ignore/);
    const clipped = await lineAfter(chart, smooth);

    await page.reload();
    await expect(page.getByRole("button", { name: "Step" })).toHaveAttribute("aria-pressed", "true");
    await expect(page.getByLabel("Log scale")).toBeChecked();
    await expect(page.getByLabel("Ignore outliers")).toBeChecked();
    await expect(page.getByTestId("smoothing-value")).toHaveText("0.90");
    await expect(chart.locator('[data-testid="chart-line"]').first()).toHaveAttribute("data-geometry", clipped);
  });

  test("dragging an x-range refetches it at full resolution; Back and Reset zoom go back", async ({ page }) => {
    await page.goto(`/experiments/${experimentId}/runs/${runId}/metrics/loss`);
    const chart = page.getByTestId("runs-metric-chart");
    await expect(page.getByTestId("points-badge")).toContainText("of 100,000 points");
    const before = await lineAfter(chart);
    const area = chart.getByTestId("chart-plot-area");
    const box = await area.boundingBox();
    if (!box) throw new Error("no plot area");

    // About 0.4 % of the x-range: fewer points than the budget of 1,000, so every one of them comes back.
    const zoomed = sampledRequest(page, (u) => u.searchParams.has("min_x") && u.searchParams.has("max_x"));
    await page.mouse.move(box.x + box.width * 0.6, box.y + box.height / 2);
    await page.mouse.down();
    await page.mouse.move(box.x + box.width * 0.602, box.y + box.height / 2, { steps: 2 });
    await page.mouse.move(box.x + box.width * 0.604, box.y + box.height / 2, { steps: 2 });
    await expect(chart.getByTestId("zoom-selection")).toBeVisible();
    await page.mouse.up();
    const request = new URL((await zoomed).url());
    const min = Number(request.searchParams.get("min_x"));
    const max = Number(request.searchParams.get("max_x"));
    expect(max - min).toBeGreaterThan(100);
    expect(max - min).toBeLessThan(900);
    await expect(page).toHaveURL(new RegExp(`zoom=${min}%2C${max}`));
    const inRange = max - min + 1;
    // Every point of the range is drawn: more detail than the ~10 sampled points it had before.
    await expect(page.getByTestId("points-badge")).toHaveText(`${inRange.toLocaleString("en-US")} of ${inRange.toLocaleString("en-US")} points`);
    await lineAfter(chart, before);
    await expect(chart.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value").first()).toHaveText(new RegExp(`^${String(Math.round(min / 1000))}|^\\d`));
    await shot(page, "zoomed");
    // A zoom is a history entry: Back shows the whole range again, Forward the zoomed one.
    await page.goBack();
    await expect(page).not.toHaveURL(/zoom=/);
    await expect(page.getByTestId("points-badge")).toContainText("of 100,000 points");
    await page.goForward();
    await expect(page).toHaveURL(new RegExp(`zoom=${min}%2C${max}`));

    await page.reload();
    await expect(page.getByTestId("points-badge")).toHaveText(`${inRange.toLocaleString("en-US")} of ${inRange.toLocaleString("en-US")} points`);
    await page.getByRole("button", { name: "Reset zoom" }).click();
    await expect(page.getByTestId("points-badge")).toContainText("of 100,000 points");
    await expect(page).not.toHaveURL(/zoom=/);
  });
});

test.describe.configure({ timeout: 60_000 });

test("three runs overlay with a legend in stable colours; hovering a legend entry highlights the run", async ({ page }) => {
  const experimentId = (await createExperiment()).id;
  const runs = await Promise.all(["alpha", "beta", "gamma"].map((name) => createRun(experimentId, { name })));
  const ids = runs.map((r) => r.info.run_id);
  await Promise.all(ids.map((id, i) => logMetricSeries(id, "loss", 3000, lossCurve(i, 3000), { startTime: 1_700_000_000_000 + i * 3_600_000 })));
  const [first, second, third] = ids as [string, string, string];

  await page.goto(`/experiments/${experimentId}/runs/${first}/metrics/loss?runs=${second},${third}`);
  const chart = page.getByTestId("runs-metric-chart");
  const legend = chart.getByTestId("legend-entry");
  await expect(legend).toHaveText(["alpha", "beta", "gamma"]);
  await expect(chart.locator('[data-testid="chart-line"]')).toHaveCount(3);
  // Runs seen together get distinct colours, kept for every later view (use-run-colors.ts).
  const colours = await legend.evaluateAll((els) => els.map((el) => [el.getAttribute("data-run-id") ?? "", el.getAttribute("data-color") ?? ""] as const));
  expect(colours.map(([id]) => id)).toEqual(ids);
  const expected = new Map(colours);
  expect(new Set(expected.values()).size).toBe(3);
  const strokes = await chart.locator('[data-testid="chart-line"]').evaluateAll((els) => els.map((el) => el.getAttribute("stroke")));
  expect(strokes).toEqual(ids.map((id) => expected.get(id)));
  await expect(page.getByTestId("points-badge")).toHaveText(/^3,[67]\d\d of 9,000 points$/);

  await legend.nth(1).hover();
  await expect(chart.locator(".rmc-line.is-highlighted")).toHaveAttribute("stroke", expected.get(second) ?? "");
  // Clicking an entry hides its run's curve (and its points from the badge); clicking again shows it.
  await legend.nth(1).getByRole("button", { name: "beta", exact: true }).click();
  await expect(chart.locator('[data-testid="chart-line"]')).toHaveCount(2);
  await expect(chart.locator(`[data-testid="chart-line"][data-run-id="${second}"]`)).toHaveCount(0);
  await expect(page.getByTestId("points-badge")).toHaveText(/ of 6,000 points$/);
  await legend.nth(1).getByRole("button", { name: "beta", exact: true }).click();
  await expect(chart.locator('[data-testid="chart-line"]')).toHaveCount(3);
  // Relative time puts the three runs, started an hour apart, on one origin.
  await page.getByRole("button", { name: "Relative time" }).click();
  await expect(chart.locator(".recharts-label")).toHaveText("Relative time");
  await shot(page, "overlay-3-runs");
  await page.emulateMedia({ colorScheme: "dark" });
  await chart.getByTestId("chart-plot-area").hover({ position: { x: 400, y: 120 } });
  await expect(page.getByTestId("chart-tooltip")).toContainText("alpha");
  await shot(page, "overlay-3-runs-dark-tooltip");
  await page.emulateMedia({ colorScheme: "light" });

  // Another order, another page (the grid): each run keeps its colour.
  await page.goto(`/experiments/${experimentId}/runs/${third}/metrics?runs=${second},${first}`);
  await expect(legend).toHaveText(["gamma", "beta", "alpha"]);
  expect(await legend.evaluateAll((els) => els.map((el) => el.getAttribute("data-color")))).toEqual([third, second, first].map((id) => expected.get(id)));
});

test("the all-metrics grid of a run mounts the charts in view, each linking to its page", async ({ page }) => {
  const experimentId = (await createExperiment()).id;
  const runId = (await createRun(experimentId, { name: "many-metrics" })).info.run_id;
  const keys = Array.from({ length: 30 }, (_, i) => `m${String(i).padStart(2, "0")}`);
  await Promise.all(keys.map((key, i) => logMetricSeries(runId, key, 200, lossCurve(i, 200))));

  await page.goto(`/experiments/${experimentId}/runs/${runId}`);
  await page.getByRole("link", { name: "All charts" }).click();
  await expect(page).toHaveURL(new RegExp(`/runs/${runId}/metrics$`));
  await expect(page.getByTestId("metric-grid-card")).toHaveCount(30);
  const mounted = page.getByTestId("runs-metric-chart");
  await expect(mounted.first().locator('[data-testid="chart-line"]')).toHaveCount(1);
  const inView = await mounted.count();
  expect(inView).toBeGreaterThan(2);
  expect(inView).toBeLessThan(30);
  await expect(page.getByTestId("chart-placeholder").first()).toBeAttached();
  await shot(page, "grid");

  await page.getByTestId("metric-grid-card").last().scrollIntoViewIfNeeded();
  await expect(page.getByTestId("metric-grid-card").last().locator('[data-testid="chart-line"]')).toHaveCount(1);
  await page.getByRole("link", { name: "m29" }).click();
  await expect(page).toHaveURL(new RegExp(`/metrics/m29$`));
  await expect(page.getByTestId("metric-title")).toHaveText("m29");
});

test("against a server without the sampled read (MLflow), charts fall back to get-history-bulk-interval", async ({ page }) => {
  const experimentId = (await createExperiment()).id;
  const runs = await Promise.all(["one", "two"].map((name) => createRun(experimentId, { name })));
  const [a, b] = runs.map((r) => r.info.run_id) as [string, string];
  await Promise.all([a, b].map((id, i) => logMetricSeries(id, "loss", 5000, lossCurve(i, 5000))));
  await page.route("**/tracklet/metrics/get-history-sampled**", (route) =>
    route.fulfill({ status: 404, contentType: "text/html", body: "<!doctype html><title>404 Not Found</title>" }),
  );
  const bulk = page.waitForRequest((r) => r.url().includes("get-history-bulk-interval"));
  await page.goto(`/experiments/${experimentId}/runs/${a}/metrics/loss?runs=${b}`);
  await bulk;
  const chart = page.getByTestId("runs-metric-chart");
  await expect(chart.locator('[data-testid="chart-line"]')).toHaveCount(2);
  const raw = await lineAfter(chart);

  // Smoothing is computed in the browser on what MLflow returned; a step zoom asks MLflow for the range.
  await page.getByLabel("Smoothing", { exact: true }).fill("0.8");
  await lineAfter(chart, raw);
  const ranged = page.waitForRequest((r) => r.url().includes("get-history-bulk-interval") && r.url().includes("start_step"));
  await page.goto(`/experiments/${experimentId}/runs/${a}/metrics/loss?runs=${b}&zoom=1000,1500`);
  await ranged;
  await expect(page.getByTestId("points-badge")).toHaveText("1,002 of 1,002 points");
  await shot(page, "mlflow-fallback-zoomed");
});

test("the runs table's Chart action opens the selected runs' charts", async ({ page }) => {
  const experimentId = (await createExperiment()).id;
  const runs = await Promise.all(["left", "right"].map((name) => createRun(experimentId, { name, metrics: { acc: 0.5 } })));
  const ids = runs.map((r) => r.info.run_id);
  await page.goto(`/experiments/${experimentId}/runs?sel=${ids.join(",")}`);
  await page.getByRole("link", { name: "Chart", exact: true }).click();
  await expect(page).toHaveURL(/\/metrics\?runs=/);
  await expect(page.getByTestId("metric-grid-card")).toHaveCount(1);
  await expect(page.getByTestId("legend-entry")).toHaveCount(2);
});

test("the tooltip shows a run only where it has a point: not a run logged once, far from its step", async ({ page }) => {
  const experimentId = (await createExperiment()).id;
  const long = (await createRun(experimentId, { name: "long-run" })).info.run_id;
  await logMetricSeries(long, "loss", 1000, lossCurve(0, 1000));
  const once = (await createRun(experimentId, { name: "logged-once", metrics: { loss: 0.5 } })).info.run_id;

  await page.goto(`/experiments/${experimentId}/runs/${long}/metrics/loss?runs=${once}`);
  const chart = page.getByTestId("runs-metric-chart");
  await expect(chart.locator('[data-testid="chart-line"][data-points]')).toHaveCount(2);
  const area = chart.getByTestId("chart-plot-area");
  const box = await area.boundingBox();
  if (!box) throw new Error("no plot area");
  await area.hover({ position: { x: box.width * 0.8, y: box.height / 2 } });
  await expect(page.getByTestId("chart-tooltip")).toContainText("long-run");
  await expect(page.getByTestId("chart-tooltip")).not.toContainText("logged-once");
  await area.hover({ position: { x: 2, y: box.height / 2 } });
  await expect(page.getByTestId("chart-tooltip")).toContainText("logged-once");
});
