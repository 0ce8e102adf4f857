import { expect, test, type Page } from "@playwright/test";
import { api } from "./support/api.js";
import { createExperiment, createRun, uniqueName } from "./support/generators.js";
import { cell, runRow } from "./support/runs-table.js";

const row = (page: Page, name: string) => page.getByTestId("experiment-row").filter({ has: page.getByRole("link", { name, exact: true }) });

test.describe("experiments", () => {
  test("create, rename, delete and restore, each visible in the list", async ({ page }) => {
    const name = uniqueName("create");
    await page.goto("/experiments");
    await page.getByRole("button", { name: "New experiment" }).click();
    await page.getByLabel("New experiment name").fill(name);
    await page.getByRole("button", { name: "Create", exact: true }).click();
    await expect(row(page, name)).toBeVisible();

    const renamed = `${name}-renamed`;
    await row(page, name).getByRole("button", { name: "Rename" }).click();
    await page.getByLabel("Experiment name", { exact: true }).fill(renamed);
    await page.getByLabel("Experiment name", { exact: true }).press("Enter");
    await expect(row(page, renamed)).toBeVisible();
    await expect(row(page, name)).toHaveCount(0);
    const { experiment } = await api.call("getExperimentByName", { experiment_name: renamed });
    expect(experiment.lifecycle_stage).toBe("active");

    await row(page, renamed).getByRole("button", { name: "Delete" }).click();
    await expect(row(page, renamed)).toHaveCount(0);
    await page.getByRole("group", { name: "Experiment lifecycle" }).getByRole("button", { name: "Deleted" }).click();
    await expect(page).toHaveURL(/view=deleted/);
    await expect(row(page, renamed)).toBeVisible();

    await row(page, renamed).getByRole("button", { name: "Restore" }).click();
    await expect(row(page, renamed)).toHaveCount(0);
    await page.getByRole("group", { name: "Experiment lifecycle" }).getByRole("button", { name: "Active" }).click();
    await expect(row(page, renamed)).toBeVisible();
    expect((await api.call("getExperiment", { experiment_id: experiment.experiment_id })).experiment.lifecycle_stage).toBe("active");
  });

  test("search by name narrows the list and lives in the URL", async ({ page }) => {
    const tag = uniqueName("srch");
    const wanted = await createExperiment(`${tag}-alpha`);
    await createExperiment(`${tag}-beta`);
    await page.goto("/experiments");
    // The shortcut listener exists once the app has rendered.
    await expect(page.getByTestId("experiment-row").first()).toBeVisible();
    await page.keyboard.press("/");
    await expect(page.getByLabel("Search experiments")).toBeFocused();
    await page.keyboard.type(`${tag}-ALP`);
    await expect(page.getByTestId("experiment-row")).toHaveCount(1);
    await expect(row(page, wanted.name)).toBeVisible();
    await expect(page).toHaveURL(new RegExp(`q=${tag}-ALP`));
    await page.reload();
    await expect(page.getByTestId("experiment-row")).toHaveCount(1);
    await page.getByLabel("Search experiments").fill("no-such-experiment-anywhere");
    await expect(page.getByTestId("empty-state")).toContainText("No experiment matches");
  });

  test("a taken name shows the server's error inline", async ({ page }) => {
    const existing = await createExperiment();
    await page.goto("/experiments");
    await page.getByRole("button", { name: "New experiment" }).click();
    await page.getByLabel("New experiment name").fill(existing.name);
    await page.getByRole("button", { name: "Create", exact: true }).click();
    await expect(page.getByRole("alert")).toContainText("RESOURCE_ALREADY_EXISTS");
  });

  test("several experiments open in one runs table with an Experiment column", async ({ page }) => {
    const prefix = uniqueName("multi");
    const [one, two] = await Promise.all([createExperiment(`${prefix}-one`), createExperiment(`${prefix}-two`)]);
    await Promise.all([createRun(one.id, { name: "run-of-one" }), createRun(two.id, { name: "run-of-two" })]);
    await page.goto(`/experiments?q=${prefix}`);
    await page.getByLabel(`Select ${one.name}`).check();
    await page.getByLabel(`Select ${two.name}`).check();
    await page.getByRole("link", { name: "Open runs of 2 experiments" }).click();
    await expect(page.getByTestId("runs-title")).toHaveText("2 experiments");
    await expect(cell(runRow(page, "run-of-one"), "attributes.experiment_id")).toHaveText(one.name);
    await expect(cell(runRow(page, "run-of-two"), "attributes.experiment_id")).toHaveText(two.name);
  });

  test("a refused rename keeps the editor and the typed name, with the whole message beside it", async ({ page }) => {
    const [taken, mine] = await Promise.all([createExperiment(), createExperiment()]);
    await page.goto(`/experiments?q=${mine.name}`);
    await row(page, mine.name).getByRole("button", { name: "Rename" }).click();
    const field = page.getByLabel("Experiment name", { exact: true });
    await field.fill(taken.name);
    await field.press("Enter");
    const problem = page.getByTestId("experiment-row").getByRole("alert");
    await expect(problem).toContainText(`${taken.name}`);
    await expect(field).toHaveValue(taken.name);
    // Readable: the message is not cut off inside the name cell.
    expect(await problem.evaluate((el) => el.scrollWidth <= el.clientWidth + 1)).toBe(true);
    await field.press("Escape");
    await expect(row(page, mine.name)).toBeVisible();
  });

  test("a delete can be undone from the notice", async ({ page }) => {
    const experiment = await createExperiment();
    await page.goto(`/experiments?q=${experiment.name}`);
    await row(page, experiment.name).getByRole("button", { name: "Delete" }).click();
    await expect(page.getByTestId("deleted-notice")).toContainText(`Deleted ${experiment.name}`);
    await expect(row(page, experiment.name)).toHaveCount(0);
    await page.getByTestId("deleted-notice").getByRole("button", { name: "Undo" }).click();
    await expect(row(page, experiment.name)).toBeVisible();
    await expect(page.getByTestId("deleted-notice")).toHaveCount(0);
    expect((await api.call("getExperiment", { experiment_id: experiment.id })).experiment.lifecycle_stage).toBe("active");
  });

  test("a deleted experiment is listed as a link to its runs, marked deleted", async ({ page }) => {
    const experiment = await createExperiment();
    await api.call("deleteExperiment", { experiment_id: experiment.id });
    await page.goto(`/experiments?view=all&q=${experiment.name}`);
    await expect(row(page, experiment.name)).toContainText("deleted");
    await row(page, experiment.name).getByRole("link", { name: experiment.name, exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/experiments/${experiment.id}/runs`));
  });

  test("at 800 px the header scrolls with the rows and the actions are in view", async ({ page }) => {
    const experiment = await createExperiment();
    await page.setViewportSize({ width: 800, height: 700 });
    await page.goto(`/experiments?q=${experiment.name}`);
    const target = row(page, experiment.name);
    await expect(target.getByRole("button", { name: "Delete" })).toBeInViewport();
    const scroller = page.locator(".experiment-scroll");
    expect(await scroller.evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const [header, body] = await Promise.all([page.getByRole("columnheader", { name: "Name" }).boundingBox(), target.getByRole("link").boundingBox()]);
    expect(Math.abs((header?.x ?? 0) - (body?.x ?? 1))).toBeLessThan(2);
  });
});
