import { expect, test } from "@playwright/test";
import { api } from "./support/api.js";
import { createExperiment, createRun } from "./support/generators.js";

test("a metric chart keeps a spike and a NaN of a long series, and its settings live in the URL", async ({ page }) => {
  const experiment = await createExperiment();
  const run = await createRun(experiment.id, { name: "long-series" });
  const runId = run.info.run_id;
  const total = 20_000;
  for (let start = 0; start < total; start += 1000) {
    const metrics = Array.from({ length: 1000 }, (_, i) => {
      const step = start + i;
      const value = step === 12_345 ? 1000 : step === 7_777 ? NaN : Math.exp(-step / 5000);
      return { key: "loss", value, timestamp: 1_700_000_000_000 + step * 100, step };
    });
    await api.call("logBatch", { run_id: runId, metrics });
  }

  const sampled = page.waitForRequest((r) => r.url().includes("get-history-sampled"));
  await page.goto(`/experiments/${experiment.id}/runs/${runId}/metrics/loss`);
  await sampled;
  await expect(page.getByTestId("metric-chart")).toBeVisible();
  await expect(page.getByTestId("points-badge")).toContainText(`of ${total.toLocaleString()} points`);
  // The spike sets the top of the y axis; the NaN is drawn as a marker, not dropped.
  await expect(page.getByTestId("metric-chart")).toContainText("1000");
  await expect(page.locator(".metric-chart .recharts-scatter-symbol")).toHaveCount(1);

  // Step ticks are plain numbers; wall-time ticks are dates.
  await expect(page.getByTestId("metric-chart")).not.toContainText("2023-11-");
  await page.getByRole("button", { name: "Wall time" }).click();
  await expect(page).toHaveURL(/x=time/);
  await expect(page.getByTestId("metric-chart")).toContainText("2023-11-");

  await page.getByLabel("Log scale").click();
  await expect(page.getByLabel("Log scale")).toBeChecked();
  await expect(page).toHaveURL(/log=1/);
  await page.reload();
  await expect(page.getByRole("button", { name: "Wall time" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByLabel("Log scale")).toBeChecked();
});
