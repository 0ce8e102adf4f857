import { expect, test } from "@playwright/test";
import { createExperiment, createRun, logMetricSeries } from "./support/generators.js";

test("a metric chart keeps a spike and a NaN of a long series, and its settings live in the URL", async ({ page }) => {
  const experiment = await createExperiment();
  const run = await createRun(experiment.id, { name: "long-series" });
  const runId = run.info.run_id;
  const total = 20_000;
  await logMetricSeries(runId, "loss", total, (step) => (step === 12_345 ? 1000 : step === 7_777 ? NaN : Math.exp(-step / 5000)));

  const sampled = page.waitForRequest((r) => r.url().includes("get-history-sampled"));
  await page.goto(`/experiments/${experiment.id}/runs/${runId}/metrics/loss`);
  await sampled;
  const chart = page.getByTestId("runs-metric-chart");
  await expect(chart.locator('[data-testid="chart-line"]')).toHaveCount(1);
  await expect(page.getByTestId("points-badge")).toContainText(`of ${total.toLocaleString()} points`);
  // The spike sets the top of the y axis; the NaN is drawn as a marker, not dropped.
  await expect(chart.locator(".recharts-yAxis-tick-labels")).toContainText("1000");
  await expect(chart.getByTestId("chart-marker")).toHaveCount(1);

  // Step ticks are plain numbers; wall-time ticks are clock times, and the tooltip has the date.
  await expect(chart.locator(".recharts-label")).toHaveText("Step");
  await page.getByRole("button", { name: "Wall time" }).click();
  await expect(page).toHaveURL(/x=time/);
  await expect(chart.locator(".recharts-label")).toHaveText("Wall time");
  await expect(chart.locator(".recharts-xAxis-tick-labels .recharts-cartesian-axis-tick-value").first()).toHaveText(/^\d\d:\d\d/);
  await chart.getByTestId("chart-plot-area").hover();
  await expect(page.getByTestId("chart-tooltip")).toContainText("2023-11-");

  await page.getByLabel("Log scale").click();
  await expect(page.getByLabel("Log scale")).toBeChecked();
  await expect(page).toHaveURL(/log=1/);
  await page.reload();
  await expect(page.getByRole("button", { name: "Wall time" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByLabel("Log scale")).toBeChecked();
});

test("opening a metric page asks for its history once, however its key is spelled", async ({ page }) => {
  // boot.ts starts the request before the app exists and the chart must find that very query:
  // a second request would double the page's largest download.
  const experiment = await createExperiment();
  const key = "train/loss: v2.1";
  const runs = [await createRun(experiment.id, { name: "first" }), await createRun(experiment.id, { name: "second" })].map((r) => r.info.run_id);
  for (const runId of runs) await logMetricSeries(runId, key, 500, (step) => 1 / (step + 1));
  const sampled: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("get-history-sampled") || r.url().includes("get-history-bulk-interval")) sampled.push(r.url());
  });
  await page.goto(`/experiments/${experiment.id}/runs/${runs[0]}/metrics/${encodeURIComponent(key)}?runs=${runs[1]}`);
  const chart = page.getByTestId("runs-metric-chart");
  await expect(chart.locator('[data-testid="chart-line"]')).toHaveCount(2);
  await expect(page.getByTestId("points-badge")).toContainText("of 1,000 points");
  await page.waitForLoadState("networkidle");
  expect(sampled).toHaveLength(1);
  expect(new URL(sampled[0] ?? "").searchParams.get("metric_key")).toBe(key);
});
