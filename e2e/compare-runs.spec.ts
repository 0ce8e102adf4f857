import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { api } from "./support/api.js";
import { createExperiment, createRun, logMetricSeries, lossCurve, seedCompareRuns, type CompareRun } from "./support/generators.js";
import { recordRunSearches } from "./support/network.js";
import { runRow } from "./support/runs-table.js";
import { hexToRgb } from "./support/css-color.js";

const compareUrl = (runs: readonly CompareRun[], extra = "") =>
  `/compare-runs?runs=${runs.map((r) => r.id).join(",")}${runs[0] ? `&experiments=${runs[0].experimentId}` : ""}${extra}`;
const table = (page: Page) => page.getByTestId("compare-table");
const row = (page: Page, id: string) => table(page).locator(`tr[data-row="${id}"]`);
const runHeaders = (page: Page) => table(page).locator("thead th.run-head");

/**
 * Moves the mouse onto a run's piece of the parallel-coordinates plot (`piece`: a CSS selector inside
 * the run's group), at a point of it where nothing else is on top: a line's midpoint may lie under
 * another run's line or an axis title.
 */
async function hoverParallelRun(page: Page, runId: string, piece: string): Promise<{ x: number; y: number }> {
  const plot = page.getByTestId("parallel-coordinates");
  // The whole plot in view, so a page screenshot shows it with the hovered run.
  await plot.evaluate((el) => el.scrollIntoView({ block: "center" }));
  const element = plot.locator(`g.pc-run[data-run="${runId}"] ${piece}`).first();
  const point = await element.evaluate((el) => {
    const group = el.closest("g.pc-run");
    const ctm = (el as SVGGraphicsElement).getScreenCTM();
    if (!group || !ctm) return undefined;
    const screen = (x: number, y: number) => ({ x: x * ctm.a + ctm.e, y: y * ctm.d + ctm.f });
    const candidates =
      el instanceof SVGCircleElement
        ? [screen(el.cx.baseVal.value, el.cy.baseVal.value)]
        : Array.from({ length: 19 }, (_, i) => {
            const path = el as SVGPathElement;
            const p = path.getPointAtLength((path.getTotalLength() * (i + 1)) / 20);
            return screen(p.x, p.y);
          });
    return candidates.find((c) => document.elementFromPoint(c.x, c.y)?.closest("g.pc-run") === group);
  });
  if (!point) throw new Error(`no free point on ${piece} of run ${runId}`);
  await page.mouse.move(point.x, point.y);
  return point;
}

/** Every request the page sends to `path`, counted from now on. */
function countRequests(page: Page, path: string): { count: number } {
  const seen = { count: 0 };
  page.on("request", (r) => {
    if (r.url().includes(path)) seen.count += 1;
  });
  return seen;
}

test("compare 3 runs: differences, reference deltas, transpose, scatter, parallel coordinates, CSV, URL state", async ({ page }) => {
  // One long story of a user's session; on a loaded 2-core machine it needs more than the default 30 s.
  test.setTimeout(90_000);
  const experiment = await createExperiment();
  const runs = await seedCompareRuns(experiment.id, 3);
  const [first, second, third] = runs;
  if (!first || !second || !third) throw new Error("runs not seeded");
  // A formula in a tag must reach the CSV defused.
  await api.call("setTag", { run_id: first.id, key: "note", value: '=HYPERLINK("http://x","y")' });
  const searches = recordRunSearches(page);
  const gets = countRequests(page, "/mlflow/runs/get");

  await page.goto(compareUrl(runs));
  await expect(runHeaders(page)).toHaveCount(3);
  expect(searches.bodies).toHaveLength(1);
  expect(String(searches.bodies[0]?.filter)).toContain("attributes.run_id IN");
  expect(gets.count).toBe(0);

  // Only differences by default: equal params, metrics and tags are hidden, counts say how many differ.
  await expect(page.getByTestId("compare-summary")).toHaveText("3 of 5 params differ · 2 of 3 metrics differ · 2 of 3 tags differ");
  for (const id of ["params.lr", "params.batch_size", "params.activation", "metrics.loss", "metrics.accuracy", "tags.owner", "tags.note"]) await expect(row(page, id)).toBeVisible();
  for (const id of ["params.optimizer", "params.seed", "metrics.epochs", "tags.team", "tags.mlflow.user"]) await expect(row(page, id)).toHaveCount(0);
  await page.screenshot({ path: test.info().outputPath("compare-3-runs.png"), fullPage: true });

  await page.getByLabel("Only differences").uncheck();
  await expect(page).toHaveURL(/diff=0/);
  await expect(row(page, "params.optimizer")).toBeVisible();
  await expect(row(page, "params.seed")).toBeVisible();
  await expect(row(page, "tags.mlflow.user")).toHaveCount(0);
  await page.getByLabel("System tags").check();
  await expect(row(page, "tags.mlflow.user")).toHaveCount(0);
  await expect(row(page, "system.mlflow.user")).toBeVisible();

  // The first run is the reference: its header says so, metrics of the others carry deltas against it.
  await expect(runHeaders(page).first()).toContainText(first.name);
  await expect(runHeaders(page).first()).toContainText("ref");
  await expect(row(page, "metrics.loss").locator("td").nth(1)).toContainText("+0.25 (+50.0%)");
  await expect(row(page, "metrics.loss").locator("td").nth(2)).toContainText("−0.25 (−50.0%)");
  await expect(row(page, "params.lr").locator("td.changed")).toHaveCount(2);
  await expect(row(page, "params.optimizer").locator("td.changed")).toHaveCount(0);

  // Pin the third run: it moves next to the keys and deltas follow it.
  await page.getByRole("button", { name: `Use ${third.name} as reference` }).click();
  await expect(page).toHaveURL(new RegExp(`ref=${third.id}`));
  await expect(runHeaders(page).first()).toContainText(third.name);
  await expect(row(page, "metrics.loss").locator("td").nth(0)).toHaveText("0.25");
  await expect(row(page, "metrics.loss").locator("td").nth(1)).toContainText("+0.25 (+100%)");
  await expect(row(page, "metrics.loss").locator("td").nth(2)).toContainText("+0.5 (+200%)");

  // The key search narrows rows.
  await page.getByLabel("Filter keys").fill("batch");
  await expect(table(page).locator("tbody tr[data-row]")).toHaveCount(1);
  await page.getByLabel("Filter keys").fill("");

  // Scatter: one point per run; parallel coordinates: one line per run over the differing params.
  const scatter = page.getByTestId("compare-scatter");
  await expect(scatter.locator(".recharts-scatter-symbol")).toHaveCount(3);
  // Defaults: the first differing param (categorical here) against the metric most runs logged, a loss first.
  await expect(page.getByTestId("scatter-section").getByLabel("X axis")).toHaveValue("params.activation");
  await expect(page.getByTestId("scatter-section").getByLabel("Y axis")).toHaveValue("metrics.loss");
  await expect(scatter.locator(".recharts-cartesian-axis-tick-value").filter({ hasText: "gelu" })).toBeVisible();
  await page.getByTestId("scatter-section").getByLabel("Y axis").selectOption("metrics.accuracy");
  await expect(page).toHaveURL(/y=metrics.accuracy/);
  await page.getByTestId("scatter-section").getByLabel("X axis").selectOption("params.lr");
  await expect(page).toHaveURL(/x=params.lr/);
  await expect(scatter.locator(".recharts-cartesian-axis-tick-value").filter({ hasText: "gelu" })).toHaveCount(0);
  await expect(scatter.locator(".recharts-scatter-symbol")).toHaveCount(3);
  // lr 0.001, 0.01, 0.1: a geometric sweep, drawn on log axes that say so.
  await expect(scatter.getByText("lr (log)")).toBeVisible();
  for (const tick of ["0.001", "0.01", "0.1"]) await expect(scatter.locator(".recharts-cartesian-axis-tick-value").getByText(tick, { exact: true })).toBeVisible();
  const parallel = page.getByTestId("parallel-coordinates");
  await expect(parallel.locator("path.pc-line[data-run]")).toHaveCount(3);
  await expect(parallel.locator(".pc-axis-label")).toHaveText(["activation", "batch_size", "lr (log)", "loss"]);
  await page.getByLabel("Parallel coordinates metric").selectOption("accuracy");
  await expect(page).toHaveURL(/pc=accuracy/);
  await expect(parallel.locator(".pc-axis-label").last()).toHaveText("accuracy");
  await parallel.locator(`path.pc-hit`).first().hover({ force: true });
  await expect(page.getByTestId("parallel-hovered")).toContainText("cmp-");
  // A page screenshot: an element screenshot scrolls, which moves the line away from the mouse.
  await page.screenshot({ path: test.info().outputPath("compare-parallel-hover.png") });

  // Transpose: runs become rows, keys become columns.
  await page.getByRole("button", { name: "Runs as rows" }).click();
  await expect(page).toHaveURL(/t=1/);
  await expect(table(page)).toHaveAttribute("data-orientation", "runs-as-rows");
  await expect(table(page).locator("tbody tr")).toHaveCount(3);
  await expect(table(page).locator("tbody tr").first().locator("th")).toContainText(third.name);
  await expect(table(page).locator("thead th.key-head").filter({ hasText: "lr" })).toHaveCount(1);
  await page.screenshot({ path: test.info().outputPath("compare-transposed.png"), fullPage: true });

  // CSV of the table as shown (transposed), formula defused.
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("button", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toMatch(/^compare-3-runs-\d{4}-\d{2}-\d{2}\.csv$/);
  const csv = (await readFile(await download.path(), "utf8")).replace(/^\ufeff/, "");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines).toHaveLength(4);
  const header = lines[0]?.split(",") ?? [];
  expect(header.slice(0, 2)).toEqual(["run_id", "run_name"]);
  expect(header).toContain("params.optimizer");
  expect(header).toContain("metrics.loss");
  expect(lines[1]?.startsWith(`${third.id},${third.name},`)).toBe(true);
  expect(csv).toContain(`"'=HYPERLINK(""http://x"",""y"")"`);
  expect(csv).not.toMatch(/(^|,)=HYPERLINK/m);

  // Every setting survives a reload.
  await page.reload();
  await expect(table(page)).toHaveAttribute("data-orientation", "runs-as-rows");
  await expect(table(page).locator("tbody tr").first().locator("th")).toContainText(third.name);
  await expect(page.getByLabel("Only differences")).not.toBeChecked();
  await expect(page.getByLabel("System tags")).toBeChecked();
  await expect(page.getByTestId("scatter-section").getByLabel("X axis")).toHaveValue("params.lr");
  await expect(page.getByTestId("scatter-section").getByLabel("Y axis")).toHaveValue("metrics.accuracy");
  await expect(page.getByLabel("Parallel coordinates metric")).toHaveValue("accuracy");

  // A scatter point names its run on hover and opens it on click.
  await page.getByRole("button", { name: "Runs as columns" }).click();
  await expect(table(page).locator("tbody th.key-cell").first()).toHaveText("Parameters 3 of 5 differ");
  const point = page.getByTestId("compare-scatter").locator(".recharts-scatter-symbol").first();
  await point.hover();
  await expect(page.locator(".chart-tooltip")).toContainText("cmp-");
  await page.getByTestId("scatter-section").screenshot({ path: test.info().outputPath("compare-scatter-hover.png") });
  await point.click();
  await expect(page).toHaveURL(new RegExp(`/experiments/${experiment.id}/runs/[0-9a-f]+$`));
});

test("parallel coordinates draw what a run has: dashed over a missing value, a dot for a single value, n/a under the axis", async ({ page }) => {
  const experiment = await createExperiment();
  // Axes: dropout, lr, warmup (params in table order), then loss.
  const specs: { name: string; params: Record<string, string>; metrics: Record<string, number> }[] = [
    { name: "pc-full", params: { dropout: "0.1", lr: "0.1", warmup: "100" }, metrics: { loss: 0.5 } },
    { name: "pc-no-warmup", params: { dropout: "0.2", lr: "0.01" }, metrics: { loss: 0.4 } },
    { name: "pc-no-loss", params: { lr: "0.001", warmup: "200" }, metrics: {} },
    { name: "pc-only-warmup", params: { warmup: "300" }, metrics: {} },
    // Every neighbour of each value is missing: with the pen lifted over gaps, nothing of it was drawn.
    { name: "pc-gappy", params: { dropout: "0.3", warmup: "400" }, metrics: {} },
  ];
  const ids = new Map<string, string>();
  for (const spec of specs) {
    const run = await createRun(experiment.id, { name: spec.name, params: Object.entries(spec.params).map(([key, value]) => ({ key, value })), metrics: spec.metrics });
    ids.set(spec.name, run.info.run_id);
  }
  const id = (name: string) => ids.get(name) ?? "";
  await page.goto(`/compare-runs?runs=${[...ids.values()].join(",")}&experiments=${experiment.id}`);
  const parallel = page.getByTestId("parallel-coordinates");
  await expect(parallel.locator(".pc-axis-label")).toHaveText(["dropout", "lr (log)", "warmup", "loss"]);
  await expect(parallel.locator("path.pc-line[data-run]")).toHaveCount(5);
  const run = (name: string) => parallel.locator(`g.pc-run[data-run="${id(name)}"]`);

  // Complete runs stay solid; a gap is bridged, dashed, from the value before it to the value after it.
  await expect(run("pc-full").locator("path.pc-bridge")).toHaveCount(0);
  await expect(run("pc-no-warmup").locator("path.pc-bridge")).toHaveAttribute("d", /^M[\d.,]+L[\d.,]+$/);
  await expect(run("pc-gappy").locator("path.pc-line")).toHaveAttribute("d", "");
  const bridge = await run("pc-gappy").locator("path.pc-bridge").boundingBox();
  expect(bridge?.width ?? 0).toBeGreaterThan(100);
  // Nothing before the first value or after the last: the run without a loss ends at warmup.
  await expect(run("pc-no-loss").locator("path.pc-bridge")).toHaveCount(0);
  await expect(run("pc-only-warmup").locator("circle.pc-dot")).toBeVisible();
  // Each missing value is a hollow marker under its axis, which counts the runs without one.
  await expect(run("pc-only-warmup").locator("circle.pc-na")).toHaveCount(3);
  await expect(parallel.locator(".pc-na-label")).toHaveText(["n/a (2)", "n/a (2)", "n/a (1)", "n/a (3)"]);
  await expect(page.getByTestId("parallel-bridge-key")).toBeVisible();

  // Bridges and dots are hovered like lines.
  await hoverParallelRun(page, id("pc-gappy"), "path.pc-bridge");
  await expect(page.getByTestId("parallel-hovered")).toHaveText("pc-gappy · loss n/a");
  await expect(parallel.getByRole("img")).toHaveClass(/has-hover/);
  await page.screenshot({ path: test.info().outputPath("compare-parallel-missing-hover.png") });
  await hoverParallelRun(page, id("pc-no-warmup"), "path.pc-bridge");
  await expect(page.getByTestId("parallel-hovered")).toHaveText("pc-no-warmup · loss 0.4");
  const dot = await hoverParallelRun(page, id("pc-only-warmup"), "circle.pc-dot");
  await expect(page.getByTestId("parallel-hovered")).toHaveText("pc-only-warmup · loss n/a");
  await page.mouse.click(dot.x, dot.y);
  await expect(page).toHaveURL(new RegExp(`/experiments/${experiment.id}/runs/${id("pc-only-warmup")}$`));
});

test("Compare in the runs table opens the view of the selected runs", async ({ page }) => {
  const experiment = await createExperiment();
  const runs = await seedCompareRuns(experiment.id, 3);
  await page.goto(`/experiments/${experiment.id}/runs`);
  for (const run of runs.slice(0, 2)) await runRow(page, run.name).getByRole("checkbox").click();
  await page.getByRole("link", { name: "Compare" }).click();
  await expect(page).toHaveURL(new RegExp(`/compare-runs\\?runs=.*&experiments=${experiment.id}`));
  await expect(runHeaders(page)).toHaveCount(2);
  await expect(page.getByRole("heading", { name: "Compare 2 runs" })).toBeVisible();
});

test("without experiments in the URL, runs are loaded one get per run", async ({ page }) => {
  const experiment = await createExperiment();
  const runs = await seedCompareRuns(experiment.id, 2);
  const searches = recordRunSearches(page);
  const gets = countRequests(page, "/mlflow/runs/get");
  await page.goto(`/compare-runs?runs=${runs.map((r) => r.id).join(",")}`);
  await expect(runHeaders(page)).toHaveCount(2);
  expect(searches.bodies).toHaveLength(0);
  expect(gets.count).toBe(2);
  // The runs say which experiment they are in: the breadcrumbs lead back to it.
  await expect(page.getByRole("navigation", { name: "Breadcrumbs" }).getByRole("link", { name: experiment.name })).toBeVisible();
});

test("a compare link of more runs than the view takes says so and asks for nothing", async ({ page }) => {
  const requests: string[] = [];
  page.on("request", (r) => {
    if (r.url().includes("/runs/")) requests.push(r.url());
  });
  const ids = Array.from({ length: 501 }, (_, i) => i.toString(16).padStart(32, "0"));
  // 16.5 KB of URL: past Node's default header limit, within the server's (build-app.ts).
  await page.goto(`/compare-runs?runs=${ids.join(",")}&experiments=0`);
  await expect(page.getByText("Too many runs to compare: 501")).toBeVisible();
  expect(requests).toEqual([]);
});

test("a scatter with a single field to plot says so, not that the runs have none", async ({ page }) => {
  const experiment = await createExperiment();
  const ids = await Promise.all([0.3, 0.2].map(async (loss, i) => (await createRun(experiment.id, { name: `single-${String(i)}`, metrics: { loss } })).info.run_id));
  await page.goto(`/compare-runs?runs=${ids.join(",")}&experiments=${experiment.id}`);
  await expect(runHeaders(page)).toHaveCount(2);
  await expect(page.getByText("A scatter needs two fields, and these runs have one param or metric.")).toBeVisible();
});

test("60 runs load with one search and stay usable: pinned keys, horizontal scroll, all points and lines", async ({ page }) => {
  test.setTimeout(90_000);
  const experiment = await createExperiment();
  const runs = await seedCompareRuns(experiment.id, 60);
  const searches = recordRunSearches(page);
  const gets = countRequests(page, "/mlflow/runs/get");

  const started = Date.now();
  await page.goto(compareUrl(runs));
  await expect(runHeaders(page)).toHaveCount(60);
  const loadMs = Date.now() - started;
  test.info().annotations.push({ type: "compare-60-runs-ms", description: String(loadMs) });
  expect(searches.bodies).toHaveLength(1);
  expect(gets.count).toBe(0);
  await expect(page.getByTestId("compare-summary")).toContainText("4 of 6 params differ");

  // The table scrolls sideways inside its own box; the key column and the reference stay in place.
  const scroller = page.locator(".compare-scroll");
  const overflow = await scroller.evaluate((el) => ({ scroll: el.scrollWidth, client: el.clientWidth }));
  expect(overflow.scroll).toBeGreaterThan(overflow.client * 3);
  const keyCell = row(page, "params.lr").locator("th");
  const reference = runHeaders(page).first();
  const before = { key: await keyCell.boundingBox(), ref: await reference.boundingBox() };
  await scroller.evaluate((el) => el.scrollTo({ left: el.scrollWidth / 2 }));
  await expect(runHeaders(page).nth(30)).toBeInViewport();
  const after = { key: await keyCell.boundingBox(), ref: await reference.boundingBox() };
  expect(after.key?.x).toBe(before.key?.x);
  expect(after.ref?.x).toBe(before.ref?.x);
  // Columns keep a readable width instead of being squeezed to fit.
  expect((await runHeaders(page).nth(10).boundingBox())?.width ?? 0).toBeGreaterThanOrEqual(100);

  await expect(page.getByTestId("compare-scatter").locator(".recharts-scatter-symbol")).toHaveCount(60);
  await expect(page.getByTestId("parallel-coordinates").locator("path.pc-line[data-run]")).toHaveCount(60);
  await page.screenshot({ path: test.info().outputPath("compare-60-runs.png") });
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: test.info().outputPath("compare-60-runs-dark.png"), fullPage: true });
});

test("overlay charts: one per differing metric, in the table's run colours, with their own settings in the URL", async ({ page }) => {
  const experiment = await createExperiment();
  const runs = await seedCompareRuns(experiment.id, 3);
  for (const [i, run] of runs.entries()) await logMetricSeries(run.id, "loss", 500, lossCurve(i, 500));
  await page.goto(compareUrl(runs));

  // loss and accuracy differ between the runs; epochs is the same everywhere, so it has no chart.
  const cards = page.getByTestId("compare-chart-card");
  await expect(cards).toHaveCount(2);
  await expect(cards.locator("h2")).toHaveText(["accuracy", "loss"]);
  const loss = cards.filter({ has: page.locator("h2", { hasText: /^loss$/ }) });
  await loss.scrollIntoViewIfNeeded();
  await expect(loss.getByTestId("points-badge")).toContainText("of 1,503 points");
  const legend = loss.getByTestId("legend-entry");
  await expect(legend).toHaveCount(3);
  const chartColours = new Map(await legend.evaluateAll((els) => els.map((el) => [el.getAttribute("data-run-id") ?? "", el.getAttribute("data-color") ?? ""] as const)));
  // Three runs seen together get three colours, the table's (its headers' swatches) and the charts' alike.
  expect(new Set(chartColours.values()).size).toBe(3);
  for (const run of runs) {
    const swatch = page.getByRole("columnheader").getByRole("button", { name: `Colour of ${run.name}` }).locator("span");
    expect(await swatch.evaluate((el) => (el as HTMLElement).style.background)).toBe(hexToRgb(chartColours.get(run.id) ?? ""));
  }

  // The chart settings use c-prefixed keys, so the scatter keeps x and y.
  const section = page.getByTestId("compare-charts-section");
  await section.getByRole("button", { name: "Wall time" }).click();
  await section.getByLabel("Log scale").check();
  await expect(page).toHaveURL(/cx=time/);
  await expect(page).toHaveURL(/clog=1/);
  await page.reload();
  await expect(page.getByTestId("compare-charts-section").getByRole("button", { name: "Wall time" })).toHaveAttribute("aria-pressed", "true");
  await expect(page.getByTestId("compare-charts-section").getByLabel("Log scale")).toBeChecked();
  await page.getByTestId("compare-charts-section").screenshot({ path: test.info().outputPath("compare-charts.png") });
});
