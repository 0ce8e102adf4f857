import { expect, test } from "@playwright/test";
import { api, deleteArtifact, uploadArtifact } from "./support/api.js";
import { BINARY, HOSTILE_HTML, PNG, TOP_LEVEL, item, preview, recordDialogs, recordListings, runUrl, seedRun, tree } from "./support/artifacts.js";
import { createExperiment, createRun, uniqueName } from "./support/generators.js";

test("the tree lists the top level, opens a folder lazily with one request, and previews an image", async ({ page }) => {
  const { experimentId, run } = await seedRun();
  const listings = recordListings(page);
  await page.goto(runUrl(experimentId, run));

  await expect(tree(page).locator('[role=treeitem][aria-level="1"] .artifact-name')).toHaveText(TOP_LEVEL);
  await expect(item(page, "metrics.json")).toContainText("75 B");
  await expect(item(page, "train.log")).toContainText("1.5 MiB");
  expect(listings).toEqual([""]);

  // A folder is listed when first opened, once.
  const plotsListed = page.waitForRequest((r) => r.url().includes("/mlflow/artifacts/list") && new URL(r.url()).searchParams.get("path") === "plots");
  await item(page, "plots").click();
  await plotsListed;
  await expect(item(page, "plots")).toHaveAttribute("aria-expanded", "true");
  await expect(item(page, "plots/loss curve.png")).toHaveAttribute("aria-level", "2");
  await item(page, "plots").click();
  await expect(item(page, "plots/loss curve.png")).toHaveCount(0);
  await item(page, "plots").click();
  await expect(item(page, "plots/loss curve.png")).toBeVisible();
  expect(listings).toEqual(["", "plots"]);

  // Image: an <img> from get-artifact that decodes.
  await item(page, "plots/loss curve.png").click();
  await expect(page).toHaveURL(/\?artifact=plots\/loss%20curve\.png$/);
  await expect(preview(page).getByTestId("artifact-preview-path")).toHaveText("plots/loss curve.png");
  const image = preview(page).getByTestId("artifact-image");
  await expect(image).toHaveAttribute("src", `/get-artifact?path=plots%2Floss%20curve.png&run_uuid=${run.info.run_id}`);
  await expect.poll(() => image.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(12);
  // A 12×8 image would be a speck: it is enlarged by whole pixels (16×, to 192×128), and says so.
  await expect(preview(page).getByTestId("artifact-image-size")).toHaveText("12 × 8 px, shown 16× larger");
  expect(await image.evaluate((img: HTMLImageElement) => [img.clientWidth, img.clientHeight, getComputedStyle(img).imageRendering])).toEqual([192, 128, "pixelated"]);
});

test("JSON is pretty-printed, CSV is a table, and HTML is shown as inert text", async ({ page }) => {
  const dialogs = recordDialogs(page);
  const { experimentId, run } = await seedRun();
  await page.goto(runUrl(experimentId, run));

  // JSON: pretty-printed, numbers as written.
  await item(page, "metrics.json").click();
  const text = preview(page).getByTestId("artifact-text");
  await expect(text).toContainText('"accuracy": 0.93');
  expect(await text.textContent()).toBe('{\n  "accuracy": 0.93,\n  "classes": [\n    "cat",\n    "dog"\n  ],\n  "run": {\n    "id": 12345678901234567890\n  }\n}');

  // HTML: its source as text; nothing of it is rendered or run.
  await item(page, "report.html").click();
  await expect(text).toContainText('<script>alert("script ran")</script>');
  expect(await text.textContent()).toBe(HOSTILE_HTML);
  await expect(preview(page).locator("script, img, iframe, object, embed, h1")).toHaveCount(0);
  await expect(page.locator("iframe")).toHaveCount(0);

  // CSV: a table, quoted fields read whole.
  await item(page, "eval results").click();
  await item(page, "eval results/predictions.csv").click();
  const table = preview(page).getByTestId("artifact-table");
  await expect(table.locator("thead th")).toHaveText(["name", "score", "comment"]);
  await expect(table.locator("tbody tr")).toHaveCount(2);
  await expect(table.locator("tbody tr").first().locator("td")).toHaveText(["cat", "0.9", 'likes "fish", naps']);

  await page.waitForTimeout(200);
  expect(dialogs).toEqual([]);
});

test("a text file over the cap is previewed from its first MiB, asked for as a range, and says so", async ({ page }) => {
  // Uploads 1.5 MiB and lays out a MiB of text: more than the default budget on a busy 2-core machine.
  test.setTimeout(60_000);
  const { experimentId, run } = await seedRun();
  await page.goto(runUrl(experimentId, run));
  const logRequest = page.waitForRequest((r) => r.url().includes("/get-artifact?path=train.log"));
  await item(page, "train.log").click();
  expect((await logRequest).headers()["range"]).toBe("bytes=0-1048575");
  await expect(preview(page).getByTestId("artifact-notice")).toHaveText("Showing the first 1 MiB of 1.5 MiB. Download the file to see all of it.", { timeout: 20_000 });
  expect((await preview(page).getByTestId("artifact-text").textContent())?.length).toBe(1024 * 1024);
});

test("a binary file has no preview but a working Download link; the URL keeps the selection across a reload", async ({ page }) => {
  const { experimentId, run } = await seedRun();
  await page.goto(runUrl(experimentId, run));
  await item(page, "model").click();
  await item(page, "model/model.pkl").click();
  await expect(preview(page).getByTestId("artifact-no-preview")).toContainText("No preview for this file type");
  const download = preview(page).getByTestId("artifact-no-preview").getByRole("link", { name: "Download" });
  const response = await page.request.get((await download.getAttribute("href")) ?? "");
  expect(response.status()).toBe(200);
  expect(new Uint8Array(await response.body())).toEqual(BINARY);
  const [file] = await Promise.all([page.waitForEvent("download"), download.click()]);
  expect(file.suggestedFilename()).toBe("model.pkl");

  await expect(page).toHaveURL(/\?artifact=model\/model\.pkl$/);
  await page.reload();
  await expect(item(page, "model")).toHaveAttribute("aria-expanded", "true");
  await expect(item(page, "model/model.pkl")).toHaveAttribute("aria-selected", "true");
  await expect(preview(page).getByTestId("artifact-preview-path")).toHaveText("model/model.pkl");
  await expect(item(page, "plots")).toHaveAttribute("aria-expanded", "false");
});

test("a link to an artifact opens its folders and shows it", async ({ page }) => {
  const { experimentId, run } = await seedRun();
  await page.goto(runUrl(experimentId, run, "?artifact=eval%20results/predictions.csv"));
  await expect(item(page, "eval results")).toHaveAttribute("aria-expanded", "true");
  await expect(item(page, "eval results/predictions.csv")).toHaveAttribute("aria-selected", "true");
  await expect(preview(page).getByTestId("artifact-table").locator("thead th")).toHaveText(["name", "score", "comment"]);
  await expect(preview(page)).toBeInViewport();
});

test("the tree is keyboard navigable", async ({ page }) => {
  const { experimentId, run } = await seedRun();
  await page.goto(runUrl(experimentId, run));
  const first = item(page, "eval results");
  await expect(first).toHaveAttribute("tabindex", "0");
  await first.focus();

  await page.keyboard.press("ArrowRight");
  await expect(first).toHaveAttribute("aria-expanded", "true");
  // The folder is listed when opened: → moves into it once its entries are there (before, it has none to go to).
  await expect(item(page, "eval results/predictions.csv")).toBeVisible();
  await page.keyboard.press("ArrowRight");
  await expect(item(page, "eval results/predictions.csv")).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(item(page, "eval results/predictions.csv")).toHaveAttribute("aria-selected", "true");
  await expect(page).toHaveURL(/\?artifact=eval%20results\/predictions\.csv$/);
  await expect(preview(page).getByTestId("artifact-table")).toBeVisible();

  await page.keyboard.press("ArrowLeft");
  await expect(first).toBeFocused();
  await page.keyboard.press("ArrowLeft");
  await expect(first).toHaveAttribute("aria-expanded", "false");
  await page.keyboard.press("ArrowDown");
  await expect(item(page, "model")).toBeFocused();
  await page.keyboard.press("End");
  await expect(item(page, "train.log")).toBeFocused();
  await page.keyboard.press("ArrowUp");
  await page.keyboard.press(" ");
  await expect(preview(page).getByTestId("artifact-preview-path")).toHaveText("report.html");
  await page.keyboard.press("Home");
  await expect(first).toBeFocused();
  await expect(tree(page).locator("[role=treeitem][tabindex='0']")).toHaveCount(1);
});

test("a run without artifacts shows the empty state with its artifact URI", async ({ page }) => {
  const experiment = await createExperiment();
  const run = await createRun(experiment.id, { name: "no-artifacts" });
  await page.goto(runUrl(experiment.id, run));
  const empty = page.getByTestId("artifacts-empty");
  await expect(empty).toContainText("No artifacts recorded for this run");
  await expect(empty.getByTestId("artifacts-root-uri")).toHaveText(run.info.artifact_uri);
  await expect(tree(page)).toHaveCount(0);
});

test("a file that vanished after it was listed shows the server's error", async ({ page }) => {
  const experiment = await createExperiment();
  const run = await createRun(experiment.id, { name: "vanishing" });
  await uploadArtifact(run, "gone.txt", "soon gone");
  await uploadArtifact(run, "gone.png", PNG);
  await uploadArtifact(run, "kept.txt", "still here");
  await page.goto(runUrl(experiment.id, run));
  await expect(item(page, "gone.txt")).toBeVisible();
  await deleteArtifact(run, "gone.txt");
  await deleteArtifact(run, "gone.png");

  await item(page, "gone.txt").click();
  await expect(preview(page).getByRole("alert")).toContainText("RESOURCE_DOES_NOT_EXIST");
  await expect(preview(page).getByRole("alert")).toContainText("Could not load gone.txt");
  await item(page, "gone.png").click();
  await expect(preview(page).getByRole("alert")).toContainText("RESOURCE_DOES_NOT_EXIST");
  await item(page, "kept.txt").click();
  await expect(preview(page).getByTestId("artifact-text")).toHaveText("still here");

  // A link to a file the run does not have says so.
  await page.goto(runUrl(experiment.id, run, "?artifact=nope/missing.txt"));
  await expect(preview(page).getByTestId("artifact-missing")).toContainText("This run has no file at nope/missing.txt");
});

test("a listing the server refuses shows its MLflow error", async ({ page }) => {
  const { experiment_id } = await api.call("createExperiment", { name: uniqueName("s3-artifacts"), artifact_location: "s3://bucket/prefix" });
  const run = await createRun(experiment_id, { name: "remote-artifacts" });
  await page.goto(runUrl(experiment_id, run));
  const alert = page.getByTestId("run-artifacts").getByRole("alert");
  await expect(alert).toContainText("Could not list the artifacts", { timeout: 15_000 });
  await expect(alert).toContainText("s3://bucket/prefix");
});

test("selecting an artifact while a note draft is open keeps the draft and asks nothing: only leaving the page does", async ({ page }) => {
  const { experimentId, run } = await seedRun();
  await page.goto(runUrl(experimentId, run));
  await page.getByRole("button", { name: "Add note" }).click();
  await page.getByLabel("Note (markdown)").fill("draft in progress");
  await item(page, "metrics.json").click();
  await expect(page).toHaveURL(/artifact=metrics\.json/);
  await expect(preview(page)).toContainText('"accuracy"');
  await expect(page.getByRole("dialog")).toHaveCount(0);
  await expect(page.getByLabel("Note (markdown)")).toHaveValue("draft in progress");
});

test("in a narrow window a selected file's preview, under the tree, scrolls into view", async ({ page }) => {
  await page.setViewportSize({ width: 800, height: 700 });
  const { experimentId, run } = await seedRun();
  await page.goto(runUrl(experimentId, run));
  await tree(page).scrollIntoViewIfNeeded();
  await item(page, "metrics.json").click();
  await expect(preview(page)).toContainText('"accuracy"');
  await expect(preview(page)).toBeInViewport();
});
