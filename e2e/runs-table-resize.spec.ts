import { expect, test, type Page } from "@playwright/test";
import { createExperiment, seedRunTree } from "./support/generators.js";
import { recordRunSearches } from "./support/network.js";
import { boxWidth, cell, dragColumnEdge, firstVisibleRunName, headerCell, resizeHandle, runRow } from "./support/runs-table.js";

/**
 * Column resizing, and the table's view kept per history entry. One experiment of 600 runs: 200 top
 * level runs with two children each, so collapsed the table is 200 rows tall, and its runs fill
 * exactly three pages (100 + 250 + 250): MLflow then hands out a token with the last page as well.
 */
let experimentId = "";

test.beforeAll(async () => {
  test.setTimeout(180_000);
  experimentId = (await createExperiment()).id;
  const runs = await seedRunTree(experimentId, { roots: 200, fanout: 2, depth: 1 });
  expect(runs).toHaveLength(600);
});

const runsUrl = (query = "") => `/experiments/${experimentId}/runs${query ? `?${query}` : ""}`;
const grid = (page: Page) => page.getByTestId("runs-grid");
/** A page of the table's own search, not the batched fetch of ancestors by id. */
const ownSearch = (body: Record<string, unknown>) => !(typeof body.filter === "string" && body.filter.includes("run_id IN"));

test("dragging a header's edge resizes the column, keeps it in the URL and does not sort", async ({ page }) => {
  await page.goto(runsUrl("c=metrics.loss"));
  const header = headerCell(page, "metrics.loss");
  await expect(header).toBeVisible();
  const before = await boxWidth(header);
  expect(before).toBe(120);

  await dragColumnEdge(page, "metrics.loss", 100);
  await expect(page).toHaveURL(/[?&]w=220\.metrics\.loss(&|$)/);
  expect(await boxWidth(header)).toBe(220);
  expect(await boxWidth(cell(runRow(page, "root-00"), "metrics.loss"))).toBe(220);
  await expect(resizeHandle(page, "metrics.loss")).toHaveAttribute("aria-valuenow", "220");
  // The drag ended over the header's own sort button: no sort.
  await dragColumnEdge(page, "metrics.loss", -60);
  await expect(page).toHaveURL(/[?&]w=160\.metrics\.loss(&|$)/);
  await expect(header).toHaveAttribute("aria-sort", "none");
  expect(page.url()).not.toContain("sort=");
  // A click of its own still sorts.
  await header.getByRole("button").click();
  await expect(header).toHaveAttribute("aria-sort", "ascending");

  await page.reload();
  await expect(header).toBeVisible();
  expect(await boxWidth(header)).toBe(160);
  expect(await boxWidth(cell(runRow(page, "root-00"), "metrics.loss"))).toBe(160);
});

test("the pinned name column resizes too, and the columns after it move along", async ({ page }) => {
  await page.goto(runsUrl());
  const status = headerCell(page, "attributes.status");
  await expect(status).toBeVisible();
  const x = (await status.boundingBox())?.x ?? 0;
  await dragColumnEdge(page, "attributes.run_name", 150);
  await expect(page).toHaveURL(/[?&]w=430\.attributes\.run_name(&|$)/);
  expect(await boxWidth(headerCell(page, "attributes.run_name"))).toBe(430);
  expect(await boxWidth(runRow(page, "root-00").getByRole("gridcell").nth(1))).toBe(430);
  expect((await status.boundingBox())?.x).toBe(x + 150);
  expect((await cell(runRow(page, "root-00"), "attributes.status").boundingBox())?.x).toBe(x + 150);
});

test("a resize handle works from the keyboard, within 56–800 px, and a double-click restores the default", async ({ page }) => {
  await page.goto(runsUrl());
  const handle = resizeHandle(page, "attributes.status");
  await expect(handle).toHaveAttribute("aria-orientation", "vertical");
  await expect(handle).toHaveAttribute("aria-valuenow", "104");
  await handle.focus();
  await page.keyboard.press("ArrowRight");
  await expect(handle).toHaveAttribute("aria-valuenow", "120");
  await page.keyboard.press("Shift+ArrowRight");
  await expect(handle).toHaveAttribute("aria-valuenow", "184");
  await page.keyboard.press("ArrowLeft");
  await expect(handle).toHaveAttribute("aria-valuenow", "168");
  await expect(page).toHaveURL(/[?&]w=168\.attributes\.status(&|$)/);
  expect(await boxWidth(headerCell(page, "attributes.status"))).toBe(168);
  await expect(handle).toBeFocused();
  for (let i = 0; i < 4; i++) await page.keyboard.press("Shift+ArrowLeft");
  await expect(handle).toHaveAttribute("aria-valuenow", "56");
  await expect(page).toHaveURL(/[?&]w=56\.attributes\.status(&|$)/);

  await handle.dblclick();
  await expect(handle).toHaveAttribute("aria-valuenow", "104");
  expect(page.url()).not.toContain("w=");
  expect(page.url()).not.toContain("sort=");

  // Enter on a focused handle is not the table's "open the active run".
  await page.keyboard.press("j");
  await handle.focus();
  const before = page.url();
  await page.keyboard.press("Enter");
  await page.waitForTimeout(300);
  expect(page.url()).toBe(before);
});

test("Back from a run shows the table as it was left: scroll offsets, open trees, cursor row; a reload too", async ({ page }) => {
  // Wide enough to scroll sideways.
  await page.goto(runsUrl("c=metrics.loss&c=metrics.accuracy&c=params.lr&c=tags.team&w=600.attributes.run_name"));
  await expect(runRow(page, "root-00")).toBeVisible();
  // Far down: rows 150 on, which come with the second page; their children with the third.
  const expander = page.getByRole("button", { name: "Expand root-153", exact: true });
  await expect(async () => {
    await grid(page).evaluate((el) => {
      el.scrollTop = 150 * 30 + 11;
      el.scrollLeft = 90;
    });
    await expect(expander).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expander.click();
  await expect(runRow(page, "root-153.1")).toBeVisible();
  await cell(runRow(page, "root-155"), "attributes.duration").click();
  await expect(runRow(page, "root-155")).toHaveClass(/is-active/);
  const first = await firstVisibleRunName(page);
  expect(first).toMatch(/^root-1[45]\d$/);
  const offsets = await grid(page).evaluate((el) => [el.scrollTop, el.scrollLeft]);

  await page.keyboard.press("Enter");
  await expect(page).toHaveURL(/\/runs\/[0-9a-f]+/);
  await page.goBack();
  await expect(runRow(page, "root-153.1")).toBeVisible();
  expect(await firstVisibleRunName(page)).toBe(first);
  expect(await grid(page).evaluate((el) => [el.scrollTop, el.scrollLeft])).toEqual(offsets);
  await expect(runRow(page, "root-153")).toHaveAttribute("aria-expanded", "true");
  await expect(runRow(page, "root-155")).toHaveClass(/is-active/);
  await expect(page.locator(".grid-row.is-active")).toHaveCount(1);

  // A reload of the entry starts with one page of runs: pages load until the row is in reach again.
  const searches = recordRunSearches(page);
  await page.reload();
  await expect(runRow(page, "root-153.1")).toBeVisible();
  expect(await firstVisibleRunName(page)).toBe(first);
  expect(await grid(page).evaluate((el) => [el.scrollTop, el.scrollLeft])).toEqual(offsets);
  await expect(runRow(page, "root-155")).toHaveClass(/is-active/);
  expect(searches.bodies.filter((b) => ownSearch(b) && b.page_token === undefined).length).toBe(1);

  // A new visit of the same URL is a new entry: it starts at the top, trees closed, no cursor.
  await page.goto(page.url());
  await expect(runRow(page, "root-00")).toBeVisible();
  expect(await grid(page).evaluate((el) => el.scrollTop)).toBe(0);
  await expect(page.locator(".grid-row.is-active")).toHaveCount(0);
});

test("Back from a sort change shows the unsorted table as it was; selection clicks keep no views", async ({ page }) => {
  await page.goto(runsUrl("c=metrics.loss"));
  const expander = page.getByRole("button", { name: "Expand root-52", exact: true });
  await expect(async () => {
    await grid(page).evaluate((el) => (el.scrollTop = 50 * 30));
    await expect(expander).toBeVisible({ timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  await expander.click();
  const first = await firstVisibleRunName(page);
  await headerCell(page, "metrics.loss").getByRole("button").click();
  await expect(page).toHaveURL(/sort=metrics\.loss/);
  await expect(headerCell(page, "metrics.loss")).toHaveAttribute("aria-sort", "ascending");

  await page.goBack();
  await expect(headerCell(page, "metrics.loss")).toHaveAttribute("aria-sort", "none");
  await expect(runRow(page, "root-52.1")).toBeVisible();
  expect(await firstVisibleRunName(page)).toBe(first);

  const stored = () => page.evaluate(() => (JSON.parse(sessionStorage.getItem("tracklet.runs-table.views") ?? "[]") as unknown[]).length);
  const before = await stored();
  for (const name of ["root-52", "root-53", "root-54"]) await runRow(page, name).getByRole("checkbox").click();
  await expect(page).toHaveURL(/sel=/);
  expect(await stored()).toBe(before);
});

test("at the end of the runs the footer gives their number alone, after MLflow's empty last page", async ({ page }) => {
  const searches = recordRunSearches(page);
  await page.goto(runsUrl());
  await expect(runRow(page, "root-00")).toBeVisible();
  const status = page.getByTestId("runs-status");
  // Scroll to the end until no more rows come.
  await expect(async () => {
    await grid(page).evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect(status).toHaveText("600 runs", { timeout: 1000 });
  }).toPass({ timeout: 20_000 });
  // Three full pages, each with a token, then the empty page that ends it.
  const pages = searches.bodies.filter(ownSearch);
  expect(pages.map((b) => b.page_token !== undefined)).toEqual([false, true, true, true]);
  await page.waitForTimeout(1500);
  await expect(status).toHaveText("600 runs");
  await expect(status).toHaveAttribute("data-state", "complete");
  await expect(status).toHaveAttribute("data-loaded", "600");
});

test("while more may come the footer says how many are loaded; a page that failed, with a Retry that asks for it again", async ({ page }) => {
  let fail = true;
  await page.route("**/runs/search", async (route) => {
    const body = route.request().postDataJSON() as { page_token?: string } | null;
    if (fail && body?.page_token !== undefined) return route.fulfill({ status: 503, json: { error_code: "TEMPORARILY_UNAVAILABLE", message: "try later" } });
    return route.continue();
  });
  await page.goto(runsUrl());
  const status = page.getByTestId("runs-status");
  // The second page comes by itself, and fails (after the query's own retries).
  await expect(status).toHaveAttribute("data-state", "failed", { timeout: 15_000 });
  await expect(status).toHaveText("100 runs loaded · could not load more · Retry");
  await expect(status).toHaveAttribute("data-loaded", "100");
  fail = false;
  await status.getByRole("button", { name: "Retry loading more runs" }).click();
  await expect(status).toHaveAttribute("data-loaded", "350");
  await expect(status).toHaveText("350 runs loaded · scroll for more");
  await expect(status).toHaveAttribute("data-state", "more");
});
