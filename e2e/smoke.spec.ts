import { expect, test } from "@playwright/test";
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
