import { expect, test, type Page } from "@playwright/test";
import { createExperiment, createRun, uniqueName } from "./support/generators.js";
import { runRow } from "./support/runs-table.js";

const SHOTS = process.env.TRACKLET_E2E_SHOTS;
const shot = async (page: Page, name: string) => {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
};

async function seeded() {
  const experiment = await createExperiment(uniqueName("review"));
  const [one, two] = await Promise.all([
    createRun(experiment.id, { name: "run-one", metrics: { loss: 0.5 } }),
    createRun(experiment.id, { name: "run-two", metrics: { loss: 0.4 } }),
  ]);
  return { experiment, one, two };
}

/** The page's breadcrumb trail as the user reads it (separators included). */
const crumbText = (page: Page) => page.getByRole("navigation", { name: "Breadcrumbs" }).evaluate((nav) => (nav as HTMLElement).innerText.replace(/\s+/g, " ").trim());

for (const [what, pattern] of [
  ["stylesheet and code", "**/assets/run-page-*"],
  ["code", "**/assets/run-page-*.js"],
] as const) {
  test(`a page whose ${what} cannot be loaded offers a reload and keeps the header`, async ({ page }) => {
    const { experiment } = await seeded();
    // As after an upgrade: the old build's hashed chunk is gone.
    await page.route(pattern, (route) => route.fulfill({ status: 404, body: "gone" }));
    await page.goto(`/experiments/${experiment.id}/runs`);
    await runRow(page, "run-one").getByRole("link", { name: "run-one", exact: true }).click();
    const alert = page.getByRole("alert");
    await expect(alert).toContainText("Tracklet was updated");
    await expect(alert.getByRole("button", { name: "Reload" })).toBeVisible();
    await expect(page.getByText("Something went wrong")).toHaveCount(0);
    await expect(page.locator("header.app-header").getByRole("link", { name: "Experiments" })).toBeVisible();
    await shot(page, `chunk-error-${pattern.endsWith(".js") ? "js" : "all"}`);
    // The header is a way out: another page renders in place of the error.
    await page.locator("header.app-header").getByRole("link", { name: "Experiments" }).click();
    await expect(page.getByRole("button", { name: "New experiment" })).toBeVisible();
    await expect(page.getByText("Tracklet was updated")).toHaveCount(0);
  });
}

test("a refused experiment name's error goes once the name is edited", async ({ page }) => {
  const existing = await createExperiment();
  await page.goto("/experiments");
  await page.getByRole("button", { name: "New experiment" }).click();
  const field = page.getByLabel("New experiment name");
  await field.fill(existing.name);
  await page.getByRole("button", { name: "Create", exact: true }).click();
  const problem = page.locator("form.create-experiment").getByRole("alert");
  await expect(problem).toContainText("RESOURCE_ALREADY_EXISTS");
  await shot(page, "create-error");
  await field.press("End");
  await field.press("x");
  await expect(problem).toHaveCount(0);
  await shot(page, "create-error-gone");
  await field.fill("");
  await expect(problem).toHaveCount(0);
});

test("a refused rename's error goes once the name is edited", async ({ page }) => {
  const [taken, mine] = await Promise.all([createExperiment(), createExperiment()]);
  await page.goto(`/experiments?q=${mine.name}`);
  await page.getByTestId("experiment-row").getByRole("button", { name: "Rename" }).click();
  const field = page.getByLabel("Experiment name", { exact: true });
  await field.fill(taken.name);
  await field.press("Enter");
  const problem = page.getByTestId("experiment-row").getByRole("alert");
  await expect(problem).toContainText(taken.name);
  await field.press("x");
  await expect(problem).toHaveCount(0);
  await expect(field).toHaveAttribute("aria-invalid", "false");
});

test("breadcrumbs end with their last crumb, not a separator", async ({ page }) => {
  const { experiment, one, two } = await seeded();
  const trail = `Experiments / ${experiment.name}`;
  await page.goto(`/experiments/${experiment.id}/runs/${one.info.run_id}`);
  await expect(page.getByRole("navigation", { name: "Breadcrumbs" }).getByRole("link", { name: experiment.name })).toBeVisible();
  expect(await crumbText(page)).toBe(trail);
  await shot(page, "crumbs-run");

  await page.goto(`/compare-runs?runs=${one.info.run_id},${two.info.run_id}&experiments=${experiment.id}`);
  await expect(page.getByRole("navigation", { name: "Breadcrumbs" }).getByRole("link", { name: experiment.name })).toBeVisible();
  expect(await crumbText(page)).toBe(trail);

  await page.goto(`/experiments/${experiment.id}/runs/${one.info.run_id}/metrics/loss`);
  await expect(page.getByRole("navigation", { name: "Breadcrumbs" }).getByRole("link", { name: "run-one" })).toBeVisible();
  expect(await crumbText(page)).toBe(`${trail} / run-one / Metrics`);
  await shot(page, "crumbs-metric");

  // The runs page's own trail: the experiments list, the page's title naming the experiment.
  await page.goto(`/experiments/${experiment.id}/runs`);
  await expect(page.getByTestId("runs-title")).toHaveText(experiment.name);
  expect(await crumbText(page)).toBe("Experiments");
});
