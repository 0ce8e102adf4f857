import { expect, test } from "@playwright/test";
import { RUN_PALETTE, RUN_PALETTE_NAMES } from "../src/web/utils/run-colors.js";
import { createExperiment, createRun, logMetricSeries, lossCurve } from "./support/generators.js";
import { hexToRgb } from "./support/css-color.js";

/**
 * Recolouring a run: a run keeps the colour it was first given, so two runs first shown apart can
 * share one when shown together; as in MLflow and W&B, a run's swatch then opens a palette, and the
 * choice holds in every view of this browser until undone.
 */
test("a run recoloured from a legend keeps its colour in the compare view and after a reload, until reset", async ({ page }) => {
  const experimentId = (await createExperiment()).id;
  const ids = await Promise.all(["sweep-a", "sweep-b"].map(async (name) => (await createRun(experimentId, { name })).info.run_id));
  await Promise.all(ids.map((id, i) => logMetricSeries(id, "loss", 100, lossCurve(i, 100))));
  const [a, b] = ids as [string, string];

  await page.goto(`/experiments/${experimentId}/runs/${a}/metrics/loss?runs=${b}`);
  const chart = page.getByTestId("runs-metric-chart");
  const entry = chart.locator(`[data-testid="legend-entry"][data-run-id="${a}"]`);
  const other = chart.locator(`[data-testid="legend-entry"][data-run-id="${b}"]`);
  const line = chart.locator(`[data-testid="chart-line"][data-run-id="${a}"]`);
  await expect(line).toHaveCount(1);
  const own = (await entry.getAttribute("data-color")) ?? "";
  const otherOwn = (await other.getAttribute("data-color")) ?? "";
  expect(own).not.toBe(otherOwn);
  const pick = RUN_PALETTE.findIndex((c) => c !== own && c !== otherOwn);
  const picked = RUN_PALETTE[pick] ?? "";
  const pickedName = RUN_PALETTE_NAMES[pick] ?? "";
  // The entry still reads as the run's name: the palette is not part of the legend.
  await expect(entry).toHaveText("sweep-a");

  const swatch = entry.getByRole("button", { name: "Colour of sweep-a" });
  await swatch.click();
  const palette = page.getByRole("dialog", { name: "Colour of sweep-a" });
  await expect(palette).toBeVisible();
  await expect(palette.getByRole("button", { pressed: true })).toHaveAccessibleName(RUN_PALETTE_NAMES[RUN_PALETTE.indexOf(own as (typeof RUN_PALETTE)[number])] ?? "");
  // Escape closes it and changes nothing.
  await page.keyboard.press("Escape");
  await expect(palette).toHaveCount(0);
  await expect(swatch).toBeFocused();
  await expect(entry).toHaveAttribute("data-color", own);
  // From the keyboard: Enter opens it on the current colour, arrows move in the grid of five, Home
  // and End go to the ends, and Tab leaves it closed, the focus going on from the swatch.
  await page.keyboard.press("Enter");
  const ownIndex = RUN_PALETTE.indexOf(own as (typeof RUN_PALETTE)[number]);
  await expect(palette.getByRole("button", { name: RUN_PALETTE_NAMES[ownIndex] ?? "", exact: true })).toBeFocused();
  await page.keyboard.press("ArrowRight");
  await expect(palette.getByRole("button", { name: RUN_PALETTE_NAMES[(ownIndex + 1) % 20] ?? "", exact: true })).toBeFocused();
  await page.keyboard.press("Home");
  await page.keyboard.press("ArrowDown");
  await expect(palette.getByRole("button", { name: RUN_PALETTE_NAMES[5] ?? "", exact: true })).toBeFocused();
  await page.keyboard.press("End");
  await expect(palette.getByRole("button", { name: RUN_PALETTE_NAMES[19] ?? "", exact: true })).toBeFocused();
  await page.keyboard.press("Tab");
  await expect(palette).toHaveCount(0);
  // It is placed under its swatch: scrolling the page away closes it (a short window, so the page scrolls).
  const size = page.viewportSize();
  await page.setViewportSize({ width: 1280, height: 320 });
  await swatch.click();
  await expect(palette).toBeVisible();
  // Its swatch clicked again closes it, and once more opens it.
  await swatch.click();
  await expect(palette).toHaveCount(0);
  await swatch.click();
  await expect(palette).toBeVisible();
  await page.mouse.move(640, 160);
  await page.mouse.wheel(0, 200);
  await expect(palette).toHaveCount(0);
  if (size) await page.setViewportSize(size);
  await page.evaluate(() => window.scrollTo(0, 0));
  await entry.getByRole("button", { name: "sweep-a", exact: true }).focus();
  await expect(entry.getByRole("button", { name: "sweep-a", exact: true })).toBeFocused();
  await expect(entry).toHaveAttribute("data-color", own);

  await swatch.click();
  await page.screenshot({ path: "test-results/run-colors/palette.png" });
  await palette.getByRole("button", { name: pickedName, exact: true }).click();
  await expect(palette).toHaveCount(0);
  await expect(swatch).toBeFocused();
  await expect(entry).toHaveAttribute("data-color", picked);
  await expect(line).toHaveAttribute("stroke", picked);
  // The other run keeps its own colour.
  await expect(other).toHaveAttribute("data-color", otherOwn);

  // Another view of the run: the compare view's header and its overlay chart.
  await page.goto(`/compare-runs?runs=${a},${b}&experiments=${experimentId}`);
  await expect(page.getByRole("columnheader").getByRole("button", { name: "Colour of sweep-a" }).locator("span")).toHaveCSS("background-color", hexToRgb(picked));
  await expect(page.locator(`[data-testid="legend-entry"][data-run-id="${a}"]`).first()).toHaveAttribute("data-color", picked);
  await page.getByRole("columnheader").getByRole("button", { name: "Colour of sweep-b" }).click();
  await page.emulateMedia({ colorScheme: "dark" });
  await page.screenshot({ path: "test-results/run-colors/compare-palette-dark.png" });
  await page.keyboard.press("Escape");
  await page.emulateMedia({ colorScheme: "light" });

  // A reload keeps it; "Back to its own colour" undoes it, here and everywhere.
  await page.goto(`/experiments/${experimentId}/runs/${a}/metrics/loss?runs=${b}`);
  await expect(entry).toHaveAttribute("data-color", picked);
  await swatch.click();
  await palette.getByRole("button", { name: "Back to its own colour" }).click();
  await expect(entry).toHaveAttribute("data-color", own);
  await expect(line).toHaveAttribute("stroke", own);
  await page.reload();
  await expect(entry).toHaveAttribute("data-color", own);
  await swatch.click();
  await expect(palette.getByRole("button", { name: "Back to its own colour" })).toHaveCount(0);
});
