import { expect, test } from "@playwright/test";
import { api } from "./support/api.js";
import { createExperiment, createRun } from "./support/generators.js";
import { runRow } from "./support/runs-table.js";

test("the runs page shows the experiment's description, three lines until 'more'", async ({ page }) => {
  const experiment = await createExperiment();
  const lines = Array.from({ length: 6 }, (_, i) => `Line ${i + 1} of the description`);
  await api.call("setExperimentTag", { experiment_id: experiment.id, key: "mlflow.note.content", value: lines.join("\n") });
  await createRun(experiment.id, { name: "r" });
  await page.goto(`/experiments/${experiment.id}/runs`);
  const description = page.getByTestId("experiment-description");
  await expect(description).toContainText("Line 1 of the description");
  const text = description.locator(".experiment-description-text");
  const clamped = await text.evaluate((el) => el.getBoundingClientRect().height);
  await description.getByRole("button", { name: "more" }).click();
  await expect(description.getByRole("button", { name: "less" })).toHaveAttribute("aria-expanded", "true");
  expect(await text.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(clamped * 1.5);
});

test("the runs page of a deleted experiment says so and restores it", async ({ page }) => {
  const experiment = await createExperiment();
  await createRun(experiment.id, { name: "kept" });
  await api.call("deleteExperiment", { experiment_id: experiment.id });
  await page.goto(`/experiments/${experiment.id}/runs`);
  const notice = page.getByTestId("experiment-deleted");
  await expect(notice).toContainText("This experiment is deleted");
  // MLflow deletes the runs with the experiment, and restores them with it.
  await expect(runRow(page, "kept")).toHaveCount(0);
  await notice.getByRole("button", { name: "Restore" }).click();
  await expect(notice).toHaveCount(0);
  await expect(runRow(page, "kept")).toBeVisible();
  expect((await api.call("getExperiment", { experiment_id: experiment.id })).experiment.lifecycle_stage).toBe("active");
});
