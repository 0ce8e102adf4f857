import { expect, test, type Locator, type Page } from "@playwright/test";
import { createExperiment, createRun } from "./support/generators.js";
import { headerCell, resizeHandle } from "./support/runs-table.js";

/**
 * Headers of param/metric/tag columns: a narrow column shows the end of its key (what tells
 * `train/loss` from `val/loss`), and the kind word gives way to it.
 */
let experimentId = "";
const COLUMNS = ["metrics.val/loss", "metrics.train/loss", "params.lr", "tags.team"];

test.beforeAll(async () => {
  experimentId = (await createExperiment()).id;
  for (const name of ["h-0", "h-1"]) {
    await createRun(experimentId, { name, params: [{ key: "lr", value: "0.1" }], metrics: { "val/loss": 0.5, "train/loss": 0.4 }, tags: [{ key: "team", value: "nlp" }] });
  }
});

function runsUrl(width?: number): string {
  const query = new URLSearchParams();
  for (const id of COLUMNS) query.append("c", id);
  if (width !== undefined) for (const id of COLUMNS) query.append("w", `${width}.${id}`);
  return `/experiments/${experimentId}/runs?${query.toString()}`;
}

/** Where the key's text sits against the box that clips it. */
async function keyClip(header: Locator): Promise<{ text: string; startClipped: boolean; endShown: boolean }> {
  return header.evaluate((el) => {
    const key = el.querySelector(".header-key");
    const text = key?.firstElementChild;
    if (!key || !text) throw new Error("no key in the header");
    const box = key.getBoundingClientRect();
    const inner = text.getBoundingClientRect();
    return { text: text.textContent ?? "", startClipped: inner.left < box.left - 0.5, endShown: Math.abs(inner.right - box.right) < 1 };
  });
}

const kindWord = (page: Page, id: string) => headerCell(page, id).locator(".header-group");

test("a narrow metric header drops its kind word and keeps the end of its key; title and name keep everything", async ({ page }) => {
  await page.goto(runsUrl(56));
  const val = headerCell(page, "metrics.val/loss");
  const train = headerCell(page, "metrics.train/loss");
  await expect(val).toBeVisible();
  expect((await val.boundingBox())?.width).toBe(56);
  for (const [header, key] of [
    [val, "val/loss"],
    [train, "train/loss"],
  ] as const) {
    await expect(header.locator(".header-group")).toHaveCount(0);
    const clip = await keyClip(header);
    expect(clip).toEqual({ text: key, startClipped: true, endShown: true });
  }
  await expect(val).toHaveAttribute("title", "metrics.val/loss");
  await expect(val).toHaveAttribute("aria-label", "metric val/loss");
  await expect(page.getByRole("columnheader", { name: "metric train/loss" })).toBeVisible();
  // A short key leaves room for the kind's letter.
  await expect(headerCell(page, "params.lr").locator(".header-kind-letter")).toHaveText("p");
  await expect(kindWord(page, "params.lr")).toHaveCount(0);

  // Sorting and resizing still work at the narrowest width.
  await train.getByRole("button").click();
  await expect(train).toHaveAttribute("aria-sort", "ascending");
  const arrow = train.locator(".sort-arrow");
  await expect(arrow).toBeVisible();
  const [arrowBox, headerBox] = await Promise.all([arrow.boundingBox(), train.boundingBox()]);
  expect((arrowBox?.x ?? 0) + (arrowBox?.width ?? 0)).toBeLessThanOrEqual((headerBox?.x ?? 0) + (headerBox?.width ?? 0));
  expect((await keyClip(train)).endShown).toBe(true);
  const handle = resizeHandle(page, "metrics.train/loss");
  await handle.focus();
  await page.keyboard.press("ArrowRight");
  await expect(handle).toHaveAttribute("aria-valuenow", "72");
});

test("the kind word shows where the key fits beside it, and comes back as a narrow column widens", async ({ page }) => {
  await page.goto(runsUrl());
  // Default widths (120 px for metrics, 140 for params): short keys fit beside the word.
  await expect(kindWord(page, "metrics.val/loss")).toHaveText("metric");
  await expect(kindWord(page, "params.lr")).toHaveText("param");
  await expect(kindWord(page, "tags.team")).toHaveText("tag");
  expect((await keyClip(headerCell(page, "metrics.val/loss"))).startClipped).toBe(false);

  await page.goto(runsUrl(80));
  // "param lr" still fits in 80 px; "train/loss" takes all the room there is.
  await expect(kindWord(page, "params.lr")).toHaveText("param");
  await expect(headerCell(page, "metrics.train/loss").locator(".header-kind-letter, .header-group")).toHaveCount(0);
  expect((await keyClip(headerCell(page, "metrics.train/loss"))).endShown).toBe(true);

  const handle = resizeHandle(page, "metrics.train/loss");
  await handle.focus();
  for (let i = 0; i < 2; i++) await page.keyboard.press("Shift+ArrowRight");
  await expect(handle).toHaveAttribute("aria-valuenow", "208");
  await expect(kindWord(page, "metrics.train/loss")).toHaveText("metric");
  expect(await keyClip(headerCell(page, "metrics.train/loss"))).toEqual({ text: "train/loss", startClipped: false, endShown: true });
});
