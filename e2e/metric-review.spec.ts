import { expect, test, type Locator, type Page } from "@playwright/test";
import { createExperiment, createRun, logMetricSeries, lossCurve } from "./support/generators.js";
import { hexToRgb } from "./support/css-color.js";

/**
 * A QA review of the metric page: run colours that changed between views, an all-NaN metric drawn
 * as an empty chart, smoothing that hid the logged curve, a legend that put the runs without values
 * first, and same-named runs that could not be told apart.
 */

test.describe.configure({ timeout: 60_000 });

const metricUrl = (experimentId: string, [first, ...rest]: readonly string[], key = "loss", query = ""): string =>
  `/experiments/${experimentId}/runs/${first ?? ""}/metrics/${key}?${[rest.length ? `runs=${rest.join(",")}` : "", query].filter(Boolean).join("&")}`;

/** Each legend entry's run id and colour, in legend order. */
const legendColours = (chart: Locator): Promise<[string, string][]> =>
  chart.getByTestId("legend-entry").evaluateAll((els) => els.map((el) => [el.getAttribute("data-run-id") ?? "", el.getAttribute("data-color") ?? ""] as [string, string]));

/**
 * Pixels of the chart's canvas in `color` with an alpha in [minAlpha, maxAlpha] (0–255): opaque
 * ones are the lines themselves, faint ones the logged values drawn behind a smoothed line.
 */
const canvasPixels = (chart: Locator, color: string, minAlpha: number, maxAlpha: number): Promise<number> =>
  chart.getByTestId("chart-canvas").evaluate(
    (canvas: HTMLCanvasElement, [hex, lo, hi]: [string, number, number]) => {
      const want = [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
      const { data } = canvas.getContext("2d")?.getImageData(0, 0, canvas.width, canvas.height) ?? { data: new Uint8ClampedArray() };
      let n = 0;
      // Canvas pixels are premultiplied underneath but read back unpremultiplied: the colour is the run's at any alpha (±rounding).
      for (let i = 0; i < data.length; i += 4) {
        const a = data[i + 3] ?? 0;
        if (a >= lo && a <= hi && want.every((v, c) => Math.abs((data[i + c] ?? 0) - v) <= 12)) n++;
      }
      return n;
    },
    [color, minAlpha, maxAlpha] as [string, number, number],
  );

const shot = (page: Page, name: string) => page.screenshot({ path: `test-results/metric-review/${name}.png` });

test("a run keeps its colour whatever runs it is charted with (4 runs, 7 runs, another order)", async ({ page }) => {
  const experimentId = (await createExperiment()).id;
  const names = ["sweep-rmsprop", "sweep-adam", "sweep-sgd", "sweep-adamw", "sweep-lion", "sweep-adagrad", "sweep-nadam"];
  const ids = await Promise.all(names.map(async (name) => (await createRun(experimentId, { name })).info.run_id));
  await Promise.all(ids.map((id, i) => logMetricSeries(id, "loss", 200, lossCurve(i, 200))));

  const chart = page.getByTestId("runs-metric-chart");
  const four = ids.slice(0, 4);
  await page.goto(metricUrl(experimentId, four));
  await expect(chart.getByTestId("legend-entry")).toHaveCount(4);
  await expect(chart.locator('[data-testid="chart-line"][data-points]')).toHaveCount(4);
  const inFour = new Map(await legendColours(chart));
  // Four runs seen together for the first time: four colours.
  expect(new Set(inFour.values()).size).toBe(4);
  const strokes = await chart.locator('[data-testid="chart-line"]').evaluateAll((els) => els.map((el) => [el.getAttribute("data-run-id"), el.getAttribute("stroke")]));
  for (const [id, stroke] of strokes) expect(stroke).toBe(inFour.get(id ?? ""));
  await shot(page, "colours-4-runs");

  await page.goto(metricUrl(experimentId, [...ids].reverse()));
  await expect(chart.getByTestId("legend-entry")).toHaveCount(7);
  await expect(chart.locator('[data-testid="chart-line"][data-points]')).toHaveCount(7);
  const inSeven = new Map(await legendColours(chart));
  for (const id of four) expect(inSeven.get(id), `${names[ids.indexOf(id)] ?? id} among 7`).toBe(inFour.get(id));
  // The three runs new to this browser get colours none of the seven has.
  expect(new Set(inSeven.values()).size).toBe(7);
  // Drawn in that colour, not only listed in it.
  const rmsprop = inSeven.get(ids[0] ?? "") ?? "";
  await expect.poll(() => canvasPixels(chart, rmsprop, 128, 255)).toBeGreaterThan(100);
  await page.emulateMedia({ colorScheme: "dark" });
  await shot(page, "colours-7-runs-dark");
});

test("a metric whose only value is NaN shows its marker on an axis, and says why there is no line", async ({ page }) => {
  const experimentId = (await createExperiment()).id;
  const runId = (await createRun(experimentId, { name: "diverged", metrics: { loss: NaN } })).info.run_id;

  await page.goto(metricUrl(experimentId, [runId]));
  const chart = page.getByTestId("runs-metric-chart");
  await expect(page.getByTestId("points-badge")).toHaveText("1 of 1 point");
  await expect(chart.getByTestId("chart-marker")).toHaveCount(1);
  await expect(chart.getByTestId("chart-note")).toHaveText("All values are NaN");
  // A y axis with labels, not an empty frame.
  expect((await chart.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value").allTextContents()).length).toBeGreaterThanOrEqual(2);
  const marker = await chart.getByTestId("chart-marker").boundingBox();
  const plot = await chart.getByTestId("chart-plot-area").boundingBox();
  expect(marker && plot && marker.y >= plot.y - 6 && marker.y + marker.height <= plot.y + plot.height + 6).toBe(true);
  await shot(page, "all-nan");

  // On a log scale too.
  await page.getByLabel("Log scale").click();
  await expect(page).toHaveURL(/log=1/);
  await expect(chart.getByTestId("chart-marker")).toHaveCount(1);
  await expect(chart.getByTestId("chart-note")).toHaveText("All values are NaN");
});

test("smoothing draws the logged values faintly behind the smoothed line, in the run's colour", async ({ page }) => {
  const experimentId = (await createExperiment()).id;
  const runId = (await createRun(experimentId, { name: "noisy" })).info.run_id;
  // Noise far larger than the trend: smoothed, the line is nearly straight and the raw band wide.
  await logMetricSeries(runId, "loss", 600, (step) => 1 - step / 1200 + 0.4 * Math.sin(step * 1.7) * Math.cos(step * 0.23));

  const chart = page.getByTestId("runs-metric-chart");
  const line = chart.locator('[data-testid="chart-line"]');
  await page.goto(metricUrl(experimentId, [runId]));
  await expect(line).toHaveAttribute("data-points", "600");
  await expect(line).not.toHaveAttribute("data-raw-points", /./);
  const color = (await line.getAttribute("stroke")) ?? "";
  const faintBefore = await canvasPixels(chart, color, 40, 110);
  const opaqueBefore = await canvasPixels(chart, color, 200, 255);
  const yLabels = () => chart.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value").allTextContents();
  const rawAxis = await yLabels();

  await page.goto(metricUrl(experimentId, [runId], "loss", "smooth=0.9"));
  await expect(line).toHaveAttribute("data-raw-points", "600");
  await expect(line).toHaveAttribute("data-points", "600");
  const faintAfter = await canvasPixels(chart, color, 40, 110);
  const opaqueAfter = await canvasPixels(chart, color, 200, 255);
  // The zigzag of the logged values is still there, faded (at ~30 % alpha): far more faint pixels, …
  expect(faintAfter, `faint ${faintBefore} → ${faintAfter}`).toBeGreaterThan(faintBefore * 1.5);
  // … and only the smoothed line on top is opaque.
  expect(opaqueAfter, `opaque ${opaqueBefore} → ${opaqueAfter}`).toBeLessThan(opaqueBefore / 3);
  expect(opaqueAfter).toBeGreaterThan(300);
  // The axis makes room for the logged values, not only the smoothed ones: the same axis as without smoothing.
  expect(await yLabels()).toEqual(rawAxis);
  await shot(page, "smoothing-raw-behind");
});

test("a legend cut off after three lines lists the runs with values first", async ({ page }) => {
  const experimentId = (await createExperiment()).id;
  // The runs without the metric come first in the link, as the runs table's selection may put them.
  const empty = await Promise.all(Array.from({ length: 4 }, (_, i) => createRun(experimentId, { name: `no-loss-${i}`, metrics: { accuracy: 0.5 } })));
  const full = await Promise.all(Array.from({ length: 36 }, (_, i) => createRun(experimentId, { name: `with-loss-run-${String(i).padStart(2, "0")}` })));
  await Promise.all(full.map((r, i) => logMetricSeries(r.info.run_id, "loss", 20, lossCurve(i, 20))));
  const emptyIds = empty.map((r) => r.info.run_id);
  const fullIds = full.map((r) => r.info.run_id);

  await page.goto(metricUrl(experimentId, [...emptyIds, ...fullIds]));
  const chart = page.getByTestId("runs-metric-chart");
  const entries = chart.getByTestId("legend-entry");
  await expect(entries).toHaveCount(40);
  await expect(chart.getByTestId("legend-more")).toBeVisible();
  // Runs with values in the order asked for, then the runs without.
  expect((await legendColours(chart)).map(([id]) => id)).toEqual([...fullIds, ...emptyIds]);
  await expect(entries.first()).toHaveText("with-loss-run-00");
  await expect(entries.last()).toContainText("no values");
  await shot(page, "legend-values-first");
});

test("same-named runs of two sweeps are told apart by their parents in the legend and the tooltip", async ({ page }) => {
  const experimentId = (await createExperiment()).id;
  const [sweepA, sweepB] = await Promise.all(["sweep-lr", "sweep-wd"].map((name) => createRun(experimentId, { name })));
  const parentA = sweepA?.info.run_id ?? "";
  const parentB = sweepB?.info.run_id ?? "";
  const children = await Promise.all([
    createRun(experimentId, { name: "seed-0", parentId: parentA }),
    createRun(experimentId, { name: "seed-0", parentId: parentB }),
    createRun(experimentId, { name: "seed-0", parentId: parentB }),
  ]);
  const ids = children.map((r) => r.info.run_id);
  await Promise.all(ids.map((id, i) => logMetricSeries(id, "loss", 50, lossCurve(i, 50))));

  await page.goto(metricUrl(experimentId, ids));
  const chart = page.getByTestId("runs-metric-chart");
  const entries = chart.getByTestId("legend-entry");
  // The parent where it is enough; a short id where two share the parent too.
  await expect(entries).toHaveText(["seed-0 · sweep-lr", `seed-0 · ${ids[1]?.slice(0, 6) ?? ""}`, `seed-0 · ${ids[2]?.slice(0, 6) ?? ""}`]);
  await chart.getByTestId("chart-plot-area").hover({ position: { x: 200, y: 100 } });
  await expect(page.getByTestId("chart-tooltip")).toContainText("seed-0 · sweep-lr");
});

test("the metric switcher opens another metric of the shown runs, keeping the chart settings", async ({ page }) => {
  const experimentId = (await createExperiment()).id;
  const [a, b] = await Promise.all(["first", "second"].map((name) => createRun(experimentId, { name })));
  const ids = [a?.info.run_id ?? "", b?.info.run_id ?? ""];
  await Promise.all(ids.map((id, i) => logMetricSeries(id, "loss", 50, lossCurve(i, 50))));
  await logMetricSeries(ids[1] ?? "", "val/accuracy", 50, (step) => step / 50);

  await page.goto(metricUrl(experimentId, ids, "loss", "smooth=0.5&zoom=5,20"));
  const switcher = page.getByTestId("metric-switcher");
  await expect(switcher).toHaveValue("loss");
  await expect(page.locator("datalist option")).toHaveCount(2);
  await switcher.fill("ACC");
  await switcher.press("Enter");
  await expect(page).toHaveURL(new RegExp(`/runs/${ids[0] ?? ""}/metrics/val%2Faccuracy\\?runs=${ids[1] ?? ""}&smooth=0.5$`));
  await expect(page.getByTestId("metric-title")).toContainText("val/accuracy");
  await expect(switcher).toHaveValue("val/accuracy");
  await expect(page.getByTestId("runs-metric-chart").getByTestId("legend-entry").first()).toHaveText("second");
  await page.goBack();
  await expect(page.getByTestId("metric-title")).toContainText("loss");
});

test("NaN and infinite values have different markers", async ({ page }) => {
  const experimentId = (await createExperiment()).id;
  const runId = (await createRun(experimentId, { name: "unstable" })).info.run_id;
  await logMetricSeries(runId, "loss", 30, (step) => (step === 10 ? NaN : step === 20 ? Infinity : step === 25 ? -Infinity : 1 / (step + 1)));

  await page.goto(metricUrl(experimentId, [runId]));
  const markers = page.getByTestId("runs-metric-chart").getByTestId("chart-marker");
  await expect(markers).toHaveCount(3);
  expect(await markers.evaluateAll((els) => els.map((el) => el.getAttribute("data-kind")))).toEqual(["nan", "inf", "-inf"]);
  const shapes = new Set(await markers.evaluateAll((els) => els.map((el) => (el.getAttribute("d") ?? "").replace(/[\d.-]+/g, "#"))));
  // A diamond (four corners) and triangles (three).
  expect(shapes).toEqual(new Set(["M#,#L#,#L#,#L#,#Z", "M#,#L#,#L#,#Z"]));
  await shot(page, "nan-and-infinity");
});

test("a log scale labels both ends of its axis, with powers of ten between", async ({ page }) => {
  const experimentId = (await createExperiment()).id;
  const runId = (await createRun(experimentId, { name: "decaying" })).info.run_id;
  await logMetricSeries(runId, "loss", 300, (step) => 0.012 + 2.4 * Math.exp(-step / 40));

  await page.goto(metricUrl(experimentId, [runId], "loss", "log=1"));
  const chart = page.getByTestId("runs-metric-chart");
  await expect(chart.locator('[data-testid="chart-line"]')).toHaveAttribute("data-points", "300");
  const labels = chart.locator(".recharts-yAxis-tick-labels .recharts-cartesian-axis-tick-value");
  // 0.0134 … 2.41: the axis runs from 0.01 to 5, not to a bare 10 nor from an unlabelled bottom.
  await expect(labels).toHaveText(["0.01", "0.1", "1", "5"]);
  const plot = await chart.getByTestId("chart-plot-area").boundingBox();
  const [bottom, top] = [await labels.first().boundingBox(), await labels.last().boundingBox()];
  if (!plot || !bottom || !top) throw new Error("no plot or labels");
  expect(Math.abs(bottom.y + bottom.height / 2 - (plot.y + plot.height))).toBeLessThan(4);
  expect(Math.abs(top.y + top.height / 2 - plot.y)).toBeLessThan(4);
  await shot(page, "log-scale-ticks");
});

test("a metric each run logged once is drawn as a bar per run from zero, not a column of dots; a longer series brings the lines back", async ({ page }) => {
  const experimentId = (await createExperiment()).id;
  const scores = [0.9, 0.8, -0.1];
  const ids = await Promise.all(scores.map(async (score, i) => (await createRun(experimentId, { name: `final-${String(i)}`, metrics: { score } })).info.run_id));
  await page.goto(metricUrl(experimentId, ids, "score"));
  const chart = page.getByTestId("runs-metric-chart");
  const bars = chart.getByTestId("value-bar");
  await expect(bars).toHaveCount(3);
  await expect(bars).toHaveText(["final-00.9", "final-10.8", "final-2-0.1"]);
  await expect(chart.getByTestId("chart-plot-area")).toHaveCount(0);
  // Lengths are the values' (zero sits a tenth in, for the -0.1): 0.9 is 9/8 of 0.8, 9 times -0.1.
  const widths = await bars.evaluateAll((rows) => rows.map((row) => row.querySelector<HTMLElement>(".rmc-bars-bar")?.getBoundingClientRect().width ?? 0));
  expect((widths[0] ?? 0) / (widths[1] ?? 1)).toBeCloseTo(9 / 8, 1);
  expect((widths[0] ?? 0) / (widths[2] ?? 1)).toBeCloseTo(9, 0);
  // The bar is the run's colour, and hovering it highlights the run as a line does.
  const colour = await chart.locator(`[data-testid="legend-entry"][data-run-id="${ids[0] ?? ""}"]`).getAttribute("data-color");
  expect(await bars.first().locator(".rmc-bars-bar").evaluate((el) => (el as HTMLElement).style.background)).toBe(hexToRgb(colour ?? ""));
  await bars.first().hover();
  await expect(chart.locator(`[data-testid="legend-entry"][data-run-id="${ids[0] ?? ""}"]`)).toHaveClass(/is-highlighted/);
  await shot(page, "single-value-bars");

  // One run logging the metric over steps: a line chart again.
  await logMetricSeries(ids[1] ?? "", "score", 50, lossCurve(1, 50));
  await page.reload();
  await expect(chart.locator('[data-testid="chart-line"][data-points]')).toHaveCount(3);
  await expect(chart.getByTestId("single-value-bars")).toHaveCount(0);
});
