import { expect, test } from "@playwright/test";
import { api } from "./support/api.js";
import { createExperiment, createRun, logMetricSeries, lossCurve, seedCompareRuns } from "./support/generators.js";

// The accessibility review's findings: focus that fell to <body>, charts named by their tick labels,
// a note's "# heading" competing with the run name's h1.

test("Escape in the Columns popover gives the focus back to the Columns button", async ({ page }) => {
  const experiment = await createExperiment();
  await createRun(experiment.id, { name: "a11y-cols", params: [{ key: "lr", value: "0.1" }], metrics: { loss: 0.5 } });
  await page.goto(`/experiments/${experiment.id}/runs`);
  const button = page.getByRole("button", { name: "Columns" });
  await button.click();
  const picker = page.getByRole("dialog", { name: "Choose columns" });
  await expect(picker.getByLabel("Search column keys")).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(picker).toHaveCount(0);
  await expect(button).toBeFocused();
});

test("the shortcuts panel opened by its button takes the focus and gives it back on Escape", async ({ page }) => {
  const experiment = await createExperiment();
  await createRun(experiment.id, { name: "a11y-keys" });
  await page.goto(`/experiments/${experiment.id}/runs`);
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  const trigger = page.getByRole("button", { name: /^Shortcuts/ });
  await trigger.click();
  await expect(help).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(help).toHaveCount(0);
  await expect(trigger).toBeFocused();
});

test("the shortcuts panel opened with ? gives the focus back to what had it", async ({ page }) => {
  const experiment = await createExperiment();
  await createRun(experiment.id, { name: "a11y-keys-2" });
  await page.goto(`/experiments/${experiment.id}/runs`);
  const help = page.getByRole("dialog", { name: "Keyboard shortcuts" });
  const columns = page.getByRole("button", { name: "Columns" });
  await columns.focus();
  await page.keyboard.press("?");
  await expect(help).toBeFocused();
  await page.keyboard.press("Escape");
  await expect(help).toHaveCount(0);
  await expect(columns).toBeFocused();
});

test("the metric chart is an image named for what it shows", async ({ page }) => {
  const experiment = await createExperiment();
  const first = await createRun(experiment.id, { name: "a11y-chart-1" });
  const second = await createRun(experiment.id, { name: "a11y-chart-2" });
  await logMetricSeries(first.info.run_id, "loss", 50, lossCurve(1, 50));
  await logMetricSeries(second.info.run_id, "loss", 50, lossCurve(2, 50));
  await page.goto(`/experiments/${experiment.id}/runs/${first.info.run_id}/metrics/loss?runs=${second.info.run_id}`);
  const chart = page.getByTestId("runs-metric-chart");
  await expect(chart.locator('[data-testid="chart-line"]')).toHaveCount(2);
  const image = chart.getByRole("img", { name: "Line chart of loss for 2 runs, by step", exact: true });
  await expect(image).toBeVisible();
  // Tick and axis labels stay out of the accessible tree: nothing but the name is read.
  expect(await image.ariaSnapshot()).toBe('- img "Line chart of loss for 2 runs, by step"');
  await page.getByRole("button", { name: "Wall time" }).click();
  await expect(chart.getByRole("img", { name: "Line chart of loss for 2 runs, by wall time", exact: true })).toBeVisible();
});

test("the compare scatter is an image named for what it shows, not an application", async ({ page }) => {
  const compared = await createExperiment();
  const runs = await seedCompareRuns(compared.id, 3);
  await page.goto(`/compare-runs?runs=${runs.map((r) => r.id).join(",")}&experiments=${compared.id}`);
  const scatter = page.getByTestId("compare-scatter");
  await expect(scatter.locator(".recharts-scatter-symbol")).toHaveCount(3);
  const image = scatter.getByRole("img", { name: "Scatter of loss against activation for 3 runs", exact: true });
  await expect(image).toBeVisible();
  expect(await image.ariaSnapshot()).toBe('- img "Scatter of loss against activation for 3 runs"');
  await expect(scatter.getByRole("application")).toHaveCount(0);
});

test("a note's # heading sits under the run name: an h3, not a second h1", async ({ page }) => {
  const experiment = await createExperiment();
  const run = await createRun(experiment.id, { name: "a11y-note" });
  await api.call("setTag", { run_id: run.info.run_id, key: "mlflow.note.content", value: "# Title\n\n## Details\n\nSome text." });
  await page.goto(`/experiments/${experiment.id}/runs/${run.info.run_id}`);
  await expect(page.getByRole("heading", { name: "Title", level: 3 })).toBeVisible();
  await expect(page.getByRole("heading", { name: "Details", level: 4 })).toBeVisible();
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1 })).toContainText("a11y-note");
});

test("the runs table is one stop in the Tab order: Tab enters at the cursor's row and the next Tab leaves the table", async ({ page }) => {
  const experiment = await createExperiment();
  await Promise.all(Array.from({ length: 6 }, (_, i) => createRun(experiment.id, { name: `tab-${String(i)}`, params: [{ key: "lr", value: String(i) }], startTime: 1_700_000_000_000 + i * 1000 })));
  await page.goto(`/experiments/${experiment.id}/runs?c=params.lr`);
  await expect(page.getByTestId("run-row")).toHaveCount(6);
  // j moves the cursor to the second row: its checkbox is the table's one stop.
  await page.locator("body").press("j");
  await page.locator("body").press("j");
  const rows = page.getByTestId("run-row");
  await expect(rows.nth(1)).toHaveClass(/is-active/);
  const inTabOrder = await rows.evaluateAll((els) => els.map((row) => [...row.querySelectorAll<HTMLElement>("input, a, button")].filter((el) => el.tabIndex >= 0).length));
  expect(inTabOrder.filter((n) => n > 0)).toHaveLength(1);
  expect(inTabOrder[1]).toBeGreaterThan(0);
  await page.getByRole("button", { name: "Columns" }).focus();
  // From the toolbar, Tab reaches the headers, then the cursor's row (its checkbox, name, lr value), then leaves.
  const focusedRows = new Set<string>();
  for (let i = 0; i < 30; i++) {
    await page.keyboard.press("Tab");
    const inRow = await page.evaluate(() => document.activeElement?.closest<HTMLElement>('[data-testid="run-row"]')?.dataset.runId ?? "");
    if (inRow) focusedRows.add(inRow);
  }
  expect(focusedRows.size).toBe(1);

  // Inside the table the focus follows the cursor: j takes it to the next row's checkbox.
  await rows.nth(1).getByRole("checkbox").focus();
  await page.keyboard.press("j");
  await expect(rows.nth(2)).toHaveClass(/is-active/);
  await expect(rows.nth(2).getByRole("checkbox")).toBeFocused();
  // A row the focus lands on becomes the cursor's, so j goes on from it; the arrows move as j and k do.
  await rows.nth(4).getByRole("checkbox").focus();
  await expect(rows.nth(4)).toHaveClass(/is-active/);
  await page.keyboard.press("j");
  await expect(rows.nth(5).getByRole("checkbox")).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press("ArrowUp");
  await expect(rows.nth(3).getByRole("checkbox")).toBeFocused();
});
