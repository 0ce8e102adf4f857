import { expect, test } from "@playwright/test";
import { uploadArtifact } from "./support/api.js";
import { createExperiment, createRun } from "./support/generators.js";
import { runRow } from "./support/runs-table.js";

/**
 * The path every deployment must keep working: experiments list → runs table → run page. Tagged so
 * it can run alone against a UI proxying to another server: `npx playwright test --grep @smoke`.
 */
test("experiments list, runs table and run page @smoke", async ({ page }) => {
  const experiment = await createExperiment();
  const parent = await createRun(experiment.id, { name: "smoke-parent", params: [{ key: "lr", value: "0.1" }], metrics: { loss: 0.3 } });
  await createRun(experiment.id, { name: "smoke-child", parentId: parent.info.run_id, metrics: { loss: 0.2 } });

  await page.goto("/");
  await expect(page).toHaveURL(/\/experiments$/);
  await page.getByLabel("Search experiments").fill(experiment.name);
  await page.getByRole("link", { name: experiment.name, exact: true }).click();

  await expect(page.getByTestId("runs-title")).toHaveText(experiment.name);
  await expect(runRow(page, "smoke-parent")).toBeVisible();
  await page.getByRole("button", { name: "Expand smoke-parent" }).click();
  await expect(runRow(page, "smoke-child")).toHaveAttribute("aria-level", "2");

  await page.getByRole("link", { name: "smoke-parent", exact: true }).click();
  await expect(page.getByTestId("run-title")).toHaveText("smoke-parent");
  await expect(page.getByTestId("params")).toContainText("0.1");
  await expect(page.getByTestId("metrics")).toContainText("0.3");
});

/** Artifacts come through two routes a proxy must forward: `artifacts/list` and MLflow's `/get-artifact`. */
test("run page lists artifacts and previews one @smoke", async ({ page }) => {
  const experiment = await createExperiment();
  const run = await createRun(experiment.id, { name: "smoke-artifacts" });
  await uploadArtifact(run, "notes/summary.txt", "accuracy went up\n");
  await page.goto(`/experiments/${experiment.id}/runs/${run.info.run_id}?artifact=notes/summary.txt`);
  const tree = page.getByRole("tree", { name: "Artifact files" });
  await expect(tree.getByRole("treeitem", { name: "notes" })).toHaveAttribute("aria-expanded", "true");
  await expect(tree.getByRole("treeitem", { name: /^summary\.txt/ })).toHaveAttribute("aria-selected", "true");
  await expect(page.getByTestId("artifact-text")).toHaveText("accuracy went up");
});
