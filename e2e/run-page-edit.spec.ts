import { expect, test, type Page } from "@playwright/test";
import { SystemTags } from "../src/core/index.js";
import { api } from "./support/api.js";
import { createExperiment, createRun } from "./support/generators.js";
import { runRow } from "./support/runs-table.js";

const SHOTS = process.env.TRACKLET_E2E_SHOTS_DIR;

async function serverRun(runId: string) {
  return (await api.call("getRun", { run_id: runId })).run;
}

async function tagValue(runId: string, key: string): Promise<string | undefined> {
  return (await serverRun(runId)).data.tags.find((t) => t.key === key)?.value;
}

async function newRun(name = "edit-run") {
  const experiment = await createExperiment();
  const run = await createRun(experiment.id, { name, tags: [{ key: "stage", value: "baseline" }] });
  return { experiment, runId: run.info.run_id, url: `/experiments/${experiment.id}/runs/${run.info.run_id}` };
}

async function rename(page: Page, name: string) {
  await page.getByRole("button", { name: "Rename run" }).click();
  const input = page.getByLabel("Run name");
  await input.fill(name);
  await input.press("Enter");
}

test("a run is renamed from its title; the runs table, the REST API and a reload agree", async ({ page }) => {
  const { experiment, runId } = await newRun("before-rename");
  await page.goto(`/experiments/${experiment.id}/runs`);
  await expect(runRow(page, "before-rename")).toHaveCount(1);
  await runRow(page, "before-rename").getByRole("link", { name: "before-rename" }).click();
  await expect(page.getByTestId("run-title")).toHaveText("before-rename");

  await rename(page, "  after-rename  ");
  await expect(page.getByTestId("run-title")).toHaveText("after-rename");
  await expect(page).toHaveTitle(/after-rename/);
  // The editor closes back onto its button.
  await expect(page.getByRole("button", { name: "Rename run" })).toBeFocused();
  await expect.poll(async () => (await serverRun(runId)).info.run_name).toBe("after-rename");
  // MLflow keeps the name tag equal to the name; so does the page's own list of system tags.
  expect(await tagValue(runId, SystemTags.RUN_NAME)).toBe("after-rename");
  await page.getByText("System tags").click();
  await expect(page.getByTestId("system-tags").locator(`[data-tag-key="${SystemTags.RUN_NAME}"]`)).toContainText("after-rename");

  // Back in the table (from its cache, no reload), the row carries the new name.
  await page.goBack();
  await expect(runRow(page, "after-rename")).toHaveCount(1);
  await expect(runRow(page, "before-rename")).toHaveCount(0);

  await page.goto(`/experiments/${experiment.id}/runs/${runId}`);
  await expect(page.getByTestId("run-title")).toHaveText("after-rename");
});

test("renaming: Escape cancels, an empty name is refused inline and nothing is sent", async ({ page }) => {
  const { runId, url } = await newRun("keep-me");
  const updates: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/runs/update")) updates.push(r.url());
  });
  await page.goto(url);
  await page.getByRole("button", { name: "Rename run" }).click();
  const input = page.getByLabel("Run name");
  await expect(input).toHaveValue("keep-me");
  await input.fill("something else");
  await input.press("Escape");
  await expect(input).toHaveCount(0);
  await expect(page.getByTestId("run-title")).toHaveText("keep-me");

  await page.getByRole("button", { name: "Rename run" }).click();
  await page.getByLabel("Run name").fill("   ");
  await page.getByLabel("Run name").press("Enter");
  await expect(page.getByRole("alert")).toHaveText("A run name cannot be empty.");
  await expect(page.getByLabel("Run name")).toBeVisible();
  await page.getByLabel("Run name").press("Escape");
  await expect(page.getByTestId("run-title")).toHaveText("keep-me");
  expect(updates).toEqual([]);
  expect((await serverRun(runId)).info.run_name).toBe("keep-me");
});

test("a refused rename puts the old name back and shows the server's message", async ({ page }) => {
  const { url } = await newRun("stays");
  await page.goto(url);
  let release: () => void = () => undefined;
  const held = new Promise<void>((resolve) => (release = resolve));
  await page.route("**/mlflow/runs/update", async (route) => {
    // Held until the optimistic name has been seen, then refused as MLflow refuses.
    await held;
    await route.fulfill({ status: 400, contentType: "application/json", body: JSON.stringify({ error_code: "INVALID_PARAMETER_VALUE", message: "Run names are frozen today." }) });
  });
  await rename(page, "not-allowed");
  await expect(page.getByTestId("run-title")).toHaveText("not-allowed");
  release();
  await expect(page.getByTestId("rename-error")).toContainText("Run names are frozen today.");
  await expect(page.getByTestId("run-title")).toHaveText("stays");
});

test("renaming a run deleted behind the page's back fails with the server's reason", async ({ page }) => {
  const { runId, url } = await newRun("deleted-elsewhere");
  await page.goto(url);
  await expect(page.getByTestId("run-title")).toHaveText("deleted-elsewhere");
  await api.call("deleteRun", { run_id: runId });
  await rename(page, "too-late");
  await expect(page.getByTestId("rename-error")).toContainText("must be in the 'active' state");
  await expect(page.getByTestId("run-title")).toHaveText("deleted-elsewhere");
  // The refetch after the failure shows the run deleted, and a deleted run offers no Rename.
  await expect(page.getByTestId("deleted-run-banner")).toBeVisible();
  await expect(page.getByRole("button", { name: "Rename run" })).toHaveCount(0);
});

test("a long unbroken run name wraps inside the window, with the whole name in its tooltip", async ({ page }) => {
  const long = `run_${"x".repeat(240)}_end`;
  const { url } = await newRun(long);
  for (const width of [1440, 900]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(url);
    const title = page.getByTestId("run-title");
    await expect(title).toHaveAttribute("title", long);
    const box = await title.boundingBox();
    expect(box).not.toBeNull();
    expect((box?.x ?? 0) + (box?.width ?? 0)).toBeLessThanOrEqual(width);
    // Nothing scrolls sideways, and the Rename button is still on screen.
    expect(await page.locator(".page-scroll").evaluate((el) => el.scrollWidth <= el.clientWidth)).toBe(true);
    const button = await page.getByRole("button", { name: "Rename run" }).boundingBox();
    expect((button?.x ?? Infinity) + (button?.width ?? 0)).toBeLessThanOrEqual(width);
    if (SHOTS) await page.screenshot({ path: `${SHOTS}/long-title-${width}.png` });
  }
});

test("adding a tag whose key exists asks before replacing it", async ({ page }) => {
  const { runId, url } = await newRun();
  await page.goto(url);
  await page.getByLabel("New tag key").fill("stage");
  await page.getByLabel("New tag value").fill("production");
  await page.getByRole("button", { name: "Add tag" }).click();
  await expect(page.getByTestId("replace-tag-notice")).toContainText("stage already exists: this replaces 'baseline'");
  expect(await tagValue(runId, "stage")).toBe("baseline");

  // Cancel keeps the old value; a changed key drops the question.
  await page.getByRole("button", { name: "Cancel", exact: true }).click();
  await expect(page.getByTestId("replace-tag-notice")).toHaveCount(0);
  await page.getByRole("button", { name: "Add tag" }).click();
  await expect(page.getByTestId("replace-tag-notice")).toBeVisible();
  // Escape backs out too, keeping what was typed.
  await page.getByLabel("New tag value").press("Escape");
  await expect(page.getByTestId("replace-tag-notice")).toHaveCount(0);
  await expect(page.getByLabel("New tag value")).toHaveValue("production");
  await page.getByRole("button", { name: "Add tag" }).click();
  await expect(page.getByTestId("replace-tag-notice")).toBeVisible();
  await page.getByRole("button", { name: "Replace value" }).click();
  await expect(page.getByTestId("replace-tag-notice")).toHaveCount(0);
  await expect(page.getByTestId("user-tags").locator('[data-tag-key="stage"]')).toContainText("production");
  await expect.poll(() => tagValue(runId, "stage")).toBe("production");
  await expect(page.getByLabel("New tag key")).toHaveValue("");
});

test("a deleted tag can be put back with Undo", async ({ page }) => {
  const { runId, url } = await newRun();
  await page.goto(url);
  const row = page.getByTestId("user-tags").locator('[data-tag-key="stage"]');
  await page.getByRole("button", { name: "Delete tag stage" }).click();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId("deleted-tag-notice")).toContainText("Deleted tag stage");
  await expect.poll(() => tagValue(runId, "stage")).toBeUndefined();

  await page.getByTestId("deleted-tag-notice").getByRole("button", { name: "Undo" }).click();
  await expect(page.getByTestId("deleted-tag-notice")).toHaveCount(0);
  await expect(row).toContainText("baseline");
  await expect.poll(() => tagValue(runId, "stage")).toBe("baseline");

  // Dismissed, the notice goes and the delete stands.
  await page.getByRole("button", { name: "Delete tag stage" }).click();
  await page.getByTestId("deleted-tag-notice").getByRole("button", { name: "Dismiss" }).click();
  await expect(page.getByTestId("deleted-tag-notice")).toHaveCount(0);
  await expect.poll(() => tagValue(runId, "stage")).toBeUndefined();
});

test("the run id is copied with one click", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const { runId, url } = await newRun();
  await page.goto(url);
  const copy = page.getByRole("button", { name: "Copy run ID" });
  await copy.click();
  await expect(copy).toHaveText("Copied");
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(runId);
  await expect(copy).toHaveText("Copy");
});

test("a run opened under the wrong experiment moves to its own, replacing the history entry", async ({ page }) => {
  const home = await newRun("lives-in-first");
  const other = await createExperiment();
  await page.goto("/experiments");
  await page.goto(`/experiments/${other.id}/runs/${home.runId}#tags`);
  await expect(page).toHaveURL(new RegExp(`/experiments/${home.experiment.id}/runs/${home.runId}#tags$`));
  const crumbs = page.getByRole("navigation", { name: "Breadcrumbs" });
  await expect(crumbs.getByRole("link", { name: home.experiment.name })).toHaveAttribute("href", new RegExp(`/experiments/${home.experiment.id}/runs`));
  await expect(crumbs).not.toContainText(other.name);
  await page.goBack();
  await expect(page).toHaveURL(/\/experiments$/);
});
