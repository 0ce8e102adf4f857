// The artifact browser's harder cases: type-ahead, refused and unopenable paths, long logs' ends, a
// one-line JSON of megabytes, and a running run's artifacts (run-artifacts.spec.ts has the basics).
import { expect, test, type Page } from "@playwright/test";
import { uploadArtifact } from "./support/api.js";
import { BIG_LOG, item, preview, recordDownloads, recordListings, runUrl, seedRun, tree } from "./support/artifacts.js";
import { createExperiment, createRun, endRun } from "./support/generators.js";

/**
 * Types `keys` after a pause with the focus on `from` and expects `to` focused. Keys only add up when
 * they arrive within the type-ahead's 500 ms, which a loaded machine's driver does not always manage:
 * a step that got split is tried again from its start, while a broken type-ahead fails every try.
 */
async function typeQuickly(page: Page, from: string, keys: string, to: string): Promise<void> {
  await expect(async () => {
    await item(page, from).focus();
    await page.waitForTimeout(600);
    await page.keyboard.type(keys);
    await expect(item(page, to)).toBeFocused({ timeout: 1000 });
  }).toPass({ timeout: 15_000 });
}

test("typing a name's start moves to it; the same letter again cycles through the names starting with it", async ({ page }) => {
  const { experimentId, run } = await seedRun();
  await page.goto(runUrl(experimentId, run));
  // Keys typed in quick succession add up: "m" finds model, "me" goes on to metrics.json.
  await typeQuickly(page, "eval results", "me", "metrics.json");
  // After a pause a key starts over, looking from the next name: "r" then "e" (report.html matches "re").
  await typeQuickly(page, "metrics.json", "re", "report.html");
  // The same letter again and again cycles: model, metrics.json, model.
  await page.waitForTimeout(600);
  await page.keyboard.press("m");
  await expect(item(page, "model")).toBeFocused();
  await page.keyboard.press("m");
  await expect(item(page, "metrics.json")).toBeFocused();
  await page.keyboard.press("m");
  await expect(item(page, "model")).toBeFocused();
  // Case does not matter, and typing moves the focus only: nothing is selected or opened.
  await typeQuickly(page, "model", "TR", "train.log");
  await expect(page).not.toHaveURL(/artifact=/);
  await expect(item(page, "model")).toHaveAttribute("aria-expanded", "false");
  await expect(tree(page).locator("[role=treeitem][tabindex='0']")).toHaveCount(1);
});

test("a path the server refuses shows its error, and neither listing nor file is asked for again", async ({ page }) => {
  const { experimentId, run } = await seedRun();
  const listings = recordListings(page);
  const downloads = recordDownloads(page);
  await page.goto(runUrl(experimentId, run, "?artifact=../../etc/passwd"));
  const alert = preview(page).getByRole("alert");
  await expect(alert).toContainText("Could not open ../../etc/passwd");
  await expect(alert).toContainText("INVALID_PARAMETER_VALUE");
  await expect(alert).toContainText("Invalid path");
  await expect(alert.getByRole("button", { name: "Retry" })).toHaveCount(0);
  await expect(preview(page).getByTestId("artifact-no-preview")).toHaveCount(0);
  await expect(preview(page).getByTestId("artifact-download")).toBeDisabled();
  // Past react-query's first retry delays: the refusal was asked once and stays answered.
  await page.waitForTimeout(2500);
  expect(listings.filter((path) => path === "../../etc")).toEqual(["../../etc"]);
  expect(downloads).toEqual([]);

  // A file the server refuses to send (stood in for here: this server sends every listed name) says so, once.
  await page.route(/\/get-artifact\?path=metrics\.json&/, (route) =>
    route.fulfill({ status: 400, contentType: "application/json", body: JSON.stringify({ error_code: "INVALID_PARAMETER_VALUE", message: "Invalid path" }) }),
  );
  await item(page, "metrics.json").click();
  const fileAlert = preview(page).getByRole("alert");
  await expect(fileAlert).toContainText("Could not load metrics.json");
  await expect(fileAlert).toContainText("Invalid path");
  await expect(fileAlert.getByRole("button", { name: "Retry" })).toHaveCount(0);
  await page.waitForTimeout(2500);
  expect(downloads).toEqual(["metrics.json"]);
});

test("names the server will not open are marked, explained on selection, and never asked for", async ({ page }) => {
  const experiment = await createExperiment();
  const run = await createRun(experiment.id, { name: "odd-names" });
  await uploadArtifact(run, "plain.txt", "fine");
  // A store can hold names that MLflow's server refuses (`#`) or decodes (`%41` reads as `A`); this
  // server will not even take them in, so its listing is given them here.
  await page.route(/\/artifacts\/list\?run_id=[^&]*$/, async (route) => {
    const response = await route.fetch();
    const body = (await response.json()) as { files?: { path: string; is_dir: boolean; file_size?: number }[] };
    const files = [...(body.files ?? []), { path: "a#b.txt", is_dir: false, file_size: 4 }, { path: "x%41.txt", is_dir: false, file_size: 3 }, { path: "run#1", is_dir: true }];
    await route.fulfill({ response, json: { ...body, files } });
  });
  const listings = recordListings(page);
  const downloads = recordDownloads(page);
  await page.goto(runUrl(experiment.id, run));

  await expect(item(page, "a#b.txt")).toHaveAttribute("data-unopenable", "true");
  await expect(item(page, "x%41.txt")).toHaveAttribute("data-unopenable", "true");
  await expect(item(page, "plain.txt")).not.toHaveAttribute("data-unopenable", "true");

  await item(page, "a#b.txt").click();
  await expect(page).toHaveURL(/\?artifact=a%23b\.txt$/);
  const explained = preview(page).getByTestId("artifact-unopenable");
  await expect(explained).toContainText("This file cannot be opened here");
  await expect(explained).toContainText("“#”");
  await expect(preview(page).getByTestId("artifact-download")).toBeDisabled();
  await expect(preview(page).getByRole("alert")).toHaveCount(0);

  await item(page, "x%41.txt").click();
  await expect(explained).toContainText("“%41”");
  await expect(explained).toContainText("“A”");
  await expect(preview(page).getByTestId("artifact-download")).toBeDisabled();

  // A folder so named opens to say it cannot be listed.
  await item(page, "run#1").click();
  await expect(item(page, "run#1")).toHaveAttribute("aria-expanded", "true");
  await expect(tree(page).getByTestId("artifact-folder-status")).toContainText("This folder cannot be listed");

  // The readable file still reads.
  await item(page, "plain.txt").click();
  await expect(preview(page).getByTestId("artifact-text")).toHaveText("fine");
  expect(downloads).toEqual(["plain.txt"]);
  expect(listings).toEqual([""]);
});

test("a long text file's end is read with a suffix range, starts at a whole line, and opens scrolled to the bottom", async ({ page }) => {
  test.setTimeout(60_000);
  const { experimentId, run } = await seedRun();
  await page.goto(runUrl(experimentId, run));
  await item(page, "train.log").click();
  const notice = preview(page).getByTestId("artifact-notice");
  await expect(notice).toHaveText("Showing the first 1 MiB of 1.5 MiB. Download the file to see all of it.", { timeout: 20_000 });

  const tailRequest = page.waitForRequest((r) => r.url().includes("/get-artifact?path=train.log") && r.headers()["range"] === "bytes=-1048576");
  await preview(page).getByRole("button", { name: "Show end" }).click();
  await tailRequest;
  await expect(notice).toHaveText("Showing the last 1 MiB of 1.5 MiB. Download the file to see all of it.", { timeout: 20_000 });
  const text = (await preview(page).getByTestId("artifact-text").textContent()) ?? "";
  expect(text.endsWith(BIG_LOG.slice(-100))).toBe(true);
  expect(text.startsWith("step 000000 loss 0.12345678\n")).toBe(true);
  const body = preview(page).locator(".artifact-preview-body");
  await expect.poll(() => body.evaluate((el) => el.scrollHeight - el.clientHeight - el.scrollTop)).toBeLessThan(2);

  await preview(page).getByRole("button", { name: "Show start" }).click();
  await expect(notice).toHaveText(/^Showing the first 1 MiB/);
  await expect.poll(() => body.evaluate((el) => el.scrollTop)).toBe(0);
  // A finished run's preview has nothing to reload.
  await expect(preview(page).getByRole("button", { name: "Reload" })).toHaveCount(0);
});

test("a 2.6 MB JSON file on one line is previewed pretty-printed from its first MiB", async ({ page }) => {
  test.setTimeout(60_000);
  const experiment = await createExperiment();
  const run = await createRun(experiment.id, { name: "big-json" });
  const records = Array.from({ length: 53_000 }, (_, i) => `{"step":${i},"loss":${(1 / (i + 1)).toFixed(8)},"tags":["a","b"]}`);
  const big = `{"history":[${records.join(",")}],"id":12345678901234567890}`;
  expect(big.length).toBeGreaterThan(2_600_000);
  await uploadArtifact(run, "history.json", big);
  await page.goto(runUrl(experiment.id, run));
  await item(page, "history.json").click();
  await expect(preview(page).getByTestId("artifact-notice")).toHaveText(/^Showing the first 1 MiB of /, { timeout: 20_000 });
  const text = preview(page).getByTestId("artifact-text");
  await expect(text).toHaveAttribute("aria-busy", "false", { timeout: 20_000 });
  const shown = (await text.textContent()) ?? "";
  expect(shown.startsWith('{\n  "history": [\n    {\n      "step": 0,\n      "loss": 1.00000000,\n      "tags": [\n        "a",\n        "b"\n      ]\n    },\n')).toBe(true);
  // Every character read is there, only the spacing between tokens added.
  expect(shown.replace(/\s+/g, "")).toBe(big.slice(0, 1024 * 1024).replace(/\s+/g, ""));
});

test.describe("a running run", () => {
  test.describe.configure({ timeout: 60_000 });
  /** The run page re-reads a running run, and the artifact browser its open folders, every 10 s (LIVE_REFRESH_MS). */
  const nextPoll = async (page: Page) => {
    await page.clock.fastForward(10_000);
    await page.waitForLoadState("networkidle");
  };

  test("lists new files as the run logs them, reloads a file on request, and stops once the run ends", async ({ page }) => {
    const experiment = await createExperiment();
    const run = await createRun(experiment.id, { name: "still-training", status: "RUNNING" });
    await uploadArtifact(run, "logs/train.log", "epoch 1 loss 0.9\n");
    await page.clock.install();
    const listings = recordListings(page);
    await page.goto(runUrl(experiment.id, run, "?artifact=logs/train.log"));
    const text = preview(page).getByTestId("artifact-text");
    await expect(text).toHaveText("epoch 1 loss 0.9\n");
    const reload = preview(page).getByRole("button", { name: "Reload" });
    await expect(reload).toBeVisible();

    // The run logs a new file and more lines: the next poll lists them; the preview stays as read.
    await uploadArtifact(run, "checkpoint.txt", "step 2");
    await uploadArtifact(run, "logs/train.log", "epoch 1 loss 0.9\nepoch 2 loss 0.5\n");
    await nextPoll(page);
    await expect(item(page, "checkpoint.txt")).toBeVisible();
    await expect(item(page, "logs/train.log")).toContainText("34 B");
    await expect(preview(page).getByTestId("artifact-changed")).toBeVisible();
    await expect(text).toHaveText("epoch 1 loss 0.9\n");
    await reload.click();
    await expect(text).toHaveText("epoch 1 loss 0.9\nepoch 2 loss 0.5\n");
    await expect(preview(page).getByTestId("artifact-changed")).toHaveCount(0);
    // Reload reads the file again even when its listed size has not moved.
    const again = page.waitForRequest((r) => r.url().includes("/get-artifact?path=logs%2Ftrain.log"));
    await reload.click();
    await again;

    // The run logs a last file and ends: it is listed once more, then nothing is polled.
    await uploadArtifact(run, "model.txt", "final");
    await endRun(run.info.run_id);
    await nextPoll(page);
    await nextPoll(page);
    await expect(item(page, "model.txt")).toBeVisible();
    await expect(reload).toHaveCount(0);
    const settled = listings.length;
    await nextPoll(page);
    await nextPoll(page);
    expect(listings.length).toBe(settled);
  });
});
