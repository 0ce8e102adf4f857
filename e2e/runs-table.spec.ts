import { expect, test } from "@playwright/test";
import { SystemTags } from "../src/core/index.js";
import { api } from "./support/api.js";
import { createExperiment, seedRunTree, type SeededRun } from "./support/generators.js";
import { recordRunSearches } from "./support/network.js";
import { applyFilter, cell, renderedRunNames, runRow, runRows, scrollToRow, waitAllLoaded } from "./support/runs-table.js";

/**
 * One 300-run experiment (20 roots, each with children three levels deep) shared by the tests of this
 * file; they only read it. Tests that need the server's filter or order_by say so in their title.
 */
let experimentId = "";
let runs: SeededRun[] = [];

test.beforeAll(async () => {
  test.setTimeout(120_000);
  experimentId = (await createExperiment()).id;
  runs = await seedRunTree(experimentId, { roots: 20, fanout: 2, depth: 3 });
  expect(runs).toHaveLength(300);
});

const runsUrl = (query = "") => `/experiments/${experimentId}/runs${query ? `?${query}` : ""}`;

/** Every run name in the server's order for `orderBy`, and the root names of the families in the order
 * the table's top level shows them: each family where its first run in that order is. */
async function serverOrder(orderBy: string): Promise<{ runs: string[]; families: string[] }> {
  const all: { id: string; name: string; parent: string | undefined }[] = [];
  let pageToken: string | undefined;
  do {
    const page = await api.call("searchRuns", { experiment_ids: [experimentId], order_by: [orderBy], max_results: 1000, ...(pageToken ? { page_token: pageToken } : {}) });
    for (const r of page.runs ?? []) all.push({ id: r.info.run_id, name: r.info.run_name, parent: r.data.tags.find((t) => t.key === SystemTags.PARENT_RUN_ID)?.value });
    pageToken = page.runs?.length ? page.next_page_token : undefined;
  } while (pageToken);
  const byId = new Map(all.map((r) => [r.id, r]));
  const rootName = (run: (typeof all)[number]): string => {
    const parent = run.parent === undefined ? undefined : byId.get(run.parent);
    return parent ? rootName(parent) : run.name;
  };
  return { runs: all.map((r) => r.name), families: [...new Set(all.map(rootName))] };
}

test("the tree of child runs expands and collapses, three levels deep", async ({ page }) => {
  await page.goto(runsUrl());
  await waitAllLoaded(page);
  await expect(page.getByTestId("runs-status")).toHaveAttribute("data-loaded", "300");
  // Collapsed: only the 20 roots.
  await expect(runRows(page)).toHaveCount(20);
  await expect(runRow(page, "root-00.0")).toHaveCount(0);

  await page.getByRole("button", { name: "Expand root-00", exact: true }).click();
  await expect(runRow(page, "root-00.0")).toHaveAttribute("aria-level", "2");
  await page.getByRole("button", { name: "Expand root-00.0", exact: true }).click();
  await page.getByRole("button", { name: "Expand root-00.0.1", exact: true }).click();
  await expect(runRow(page, "root-00.0.1.0")).toHaveAttribute("aria-level", "4");
  await expect(runRow(page, "root-00.0.1.1")).toBeVisible();
  await expect(runRows(page)).toHaveCount(20 + 2 + 2 + 2);

  await page.getByRole("button", { name: "Collapse root-00", exact: true }).click();
  await expect(runRows(page)).toHaveCount(20);
  // Expanding again restores the inner state; "Expand all" opens every level.
  await page.getByRole("button", { name: "Expand root-00", exact: true }).click();
  await expect(runRow(page, "root-00.0.1.0")).toBeVisible();
  await page.getByRole("button", { name: "Collapse all" }).click();
  await expect(runRows(page)).toHaveCount(20);
});

test("sorting by a metric follows the server's order (needs server order_by)", async ({ page }) => {
  await page.goto(runsUrl());
  await page.getByRole("button", { name: "Columns" }).click();
  await page.getByLabel("Search column keys").fill("los");
  const lossBox = page.getByRole("dialog", { name: "Choose columns" }).getByLabel("loss");
  // Every run logs loss, so it is one of a fresh table's default columns (default-columns.ts).
  await expect(lossBox).toBeChecked();
  await page.keyboard.press("Escape");
  await page.getByRole("columnheader", { name: /loss/ }).getByRole("button").click();
  await expect(page).toHaveURL(/sort=metrics\.loss(&|$)/);
  await expect(page.getByRole("columnheader", { name: /loss/ })).toHaveAttribute("aria-sort", "ascending");
  // The sorted header says why a parent may sit above runs its own value would put it below.
  await expect(page.getByRole("columnheader", { name: /loss/ })).toHaveAttribute("title", /^metrics\.loss, ascending\n.*best-ranked run of its family/);
  // Sorted, the pages load on by themselves so every family is whole.
  await waitAllLoaded(page);
  for (const direction of ["ASC", "DESC"] as const) {
    const order = await serverOrder(`metrics.\`loss\` ${direction}`);
    // Opened under the sort: the best run is on screen at once, under its ancestors, which are real
    // (selectable) runs, not placeholders.
    const shown = await renderedRunNames(page);
    expect(shown.slice(0, 4)).toContain(order.runs[0]);
    await expect(page.locator('[data-testid="run-row"][data-context]')).toHaveCount(0);
    // A link to the same view shows the same table as the header click did.
    await page.reload();
    await waitAllLoaded(page);
    expect(await renderedRunNames(page)).toEqual(shown);
    await page.getByRole("button", { name: "Collapse all" }).click();
    expect(await renderedRunNames(page, { topLevelOnly: true })).toEqual(order.families);
    if (direction === "ASC") {
      await page.getByRole("columnheader", { name: /loss/ }).getByRole("button").click();
      await expect(page).toHaveURL(/sort=-metrics\.loss/);
      await waitAllLoaded(page);
    }
  }
});

test("a sort loads the pages by itself, so every parent shows its expander and child count (needs server order_by)", async ({ page }) => {
  // Sorted by a param, a family's runs are spread over all the pages: without them a root shows no
  // expander, and "Expand all" is missing, until the user has scrolled to the end.
  await page.goto(runsUrl("sort=params.lr&c=params.lr"));
  await waitAllLoaded(page);
  await expect(page.getByTestId("runs-status")).toHaveAttribute("data-loaded", "300");
  await page.getByRole("button", { name: "Collapse all" }).click();
  await expect(runRows(page)).toHaveCount(20);
  await expect(runRow(page, "root-00").locator(".child-count")).toHaveText("2");
});

test("a tag filter typed in the box narrows the table and the URL, keeping ancestors (needs server filter)", async ({ page }) => {
  await page.goto(runsUrl("c=tags.team"));
  await waitAllLoaded(page);
  await applyFilter(page, "tags.team = 'nlp'");
  await expect(page).toHaveURL(/filter=tags\.team\+%3D\+%27nlp%27|filter=tags.team%20%3D%20'nlp'/);
  await waitAllLoaded(page);
  await expect(page.getByTestId("runs-status")).toHaveAttribute("data-loaded", "100");
  // Matches are expanded under their ancestors; ancestors that do not match are shown as context.
  const matches = runRows(page).and(page.locator(":not([data-context])"));
  for (const team of await cell(matches, "tags.team").allTextContents()) expect(team).toBe("nlp");
  await expect(page.locator('[data-testid="run-row"][data-context]').first()).toBeVisible();
  const deepMatch = runs.find((r) => r.team === "nlp" && r.depth === 3 && runs.find((p) => p.id === r.parentId)?.team !== "nlp");
  if (!deepMatch) throw new Error("seed has no nlp leaf under a non-nlp parent");
  await expect(await scrollToRow(page, deepMatch.name)).toHaveAttribute("aria-level", "4");
});

test("clicking a tag cell adds it to the filter (needs server filter)", async ({ page }) => {
  await page.goto(runsUrl("c=tags.team"));
  await cell(runRow(page, "root-01"), "tags.team").getByRole("button").click();
  await expect(page.getByLabel("Filter runs")).toHaveValue("tags.`team` = 'nlp'");
  await expect(page).toHaveURL(/filter=/);
  await waitAllLoaded(page);
  await expect(page.getByTestId("runs-status")).toHaveAttribute("data-loaded", "100");
  // The same value again adds nothing: the filter already requires it.
  const url = page.url();
  await cell(runRow(page, "root-01"), "tags.team").getByRole("button").click();
  await expect(page.getByLabel("Filter runs")).toHaveValue("tags.`team` = 'nlp'");
  expect(page.url()).toBe(url);
});

test("reloading the URL restores filter, sort, columns, selection and view type (needs server filter and order_by)", async ({ page }) => {
  await page.goto(runsUrl("c=tags.team&c=metrics.loss"));
  await applyFilter(page, "tags.team = 'speech'");
  await page.getByRole("columnheader", { name: /loss/ }).getByRole("button").click();
  await page.getByRole("group", { name: "Run lifecycle" }).getByRole("button", { name: "All" }).click();
  await waitAllLoaded(page);
  const first = runRows(page).and(page.locator(":not([data-context])")).first();
  await first.getByRole("checkbox").check();
  await expect(page.getByTestId("selection-count")).toHaveText("1 selected");
  await expect(page).toHaveURL(/sel=/);
  const url = page.url();
  const before = await renderedRunNames(page);

  await page.reload();
  await waitAllLoaded(page);
  expect(page.url()).toBe(url);
  await expect(page.getByLabel("Filter runs")).toHaveValue("tags.team = 'speech'");
  await expect(page.getByRole("columnheader", { name: /loss/ })).toHaveAttribute("aria-sort", "ascending");
  await expect(page.getByRole("columnheader", { name: /team/ })).toBeVisible();
  await expect(page.getByRole("group", { name: "Run lifecycle" }).getByRole("button", { name: "All" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("selection-count")).toHaveText("1 selected");
  expect(await renderedRunNames(page)).toEqual(before);
});

test("an invalid filter shows an inline error at its position and sends nothing", async ({ page }) => {
  await page.goto(runsUrl());
  await waitAllLoaded(page);
  const searches = recordRunSearches(page);

  await applyFilter(page, "tags.team == 'nlp'");
  await expect(page.getByTestId("filter-error")).toBeVisible();
  await expect(page.getByTestId("filter-error")).toHaveAttribute("role", "alert");
  await expect(page.getByTestId("filter-error-mark")).toHaveText("==");

  await applyFilter(page, "tags.team = 'nlp' AND metrics.loss <");
  await expect(page.getByTestId("filter-error")).toHaveAttribute("role", "alert");
  await page.getByRole("button", { name: "Apply" }).click();

  await expect(page).not.toHaveURL(/filter=/);
  await expect(runRows(page)).toHaveCount(20);

  // A hand-edited link with an invalid filter is refused the same way.
  await page.goto(runsUrl(new URLSearchParams({ filter: "metrics.loss < 'x' OR" }).toString()));
  await expect(page.getByRole("alert").filter({ hasText: "no search was sent" })).toBeVisible();
  await expect(page.getByLabel("Filter runs")).toHaveValue("metrics.loss < 'x' OR");
  expect(searches.bodies.filter((b) => typeof b.filter === "string" && /==|loss </.test(b.filter))).toEqual([]);
});

test("Enter completes a half-typed word from the list but applies a finished filter; a word being typed is not an error", async ({ page }) => {
  await page.goto(runsUrl());
  await waitAllLoaded(page);
  const box = page.getByLabel("Filter runs");
  // Passing through the box with Tab leaves it as it was: the list it opens on focus is not typed into it.
  await box.focus();
  await expect(page.getByRole("option").first()).toBeVisible();
  await page.keyboard.press("Tab");
  await expect(box).not.toBeFocused();
  await expect(box).toHaveValue("");
  await box.click();
  await box.pressSequentially("met");
  // Still typing: shown as unfinished (no alert), underlined where the word is.
  await expect(page.getByTestId("filter-error")).toHaveText(/Unfinished name 'met'/);
  await expect(page.getByTestId("filter-error")).not.toHaveAttribute("role", "alert");
  await expect(page.getByTestId("filter-error-mark")).toHaveText("met");
  await expect(page.getByRole("option", { name: /metrics\./ })).toHaveAttribute("aria-selected", "true");

  await box.press("Enter");
  await expect(box).toHaveValue("metrics.");
  await expect(page).not.toHaveURL(/filter=/);
  await box.pressSequentially("los");
  await box.press("Enter");
  await expect(box).toHaveValue("metrics.loss ");
  // A finished clause: the list offers AND, and Enter applies instead.
  await box.pressSequentially("< 0.5 ");
  await expect(page.getByRole("option", { name: "AND" })).toBeVisible();
  await box.press("Enter");
  await expect(page).toHaveURL(/filter=metrics\.loss/);
  await expect(box).toHaveValue("metrics.loss < 0.5");

  // Tab completes a word being typed, and applies nothing.
  await box.fill("");
  await box.pressSequentially("tags.te");
  await page.keyboard.press("Tab");
  await expect(box).toHaveValue("tags.team ");
  await expect(box).toBeFocused();

  // A value typed to its end: Enter quotes it and applies the filter at once (Tab would only complete).
  await box.fill("");
  await box.pressSequentially("params.lr = 0.001");
  await expect(page.getByRole("option", { name: "0.001", exact: true })).toBeVisible();
  await box.press("Enter");
  await expect(page).toHaveURL(/filter=params\.lr\+%3D\+%270\.001%27|filter=params\.lr%20%3D%20%270\.001%27/);
  await expect(box).toHaveValue("params.lr = '0.001'");

  // A real mistake stays an error at once.
  await box.fill("foo");
  await expect(page.getByTestId("filter-error")).toHaveAttribute("role", "alert");
});

test("a filter that matches nothing because of a misspelt name says which name no run has, and what was meant", async ({ page }) => {
  await page.goto(runsUrl());
  await waitAllLoaded(page);
  const box = page.getByLabel("Filter runs");
  await box.fill("metrics.los < 1 AND attributes.status = 'FINSHED'");
  await box.press("Escape");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("No runs match this filter")).toBeVisible();
  await expect(page.getByTestId("filter-key-hints").locator("li")).toHaveText([
    "No run here has metrics.los: did you mean metrics.loss?",
    "No run here has attributes.status = 'FINSHED': did you mean attributes.status = 'FINISHED'?",
  ]);
  await page.screenshot({ path: "test-results/runs-table/filter-key-hints.png" });
  // Names the runs have get no hint, even when the filter matches nothing.
  await box.fill("metrics.loss < -1");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page.getByText("No runs match this filter")).toBeVisible();
  await expect(page).toHaveURL(/loss\+%3C\+-1|loss%20%3C%20-1/);
  await expect(page.getByTestId("filter-key-hints")).toHaveCount(0);
});

test("a runs link sends one search for its first 100 runs (the route's early fetch is the table's), then larger pages", async ({ page }) => {
  const searches = recordRunSearches(page);
  // In the server's default order the first page is whole subtrees, collapsed to a few rows: the table's
  // end is in view as soon as it arrives, so the next page is asked for twice at once, and sent once.
  await page.goto(runsUrl());
  await waitAllLoaded(page);
  await expect(page.getByTestId("runs-status")).toHaveAttribute("data-loaded", "300");
  // Ancestors of loaded children are fetched by id; only the pages of the table's own search count here.
  const pages = searches.bodies.filter((b) => !(typeof b.filter === "string" && b.filter.includes("run_id IN")));
  expect(pages.map((b) => ({ max_results: b.max_results, order_by: b.order_by, next: b.page_token !== undefined }))).toEqual([
    { max_results: 100, order_by: undefined, next: false },
    { max_results: 250, order_by: undefined, next: true },
  ]);
});

test("a run's name opens its page inside the app, a ctrl-click opens it in a new tab", async ({ page, context }) => {
  await page.goto(runsUrl());
  await waitAllLoaded(page);
  const link = runRow(page, "root-03").getByRole("link", { name: "root-03", exact: true });
  const newTab = context.waitForEvent("page");
  await link.click({ modifiers: ["ControlOrMeta"] });
  const tab = await newTab;
  await tab.waitForLoadState();
  expect(tab.url()).toMatch(new RegExp(`/experiments/${experimentId}/runs/[0-9a-f]{32}$`));
  await tab.close();
  await expect(page).toHaveURL(runsUrl());

  // A plain click stays in the page: no document load, so state set before the click survives.
  await page.evaluate(() => Object.assign(window, { beforeClick: true }));
  await link.click();
  await expect(page.getByTestId("run-title")).toHaveText("root-03");
  expect(await page.evaluate(() => "beforeClick" in window)).toBe(true);
});

test("a start time shows the run's age on hover", async ({ page }) => {
  await page.goto(runsUrl());
  const started = cell(runRow(page, "root-00"), "attributes.start_time").locator("time");
  await expect(started).toHaveText(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d$/);
  await started.hover();
  await expect(started).toHaveAttribute("title", /\bago$|^now$|^in /);
});

test("keyboard: / focuses the search, j/k move, x selects, Enter opens", async ({ page }) => {
  await page.goto(runsUrl());
  await waitAllLoaded(page);
  await page.keyboard.press("/");
  await expect(page.getByLabel("Filter runs")).toBeFocused();
  await page.keyboard.press("Escape");
  await page.keyboard.press("Escape");
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await page.keyboard.press("k");
  const active = page.locator(".grid-row.is-active");
  await expect(active).toHaveCount(1);
  const name = (await active.locator(".run-link").textContent()) ?? "";
  expect(name).toBe("root-00");
  await page.keyboard.press("x");
  await expect(page.getByTestId("selection-count")).toHaveText("1 selected");
  await page.keyboard.press("Enter");
  await expect(page.getByTestId("run-title")).toHaveText(name);
});

test("keyboard: j keeps the whole active row in view, below the sticky header", async ({ page }) => {
  // 90 key presses, each checked: 12–15 s on an idle 2-core machine, past 30 s on a loaded one.
  test.setTimeout(60_000);
  await page.goto(runsUrl());
  await waitAllLoaded(page);
  await page.getByRole("button", { name: "Expand all" }).click();
  const grid = page.getByTestId("runs-grid");
  const inView = () =>
    grid.evaluate((el) => {
      const row = el.querySelector(".grid-row.is-active");
      const header = el.querySelector(".grid-header");
      if (!row || !header) return false;
      const r = row.getBoundingClientRect();
      const top = header.getBoundingClientRect().bottom;
      const bottom = el.getBoundingClientRect().top + el.clientTop + el.clientHeight;
      return r.top >= top - 1 && r.bottom <= bottom + 0.5;
    });
  for (let i = 0; i < 45; i++) {
    await page.keyboard.press("j");
    expect(await inView(), `after ${i + 1} × j`).toBe(true);
  }
  for (let i = 0; i < 45; i++) await page.keyboard.press("k");
  expect(await inView()).toBe(true);
  await expect(page.locator(".grid-row.is-active .run-link")).toHaveText("root-00");
});

test("select with click, shift-click range and select-all", async ({ page }) => {
  await page.goto(runsUrl());
  await waitAllLoaded(page);
  await runRow(page, "root-02").getByRole("checkbox").click();
  await runRow(page, "root-06").getByRole("checkbox").click({ modifiers: ["Shift"] });
  await expect(page.getByTestId("selection-count")).toHaveText("5 selected");
  // Select-all takes the rows on show: the 20 roots, not the children of collapsed runs.
  await page.getByLabel("Select all shown runs").check();
  await expect(page.getByTestId("selection-count")).toHaveText("20 selected");
  await expect(page.getByRole("button", { name: "Delete 20" })).toBeVisible();
  await page.getByRole("button", { name: "Expand root-00", exact: true }).click();
  await expect(page.getByLabel("Select all shown runs")).toHaveJSProperty("indeterminate", true);
  await page.getByLabel("Select all shown runs").check();
  await expect(page.getByTestId("selection-count")).toHaveText("22 selected");
  await page.getByLabel("Select all shown runs").uncheck();
  await expect(page.getByText("Select runs to compare, delete or restore")).toBeVisible();
});
