import { expect, test, type Page } from "@playwright/test";
import { createExperiment, createRun, endRun, logMetricSeries, logMetricSteps, lossCurve } from "./support/generators.js";
import { recordRequests } from "./support/network.js";

test.describe.configure({ timeout: 60_000 });

/** The charts poll every 10 s (LIVE_REFRESH_MS); the page's clock is moved on by this much at a time. */
const POLL_MS = 10_000;

/** Every sampled-history request the page sends from now on, as the run ids it asked for. */
function recordHistoryRequests(page: Page): string[][] {
  const asked: string[][] = [];
  page.on("request", (r) => {
    if (r.url().includes("get-history-sampled") || r.url().includes("get-history-bulk-interval")) asked.push(new URL(r.url()).searchParams.getAll("run_ids"));
  });
  return asked;
}

/**
 * Moves the page's clock past one poll and lets the requests it starts settle. The clock runs on
 * its own too (install() does not pause it), so a test never waits 10 s of real time for a poll.
 */
async function nextPoll(page: Page): Promise<void> {
  await page.clock.fastForward(POLL_MS);
  await page.waitForLoadState("networkidle");
}

/** Lets `polls` more polls pass and asserts the page sent none of the requests `log` records. */
async function expectNoMoreRequests(page: Page, log: readonly unknown[], polls = 2): Promise<void> {
  const settled = log.length;
  for (let i = 0; i < polls; i++) await nextPoll(page);
  expect(log.length).toBe(settled);
}

test("a running run's chart shows its new points within a poll, keeps the view, and stops polling when the run ends", async ({ page }) => {
  const experimentId = (await createExperiment()).id;
  const running = (await createRun(experimentId, { name: "training-now", status: "RUNNING" })).info.run_id;
  const done = (await createRun(experimentId, { name: "finished-earlier" })).info.run_id;
  const curve = lossCurve(2, 200);
  await logMetricSeries(running, "loss", 50, curve);
  await logMetricSeries(done, "loss", 40, lossCurve(1, 200));

  await page.clock.install();
  const asked = recordHistoryRequests(page);
  await page.goto(`/experiments/${experimentId}/runs/${running}/metrics/loss?runs=${done}`);
  const chart = page.getByTestId("runs-metric-chart");
  const badge = page.getByTestId("points-badge");
  await expect(badge).toHaveText("90 of 90 points");
  await expect(page.getByTestId("live-badge")).toContainText(/Live · checked \d+s ago/);
  await expect(chart.locator('[data-testid="legend-entry"].is-live')).toHaveAttribute("data-run-id", running);

  // The view the user set up survives the polls: a run hidden from the legend stays hidden.
  await chart.getByTestId("legend-entry").getByRole("button", { name: "finished-earlier", exact: true }).click();
  await expect(badge).toHaveText("50 of 50 points");
  const colour = await chart.locator(`[data-testid="legend-entry"][data-run-id="${running}"]`).getAttribute("data-color");

  await logMetricSteps(running, "loss", 50, 80, curve);
  const before = asked.length;
  await nextPoll(page);
  await expect(badge).toHaveText("80 of 80 points");
  await expect(chart.getByTestId("legend-entry").getByRole("button", { name: "finished-earlier", exact: true })).toHaveAttribute("aria-pressed", "false");
  await expect(chart.locator(`[data-testid="legend-entry"][data-run-id="${running}"]`)).toHaveAttribute("data-color", colour ?? "");
  await expect(page.getByTestId("live-badge")).toBeVisible();
  // The poll asked for the running run's series only; the finished run's came from the first answer.
  expect(asked.slice(before)).toEqual([[running]]);
  // No loading state on a poll: the plot never went back to the skeleton.
  await expect(chart.getByRole("status", { name: "Loading metric history" })).toHaveCount(0);

  // The run logs its last points and ends: the next poll reads them, sees it finished, and stops.
  await logMetricSteps(running, "loss", 80, 100, curve);
  await endRun(running);
  await nextPoll(page);
  await expect(badge).toHaveText("100 of 100 points");
  await expect(page.getByTestId("live-badge")).toHaveCount(0);
  await expect(chart.locator('[data-testid="legend-entry"].is-live')).toHaveCount(0);
  await expectNoMoreRequests(page, asked);
});

test("charts of finished runs never poll: the metric page and a run's grid of metrics", async ({ page }) => {
  const experimentId = (await createExperiment()).id;
  const runs = await Promise.all(["done-a", "done-b"].map((name) => createRun(experimentId, { name })));
  const [a, b] = runs.map((r) => r.info.run_id);
  for (const [i, id] of [a, b].entries()) {
    await logMetricSeries(id ?? "", "loss", 30, lossCurve(i, 30));
    await logMetricSeries(id ?? "", "accuracy", 30, (s) => s / 30);
  }

  await page.clock.install();
  const asked = recordHistoryRequests(page);
  await page.goto(`/experiments/${experimentId}/runs/${a}/metrics/loss?runs=${b}`);
  await expect(page.getByTestId("points-badge")).toHaveText("60 of 60 points");
  await page.waitForLoadState("networkidle");
  expect(asked).toHaveLength(1);
  await nextPoll(page);
  await nextPoll(page);
  await nextPoll(page);
  expect(asked).toHaveLength(1);
  await expect(page.getByTestId("live-badge")).toHaveCount(0);

  await page.goto(`/experiments/${experimentId}/runs/${a}/metrics?runs=${b}`);
  await expect(page.getByTestId("metric-grid-card")).toHaveCount(2);
  await expect(page.getByTestId("points-badge")).toHaveText(["60 of 60 points", "60 of 60 points"]);
  await page.waitForLoadState("networkidle");
  const shown = asked.length;
  await nextPoll(page);
  await nextPoll(page);
  expect(asked.length).toBe(shown);
  await expect(page.getByTestId("live-badge")).toHaveCount(0);
});

test("a running run's grid of metrics polls each chart on view, its run's status once per poll", async ({ page }) => {
  const experimentId = (await createExperiment()).id;
  const run = (await createRun(experimentId, { name: "grid-live", status: "RUNNING" })).info.run_id;
  await logMetricSeries(run, "loss", 20, lossCurve(0, 100));
  await logMetricSeries(run, "accuracy", 20, (s) => s / 100);

  await page.clock.install();
  const asked = recordHistoryRequests(page);
  const statusReads = recordRequests(page, (url) => url.includes("/runs/get") || url.includes("/runs/search"));
  await page.goto(`/experiments/${experimentId}/runs/${run}/metrics`);
  const cards = page.getByTestId("metric-grid-card");
  await expect(cards).toHaveCount(2);
  await expect(cards.getByTestId("points-badge")).toHaveText(["20 of 20 points", "20 of 20 points"]);
  await expect(cards.getByTestId("live-badge")).toHaveCount(2);

  await logMetricSteps(run, "loss", 20, 35, lossCurve(0, 100));
  await logMetricSteps(run, "accuracy", 20, 25, (s) => s / 100);
  const reads = statusReads.length;
  const before = asked.length;
  await nextPoll(page);
  await expect(cards.getByTestId("points-badge")).toHaveText(["25 of 25 points", "35 of 35 points"]);
  expect(asked.length - before).toBe(2);
  // Both charts poll the same run: its status is read once for the two of them.
  expect(statusReads.length - reads).toBe(1);

  await endRun(run);
  await nextPoll(page);
  await expect(cards.getByTestId("live-badge")).toHaveCount(0);
  await expectNoMoreRequests(page, asked, 1);
});

test("the page of a running run re-reads it on the same beat: its status and latest metrics move, and stop once it ends", async ({ page }) => {
  const experimentId = (await createExperiment()).id;
  const runId = (await createRun(experimentId, { name: "training-page", status: "RUNNING" })).info.run_id;
  await logMetricSeries(runId, "loss", 10, lossCurve(3, 100));

  await page.clock.install();
  const reads = recordRequests(page, (url) => url.includes(runId) && url.includes("/mlflow/runs/"));
  await page.goto(`/experiments/${experimentId}/runs/${runId}`);
  await expect(page.getByTestId("run-title")).toHaveText("training-page");
  await expect(page.locator(".page-header")).toContainText("Running");
  const metrics = page.getByRole("region", { name: "Metrics" });
  const lossStep = metrics.getByRole("row", { name: /loss/ }).getByRole("cell").nth(1);
  await expect(lossStep).toHaveText("9");

  await logMetricSteps(runId, "loss", 10, 25, lossCurve(3, 100));
  await endRun(runId);
  await nextPoll(page);
  await expect(page.locator(".page-header")).toContainText("Finished");
  await expect(lossStep).toHaveText("24");
  await expectNoMoreRequests(page, reads);
});

test("the compare view's table follows a running run's latest metric, and stops re-reading once it ends", async ({ page }) => {
  const experimentId = (await createExperiment()).id;
  const running = (await createRun(experimentId, { name: "cmp-live", status: "RUNNING" })).info.run_id;
  const done = (await createRun(experimentId, { name: "cmp-done" })).info.run_id;
  await logMetricSteps(running, "loss", 0, 10, () => 0.5);
  await logMetricSteps(done, "loss", 0, 10, () => 0.25);

  await page.clock.install();
  const searches = recordRequests(page, (url) => url.includes("/mlflow/runs/search"));
  await page.goto(`/compare-runs?runs=${running},${done}&experiments=${experimentId}`);
  const lossRow = page.getByTestId("compare-table").locator('tr[data-row="metrics.loss"]');
  await expect(lossRow).toContainText("0.5");

  await logMetricSteps(running, "loss", 10, 11, () => 0.125);
  await endRun(running);
  await nextPoll(page);
  await expect(lossRow).toContainText("0.125");
  await expectNoMoreRequests(page, searches);
});
