import { expect, test, type Page, type Request } from "@playwright/test";
import type { Run } from "../src/core/index.js";
import { api, deleteArtifact, uploadArtifact } from "./support/api.js";
import { createExperiment, createRun, endRun, uniqueName } from "./support/generators.js";

/** A 12×8 PNG. */
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAwAAAAICAIAAABChommAAAAIUlEQVR42mO4Y6MBQRpRdyAIU4SBKEV45OAixCkahG4CAKXgfaHYl2TkAAAAAElFTkSuQmCC", "base64");
const JSON_TEXT = '{"accuracy":0.93,"classes":["cat","dog"],"run":{"id":12345678901234567890}}';
const CSV_TEXT = 'name,score,comment\ncat,0.9,"likes ""fish"", naps"\ndog,0.8,plain\n';
const HOSTILE_HTML = '<h1>Report</h1>\n<script>alert("script ran")</script>\n<img src=x onerror="alert(\'onerror ran\')">\n';
/** 1.5 MiB of log lines: over the 1 MiB preview cap. */
const BIG_LOG = "step 000000 loss 0.12345678\n".repeat(Math.ceil((1.5 * 1024 * 1024) / 28)).slice(0, 1.5 * 1024 * 1024);
const BINARY = Uint8Array.from({ length: 1024 }, (_, i) => (i * 7) % 256);

const TOP_LEVEL = ["eval results", "model", "plots", "metrics.json", "report.html", "train.log"];

async function seedRun(): Promise<{ experimentId: string; run: Run }> {
  const experiment = await createExperiment();
  const run = await createRun(experiment.id, { name: "artifacts-run" });
  await Promise.all([
    uploadArtifact(run, "eval results/predictions.csv", CSV_TEXT),
    uploadArtifact(run, "model/MLmodel", "artifact_path: model\nflavors:\n  python_function: {}\n"),
    uploadArtifact(run, "model/model.pkl", BINARY),
    uploadArtifact(run, "plots/loss curve.png", PNG),
    uploadArtifact(run, "metrics.json", JSON_TEXT),
    uploadArtifact(run, "report.html", HOSTILE_HTML),
    uploadArtifact(run, "train.log", BIG_LOG),
  ]);
  return { experimentId: experiment.id, run };
}

const runUrl = (experimentId: string, run: Run, search = "") => `/experiments/${experimentId}/runs/${run.info.run_id}${search}`;
const tree = (page: Page) => page.getByRole("tree", { name: "Artifact files" });
const item = (page: Page, path: string) => tree(page).locator(`[role=treeitem][data-path="${path}"]`);
const preview = (page: Page) => page.getByTestId("artifact-preview");

/** Every artifacts/list request the page sends, by its `path` ("" for the root). */
function recordListings(page: Page): string[] {
  const paths: string[] = [];
  page.on("request", (request: Request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith("/mlflow/artifacts/list")) paths.push(url.searchParams.get("path") ?? "");
  });
  return paths;
}

/** Every get-artifact request the page sends, by its `path`. */
function recordDownloads(page: Page): string[] {
  const paths: string[] = [];
  page.on("request", (request: Request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith("/get-artifact")) paths.push(url.searchParams.get("path") ?? "");
  });
  return paths;
}

/** Every dialog the page opens (alert, confirm, prompt): nothing in an artifact may run script, so a test expects none. */
function recordDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}

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

test("typing a name's start moves to it; the same letter again cycles through the names starting with it", async ({ page }) => {
  const { experimentId, run } = await seedRun();
  await page.goto(runUrl(experimentId, run));
  await item(page, "eval results").focus();

  // Keys typed in quick succession add up: "m" finds model, "me" goes on to metrics.json.
  await page.keyboard.type("me");
  await expect(item(page, "metrics.json")).toBeFocused();
  // After a pause a key starts over, looking from the next name: "r" then "e" (report.html matches "re").
  await page.waitForTimeout(600);
  await page.keyboard.type("re");
  await expect(item(page, "report.html")).toBeFocused();
  // The same letter again and again cycles: model, metrics.json, model.
  await page.waitForTimeout(600);
  await page.keyboard.press("m");
  await expect(item(page, "model")).toBeFocused();
  await page.keyboard.press("m");
  await expect(item(page, "metrics.json")).toBeFocused();
  await page.keyboard.press("m");
  await expect(item(page, "model")).toBeFocused();
  // Case does not matter, and typing moves the focus only: nothing is selected or opened.
  await page.waitForTimeout(600);
  await page.keyboard.type("TR");
  await expect(item(page, "train.log")).toBeFocused();
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
