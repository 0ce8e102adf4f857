import { expect, test } from "@playwright/test";
import { api } from "./support/api.js";
import { createExperiment, createRun } from "./support/generators.js";
import { runRow, runRows } from "./support/runs-table.js";

test("delete selected runs, find them under Deleted, restore them", async ({ page }) => {
  const experiment = await createExperiment();
  const [a, b] = await Promise.all([createRun(experiment.id, { name: "keep-me" }), createRun(experiment.id, { name: "drop-me" })]);
  if (!a || !b) throw new Error("runs not created");
  await page.goto(`/experiments/${experiment.id}/runs`);
  await runRow(page, "drop-me").getByRole("checkbox").click();
  await page.getByRole("button", { name: "Delete 1" }).click();
  await expect(runRow(page, "drop-me")).toHaveCount(0);
  await expect(runRows(page)).toHaveCount(1);
  expect((await api.call("getRun", { run_id: b.info.run_id })).run.info.lifecycle_stage).toBe("deleted");
  // One click deleted it, so one click brings it back.
  const notice = page.getByTestId("deleted-runs-notice");
  await expect(notice).toContainText("Deleted 1 run");
  await notice.getByRole("button", { name: "Undo" }).click();
  await expect(notice).toHaveCount(0);
  await expect(runRow(page, "drop-me")).toBeVisible();
  expect((await api.call("getRun", { run_id: b.info.run_id })).run.info.lifecycle_stage).toBe("active");

  await runRow(page, "drop-me").getByRole("checkbox").click();
  await page.getByRole("button", { name: "Delete 1" }).click();
  await expect(runRow(page, "drop-me")).toHaveCount(0);
  await expect(notice).toBeVisible();

  await page.getByRole("group", { name: "Run lifecycle" }).getByRole("button", { name: "Deleted" }).click();
  await expect(page).toHaveURL(/view=deleted/);
  await expect(runRows(page)).toHaveCount(1);
  await runRow(page, "drop-me").getByRole("checkbox").click();
  await page.getByRole("button", { name: "Restore 1" }).click();
  // Nothing deleted is left, and the view says so in its own words; the delete's notice (and its Undo) is gone with the restore.
  await expect(page.getByTestId("empty-state")).toContainText("No deleted runs");
  await expect(notice).toHaveCount(0);
  await page.getByRole("group", { name: "Run lifecycle" }).getByRole("button", { name: "Active" }).click();
  await expect(runRows(page)).toHaveCount(2);
  expect((await api.call("getRun", { run_id: b.info.run_id })).run.info.lifecycle_stage).toBe("active");
});

test("an empty experiment says how to log its first run, with this server and the experiment filled in", async ({ page }) => {
  const experiment = await createExperiment();
  await page.goto(`/experiments/${experiment.id}/runs`);
  await expect(page.getByTestId("empty-state")).toContainText("No runs here yet");
  const snippet = page.getByTestId("first-run-hint").locator("code");
  await expect(snippet).toContainText(`mlflow.set_tracking_uri("${new URL(page.url()).origin}")`);
  await expect(snippet).toContainText(`mlflow.set_experiment(experiment_id="${experiment.id}")`);
  await page.screenshot({ path: "test-results/runs-actions/first-run-hint.png" });
  // Not under a filter or in the Deleted view: there it would be beside the point.
  await page.goto(`/experiments/${experiment.id}/runs?view=deleted`);
  await expect(page.getByTestId("empty-state")).toContainText("No deleted runs");
  await expect(page.getByTestId("first-run-hint")).toHaveCount(0);
});

test("a server error is shown inline with MLflow's code and message", async ({ page }) => {
  const experiment = await createExperiment();
  await createRun(experiment.id, { name: "only-run" });
  // Any MLflow server may refuse a search the local parser accepts; the table must say why.
  await page.route("**/mlflow/runs/search", (route) =>
    route.fulfill({ status: 400, contentType: "application/json", body: JSON.stringify({ error_code: "INVALID_PARAMETER_VALUE", message: "Filter not supported by this server." }) }),
  );
  await page.goto(`/experiments/${experiment.id}/runs`);
  const alert = page.getByRole("alert").filter({ hasText: "Search failed" });
  await expect(alert).toContainText("INVALID_PARAMETER_VALUE");
  await expect(alert).toContainText("Filter not supported by this server.");
  await page.unroute("**/mlflow/runs/search");
  await alert.getByRole("button", { name: "Retry" }).click();
  await expect(runRow(page, "only-run")).toBeVisible();
});

test("an unknown run shows the server's RESOURCE_DOES_NOT_EXIST message", async ({ page }) => {
  await page.goto("/experiments/0/runs/0123456789abcdef0123456789abcdef");
  await expect(page.getByRole("alert")).toContainText("RESOURCE_DOES_NOT_EXIST");
});

test("a runs link to an experiment that does not exist shows only a way back", async ({ page }) => {
  for (const id of ["987654321", "abc"]) {
    await page.goto(`/experiments/${id}/runs`);
    const notFound = page.getByTestId("experiment-not-found");
    await expect(notFound).toContainText("does not exist");
    await expect(page.getByLabel("Filter runs")).toHaveCount(0);
    await expect(page.getByRole("group", { name: "Run lifecycle" })).toHaveCount(0);
    await expect(page.getByRole("grid")).toHaveCount(0);
  }
  await page.getByTestId("experiment-not-found").getByRole("link", { name: "Back to experiments" }).click();
  await expect(page).toHaveURL(/\/experiments\/?$/);
});
