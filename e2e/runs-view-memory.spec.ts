import { expect, test } from "@playwright/test";
import { createExperiment, createRun } from "./support/generators.js";
import { headerCell, runRow } from "./support/runs-table.js";

test("a table nobody chose columns for shows its most logged metrics; the chosen layout comes back from the experiments list; Reset view", async ({ page }) => {
  const experiment = await createExperiment();
  await createRun(experiment.id, { name: "a", params: [{ key: "lr", value: "0.1" }], metrics: { loss: 0.5, acc: 0.8, rare: 1 } });
  await createRun(experiment.id, { name: "b", params: [{ key: "lr", value: "0.2" }], metrics: { loss: 0.4, acc: 0.9 } });
  await page.goto(`/experiments/${experiment.id}/runs`);
  // Suggested: the metrics most runs log (all three fit under the cap), in key order; the URL stays bare until something changes.
  await expect(headerCell(page, "metrics.acc")).toBeVisible();
  await expect(headerCell(page, "metrics.loss")).toBeVisible();
  await expect(headerCell(page, "metrics.rare")).toBeVisible();
  expect(new URL(page.url()).search).toBe("");

  // Choose a layout: a param column, no "rare", sorted by loss.
  await page.getByRole("button", { name: "Columns" }).click();
  const picker = page.getByRole("dialog", { name: "Choose columns" });
  await expect(picker.getByLabel("loss")).toBeChecked();
  await picker.getByLabel("rare").click();
  await picker.getByLabel("lr").click();
  await page.keyboard.press("Escape");
  await headerCell(page, "metrics.loss").getByRole("button").click();
  await expect(page).toHaveURL(/sort=metrics\.loss/);
  await expect(headerCell(page, "metrics.rare")).toHaveCount(0);

  // Experiments → the same experiment: the same layout, in the URL too.
  await page.goto(`/experiments?q=${experiment.name}`);
  await page.getByRole("link", { name: experiment.name, exact: true }).click();
  await expect(headerCell(page, "params.lr")).toBeVisible();
  await expect(headerCell(page, "metrics.loss")).toHaveAttribute("aria-sort", "ascending");
  await expect(headerCell(page, "metrics.rare")).toHaveCount(0);
  await expect(page).toHaveURL(/c=params\.lr/);
  await expect(page).toHaveURL(/sort=metrics\.loss/);

  // A link with view parameters wins over the remembered layout.
  await page.goto(`/experiments/${experiment.id}/runs?c=metrics.rare`);
  await expect(headerCell(page, "metrics.rare")).toBeVisible();
  await expect(headerCell(page, "params.lr")).toHaveCount(0);
  await expect(headerCell(page, "metrics.loss")).toHaveCount(0);

  // Reset view: the suggested columns, unsorted, and nothing remembered any more.
  await page.getByRole("button", { name: "Columns" }).click();
  await page.getByRole("button", { name: "Reset view" }).click();
  await expect(headerCell(page, "metrics.acc")).toBeVisible();
  await expect(headerCell(page, "metrics.loss")).toHaveAttribute("aria-sort", "none");
  await page.goto(`/experiments/${experiment.id}/runs`);
  await expect(headerCell(page, "metrics.rare")).toBeVisible();
  await expect(headerCell(page, "params.lr")).toHaveCount(0);
  await expect(runRow(page, "a")).toBeVisible();
});

test("Chart of runs selected in a table of several experiments opens under the runs' own experiment", async ({ page }) => {
  const [one, two] = await Promise.all([createExperiment(), createExperiment()]);
  await createRun(one.id, { name: "in-one" });
  const [x] = await Promise.all([createRun(two.id, { name: "in-two-x", startTime: 1_700_000_100_000 }), createRun(two.id, { name: "in-two-y" })]);
  const ids = [one.id, two.id].sort((p, q) => Number(p) - Number(q));
  await page.goto(`/experiments/${ids.join(",")}/runs`);
  await runRow(page, "in-two-x").getByRole("checkbox").click();
  await runRow(page, "in-two-y").getByRole("checkbox").click();
  await page.getByRole("link", { name: "Chart" }).click();
  await expect(page).toHaveURL(new RegExp(`/experiments/${two.id}/runs/${x?.info.run_id ?? ""}/metrics\\?runs=`));
});

test("a link with a filter and no columns shows the suggested metric columns too; unchecking them all keeps none", async ({ page }) => {
  const experiment = await createExperiment();
  await createRun(experiment.id, { name: "a", metrics: { loss: 0.5, acc: 0.8 } });
  await createRun(experiment.id, { name: "b", metrics: { loss: 0.05, acc: 0.9 } });
  await page.goto(`/experiments/${experiment.id}/runs?filter=${encodeURIComponent("metrics.loss < 0.1")}`);
  await expect(runRow(page, "b")).toBeVisible();
  await expect(runRow(page, "a")).toHaveCount(0);
  await expect(headerCell(page, "metrics.loss")).toBeVisible();
  await expect(headerCell(page, "metrics.acc")).toBeVisible();

  // The user's "no metric columns" holds: the URL says so (c=), and no suggestion comes back.
  await page.getByRole("button", { name: "Columns" }).click();
  const picker = page.getByRole("dialog", { name: "Choose columns" });
  await picker.getByLabel("loss").click();
  await picker.getByLabel("acc").click();
  await page.keyboard.press("Escape");
  await expect(headerCell(page, "metrics.loss")).toHaveCount(0);
  await expect(page).toHaveURL(/[?&]c=(&|$)/);
  await page.reload();
  await expect(runRow(page, "b")).toBeVisible();
  await expect(headerCell(page, "metrics.loss")).toHaveCount(0);
  await expect(headerCell(page, "metrics.acc")).toHaveCount(0);
});
