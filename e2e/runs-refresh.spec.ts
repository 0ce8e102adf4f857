import { expect, test } from "@playwright/test";
import { createExperiment, createRun, endRun, mapLimit, uniqueName } from "./support/generators.js";
import { recordRunSearches } from "./support/network.js";
import { cell, firstVisibleRunName, runRow, runRows } from "./support/runs-table.js";

/** The table's own searches, not the re-reads of runs by id. */
const ownSearch = (body: Record<string, unknown>) => !(typeof body.filter === "string" && body.filter.includes("run_id IN"));

test("Refresh brings in a run created meanwhile, from the keyboard too, without a loading state or losing the selection", async ({ page }) => {
  const experiment = await createExperiment();
  await createRun(experiment.id, { name: "first", startTime: 1_700_000_000_000 });
  await page.goto(`/experiments/${experiment.id}/runs`);
  await expect(runRow(page, "first")).toBeVisible();
  await runRow(page, "first").getByRole("checkbox").click();
  await expect(page.getByTestId("selection-count")).toHaveText("1 selected");

  await createRun(experiment.id, { name: "second", startTime: 1_700_000_100_000 });
  const refresh = page.getByRole("button", { name: "Refresh runs" });
  await refresh.focus();
  await page.keyboard.press("Enter");
  await expect(runRow(page, "second")).toBeVisible();
  await expect(runRows(page)).toHaveCount(2);
  // The rows stayed on screen while the search was sent again: no skeleton, and the selection holds.
  await expect(page.getByRole("status", { name: "Loading runs" })).toHaveCount(0);
  await expect(page.getByTestId("selection-count")).toHaveText("1 selected");
  await expect(runRow(page, "first").getByRole("checkbox")).toBeChecked();
  await expect(refresh).toBeFocused();
});

test("a Refresh the server does not answer says so at its first retry, keeps the rows, and recovers", async ({ page }) => {
  const experiment = await createExperiment();
  await createRun(experiment.id, { name: "kept", startTime: 1_700_000_000_000 });
  await page.goto(`/experiments/${experiment.id}/runs`);
  await expect(runRow(page, "kept")).toBeVisible();
  await page.route("**/runs/search", (route) => route.fulfill({ status: 503, contentType: "text/plain", body: "Service Unavailable" }));
  const refresh = page.getByRole("button", { name: "Refresh runs" });
  await refresh.click();
  // The first retry comes a second after the failure: the button says so then, not after the last try.
  await expect(refresh).toHaveText(/No answer, retrying…/, { timeout: 2500 });
  await expect(runRow(page, "kept")).toBeVisible();
  await page.unroute("**/runs/search");
  await expect(refresh).toHaveText(/^↻\s*Refresh$/);
  await expect(runRow(page, "kept")).toBeVisible();
});

test("while a run is RUNNING the table refreshes itself every 30 s and shows it finished, then stops", async ({ page }) => {
  await page.clock.install();
  const experiment = await createExperiment();
  const running = await createRun(experiment.id, { name: "training", status: "RUNNING" });
  await page.goto(`/experiments/${experiment.id}/runs`);
  await expect(cell(runRow(page, "training"), "attributes.status")).toContainText(/running/i);
  const searches = recordRunSearches(page);

  await endRun(running.info.run_id);
  await page.clock.fastForward(31_000);
  await expect(cell(runRow(page, "training"), "attributes.status")).toContainText(/finished/i);
  const after = searches.bodies.filter(ownSearch).length;
  expect(after).toBeGreaterThanOrEqual(1);
  // Nothing is live any more: no more automatic refreshes.
  await page.clock.fastForward(65_000);
  await page.waitForTimeout(500);
  expect(searches.bodies.filter(ownSearch).length).toBe(after);
});

test("coming back to the tab refetches the runs and the experiments list", async ({ page }) => {
  await page.clock.install();
  const experiment = await createExperiment();
  await createRun(experiment.id, { name: "before" });
  await page.goto(`/experiments/${experiment.id}/runs`);
  await expect(runRow(page, "before")).toBeVisible();
  await createRun(experiment.id, { name: "after", startTime: 1_700_000_500_000 });
  await page.clock.fastForward(6_000);
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange", { bubbles: true })));
  await expect(runRow(page, "after")).toBeVisible();

  const prefix = uniqueName("focus");
  await createExperiment(`${prefix}-a`);
  await page.goto(`/experiments?q=${prefix}`);
  await expect(page.getByTestId("experiment-count")).toHaveText(/^1 of /);
  await createExperiment(`${prefix}-b`);
  await page.clock.fastForward(6_000);
  await page.evaluate(() => document.dispatchEvent(new Event("visibilitychange", { bubbles: true })));
  await expect(page.getByTestId("experiment-count")).toHaveText(/^2 of /);
  // And the list has a Refresh of its own.
  await expect(page.getByRole("button", { name: "Refresh experiments" })).toBeEnabled();
});

test("with more than two pages loaded, the beat re-reads only the running runs by id", async ({ page }) => {
  test.setTimeout(120_000);
  await page.clock.install();
  const experiment = await createExperiment();
  await mapLimit(
    Array.from({ length: 360 }, (_, i) => i),
    8,
    (i) => createRun(experiment.id, { name: `done-${String(i).padStart(3, "0")}`, startTime: 1_700_000_000_000 + i * 1000 }),
  );
  const running = await createRun(experiment.id, { name: "live", status: "RUNNING", startTime: 1_800_000_000_000 });
  await page.goto(`/experiments/${experiment.id}/runs`);
  await expect(cell(runRow(page, "live"), "attributes.status")).toContainText(/running/i);
  const status = page.getByTestId("runs-status");
  await expect(async () => {
    await page.getByTestId("runs-grid").evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(status).toHaveAttribute("data-loaded", "361", { timeout: 1000 });
  }).toPass({ timeout: 30_000 });
  await page.getByTestId("runs-grid").evaluate((el) => (el.scrollTop = 0));
  const searches = recordRunSearches(page);

  await endRun(running.info.run_id);
  await page.clock.fastForward(31_000);
  await expect(cell(runRow(page, "live"), "attributes.status")).toContainText(/finished/i);
  expect(searches.bodies.filter(ownSearch)).toEqual([]);
  expect(searches.bodies.map((b) => b.filter)).toEqual([`attributes.run_id IN ('${running.info.run_id}')`]);
  await expect(status).toHaveAttribute("data-loaded", "361");
});

test("a run arriving at the top on Refresh does not move a table scrolled down", async ({ page }) => {
  test.setTimeout(90_000);
  const experiment = await createExperiment();
  await mapLimit(
    Array.from({ length: 120 }, (_, i) => i),
    8,
    (i) => createRun(experiment.id, { name: `run-${String(i).padStart(3, "0")}`, startTime: 1_700_000_000_000 + i * 1000 }),
  );
  await page.goto(`/experiments/${experiment.id}/runs`);
  await expect(page.getByTestId("runs-status")).toHaveAttribute("data-state", "complete", { timeout: 15_000 });
  await page.getByTestId("runs-grid").evaluate((el) => (el.scrollTop = 60 * 30 + 7));
  await page.waitForTimeout(200);
  const first = await firstVisibleRunName(page);
  const top = await page.getByTestId("runs-grid").evaluate((el) => el.scrollTop);

  await createRun(experiment.id, { name: "newest", startTime: 1_800_000_000_000 });
  await page.getByRole("button", { name: "Refresh runs" }).click();
  await expect(page.getByTestId("runs-status")).toHaveAttribute("data-loaded", "121");
  expect(await firstVisibleRunName(page)).toBe(first);
  expect(await page.getByTestId("runs-grid").evaluate((el) => el.scrollTop)).toBe(top + 30);
  await page.getByTestId("runs-grid").evaluate((el) => (el.scrollTop = 0));
  await expect(runRow(page, "newest")).toBeVisible();
});
