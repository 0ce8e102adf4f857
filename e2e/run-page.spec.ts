import { expect, test, type Page } from "@playwright/test";
import { SystemTags } from "../src/core/index.js";
import { api, uploadArtifact } from "./support/api.js";
import { recordRequests } from "./support/network.js";
import { createExperiment, createRun } from "./support/generators.js";

async function tagValue(runId: string, key: string): Promise<string | undefined> {
  const { run } = await api.call("getRun", { run_id: runId });
  return run.data.tags.find((t) => t.key === key)?.value;
}

async function newRun(name = "note-run") {
  const experiment = await createExperiment();
  const run = await createRun(experiment.id, { name, params: [{ key: "lr", value: "0.01" }], metrics: { "val/loss": 0.25 }, tags: [{ key: "team", value: "vision" }] });
  return { experimentId: experiment.id, runId: run.info.run_id };
}

async function writeNote(page: Page, markdown: string) {
  await page.getByRole("button", { name: /Add note|Edit note/ }).click();
  await page.getByLabel("Note (markdown)").fill(markdown);
  await page.getByRole("tab", { name: "Preview" }).click();
  await expect(page.getByTestId("note-preview")).toBeVisible();
  await page.getByRole("button", { name: "Save note" }).click();
}

test("a markdown note is saved with set-tag and survives a reload", async ({ page }) => {
  const { experimentId, runId } = await newRun();
  await page.goto(`/experiments/${experimentId}/runs/${runId}`);
  await writeNote(page, "## Findings\n\nThe **warmup** helped.\n\n- one\n- two");
  const note = page.getByTestId("note-content");
  await expect(note.getByRole("heading", { name: "Findings" })).toBeVisible();
  await expect(note.locator("strong")).toHaveText("warmup");
  await expect.poll(() => tagValue(runId, SystemTags.NOTE)).toBe("## Findings\n\nThe **warmup** helped.\n\n- one\n- two");

  await page.reload();
  await expect(page.getByTestId("note-content").getByRole("listitem")).toHaveText(["one", "two"]);
});

test("a note with HTML and javascript: links renders inert", async ({ page }) => {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  const { experimentId, runId } = await newRun();
  await page.goto(`/experiments/${experimentId}/runs/${runId}`);
  const hostile = [
    "Hello <img src=x onerror=alert(1)> world",
    "",
    "<script>alert(2)</script>",
    "",
    "[click me](javascript:alert(3)) and [also](JAVASCRIPT:alert(4))",
    "",
    '<a href="javascript:alert(5)" onclick="alert(6)">raw link</a>',
  ].join("\n");
  await writeNote(page, hostile);
  const note = page.getByTestId("note-content");
  await expect(note).toContainText("click me");
  await expect.poll(() => tagValue(runId, SystemTags.NOTE)).toBe(hostile);
  await page.reload();
  await expect(page.getByTestId("note-content")).toContainText("click me");

  expect(await page.locator("[data-testid=note-content] img, [data-testid=note-content] script").count()).toBe(0);
  const attributes = await page.getByTestId("note-content").evaluate((el) =>
    [...el.querySelectorAll("*")].flatMap((node) => [...node.attributes].map((a) => `${a.name}=${a.value}`)),
  );
  expect(attributes.filter((a) => /^on/i.test(a) || /javascript:/i.test(a))).toEqual([]);
  await page.getByTestId("note-content").getByText("click me").click();
  await page.getByTestId("note-content").getByText("also").click();
  await page.waitForTimeout(300);
  expect(dialogs).toEqual([]);
});

test("tags are added, edited and deleted; reserved tags are protected", async ({ page }) => {
  const { experimentId, runId } = await newRun();
  await page.goto(`/experiments/${experimentId}/runs/${runId}`);
  const userTags = page.getByTestId("user-tags");

  await page.getByLabel("New tag key").fill("stage");
  await page.getByLabel("New tag value").fill("baseline");
  await page.getByRole("button", { name: "Add tag" }).click();
  await expect(userTags.locator('[data-tag-key="stage"]')).toContainText("baseline");
  await expect.poll(() => tagValue(runId, "stage")).toBe("baseline");

  await page.getByRole("button", { name: "Edit tag stage" }).click();
  await page.getByLabel("Value of stage").fill("production");
  await page.getByLabel("Value of stage").press("Enter");
  await expect(userTags.locator('[data-tag-key="stage"]')).toContainText("production");
  await expect.poll(() => tagValue(runId, "stage")).toBe("production");

  await page.getByRole("button", { name: "Delete tag stage" }).click();
  await expect(userTags.locator('[data-tag-key="stage"]')).toHaveCount(0);
  await expect.poll(() => tagValue(runId, "stage")).toBeUndefined();

  // Reserved mlflow.* tags are listed read-only, and new ones cannot be created from the UI.
  await page.getByText("System tags").click();
  const system = page.getByTestId("system-tags");
  await expect(system.locator(`[data-tag-key="${SystemTags.SOURCE_NAME}"]`)).toBeVisible();
  await expect(system.getByRole("button")).toHaveCount(0);
  await page.getByLabel("New tag key").fill("mlflow.user");
  await page.getByLabel("New tag value").fill("mallory");
  await page.getByRole("button", { name: "Add tag" }).click();
  await expect(page.getByRole("alert")).toContainText("reserved");
  expect(await tagValue(runId, "mlflow.user")).toBe("e2e");
});

test("the overview links parent and child runs, and metrics link to their chart (children need server filter)", async ({ page }) => {
  const experiment = await createExperiment();
  const parent = await createRun(experiment.id, { name: "parent-run" });
  const child = await createRun(experiment.id, { name: "child-run", parentId: parent.info.run_id, metrics: { "val/loss": 0.5 } });
  await page.goto(`/experiments/${experiment.id}/runs/${child.info.run_id}`);
  await expect(page.getByTestId("overview")).toContainText("train.py");
  await page.getByTestId("metrics").getByRole("link", { name: "val/loss" }).click();
  await expect(page).toHaveURL(new RegExp(`/runs/${child.info.run_id}/metrics/val%2Floss$`));
  await expect(page.getByTestId("metric-title")).toHaveText("val/loss");
  await page.goBack();
  await page.getByTestId("parent-run-link").click();
  await expect(page.getByTestId("run-title")).toHaveText("parent-run");
  await page.getByTestId("child-runs").getByRole("link", { name: "child-run" }).click();
  await expect(page.getByTestId("run-title")).toHaveText("child-run");
});

test("same-named child runs are told apart by a short id in the parent's list", async ({ page }) => {
  const experiment = await createExperiment();
  const parent = await createRun(experiment.id, { name: "sweep" });
  const twins = await Promise.all([0, 1].map(() => createRun(experiment.id, { name: "trial-0", parentId: parent.info.run_id })));
  await page.goto(`/experiments/${experiment.id}/runs/${parent.info.run_id}`);
  const links = page.getByTestId("child-runs").getByRole("link");
  await expect(links).toHaveCount(2);
  const texts = await links.allTextContents();
  expect(new Set(texts).size).toBe(2);
  for (const twin of twins) expect(texts).toContain(`trial-0 · ${twin.info.run_id.slice(0, 6)}`);
});

test("long param and tag values are clamped, with Show more and Copy", async ({ page }) => {
  const experiment = await createExperiment();
  const long = "p".repeat(6000);
  const run = await createRun(experiment.id, { name: "long-values", params: [{ key: "long_param", value: long }, { key: "lr", value: "0.01" }], tags: [{ key: "long_tag", value: "x".repeat(5000) }] });
  await page.goto(`/experiments/${experiment.id}/runs/${run.info.run_id}`);
  const params = page.getByTestId("params");
  await expect(params.getByTestId("long-value")).toHaveText(`${"p".repeat(300)}…`);
  await expect(params).toContainText("0.01");
  // The cards after Parameters stay close: the page is not thousands of pixels tall.
  expect(await page.locator(".page-scroll").evaluate((el) => el.scrollHeight)).toBeLessThan(2000);
  await params.getByRole("button", { name: "Show more of long_param" }).click();
  await expect(params.getByTestId("long-value")).toHaveText(long);
  await expect(page.getByTestId("user-tags").getByRole("button", { name: "Copy long_tag" })).toBeVisible();
});

test("a deleted run says so, is read-only and can be restored; an active one can be deleted", async ({ page }) => {
  const { experimentId, runId } = await newRun();
  await page.goto(`/experiments/${experimentId}/runs/${runId}`);
  await page.getByRole("button", { name: "Delete run" }).click();
  await expect(page.getByTestId("deleted-run-banner")).toContainText("This run is deleted");
  expect((await api.call("getRun", { run_id: runId })).run.info.lifecycle_stage).toBe("deleted");
  await expect(page.getByRole("button", { name: /Add note|Edit note/ })).toHaveCount(0);
  await expect(page.getByLabel("New tag key")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Edit tag team" })).toHaveCount(0);

  await page.getByRole("button", { name: "Restore run" }).click();
  await expect(page.getByTestId("deleted-run-banner")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Edit tag team" })).toBeVisible();
  expect((await api.call("getRun", { run_id: runId })).run.info.lifecycle_stage).toBe("active");
});

test("a run that does not exist shows not found with a way back, and no Retry", async ({ page }) => {
  const experiment = await createExperiment();
  const missing = "0123456789abcdef0123456789abcdef";
  const asked = recordRequests(page, (url) => url.includes(missing) && url.includes("/mlflow/runs/"));
  await page.goto(`/experiments/${experiment.id}/runs/${missing}`);
  await expect(page.getByTestId("empty-state")).toContainText("Run not found");
  // The route's loader asked once; mounting the page must not ask again for the same 404.
  expect(asked).toHaveLength(1);
  await expect(page.getByRole("button", { name: "Retry" })).toHaveCount(0);
  await page.getByRole("link", { name: `Back to the runs of ${experiment.name}` }).click();
  await expect(page).toHaveURL(new RegExp(`/experiments/${experiment.id}/runs$`));
});

test("cancelling a changed note draft asks first; an unchanged one closes at once", async ({ page }) => {
  const { experimentId, runId } = await newRun();
  await page.goto(`/experiments/${experimentId}/runs/${runId}`);
  await page.getByRole("button", { name: "Add note" }).click();
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByLabel("Note (markdown)")).toHaveCount(0);

  await page.getByRole("button", { name: "Add note" }).click();
  const editor = page.getByLabel("Note (markdown)");
  await editor.fill("a long thought");
  await editor.press("Escape");
  const dialog = page.getByRole("dialog", { name: "Discard the note draft?" });
  await expect(dialog).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(editor).toHaveValue("a long thought");

  // From the Preview tab too; discarding puts the focus back on the button that opened the editor.
  await page.getByRole("tab", { name: "Preview" }).click();
  await page.keyboard.press("Escape");
  await dialog.getByRole("button", { name: "Discard changes" }).click();
  await expect(page.getByLabel("Note (markdown)")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Add note" })).toBeFocused();
});

test("leaving with an unsaved note draft asks first", async ({ page }) => {
  const { experimentId, runId } = await newRun();
  await page.goto(`/experiments/${experimentId}/runs/${runId}`);
  await page.getByRole("button", { name: "Add note" }).click();
  await page.getByLabel("Note (markdown)").fill("half a thought");
  await page.getByRole("navigation", { name: "Breadcrumbs" }).getByRole("link", { name: "Experiments" }).click();
  const dialog = page.getByRole("dialog", { name: "Leave without saving?" });
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: "Keep editing" }).click();
  await expect(page.getByLabel("Note (markdown)")).toHaveValue("half a thought");
  await page.getByRole("navigation", { name: "Breadcrumbs" }).getByRole("link", { name: "Experiments" }).click();
  await page.getByRole("button", { name: "Discard and leave" }).click();
  await expect(page).toHaveURL(/\/experiments$/);
});

test("MLflow UI links that leave things out still open the view: a metric without its experiment, an artifact's path, several experiments", async ({ page }) => {
  const experimentId = (await createExperiment()).id;
  const run = await createRun(experimentId, { name: "linked-run", metrics: { "val/loss": 0.25 } });
  const runId = run.info.run_id;
  const other = await newRun("other-run");
  // MLflow's metric link without experiments=: the run says where it lives.
  await page.goto(`/#/metric/${encodeURIComponent("val/loss")}?runs=${encodeURIComponent(JSON.stringify([runId, other.runId]))}`);
  await expect(page).toHaveURL(new RegExp(`/experiments/${experimentId}/runs/${runId}/metrics/val%2Floss\\?runs=${other.runId}$`));
  await expect(page.getByTestId("legend-entry")).toHaveCount(2);
  // A file of MLflow's artifact tab is selected in the browser.
  await uploadArtifact(run, "logs/train.log", "step 1\n");
  await page.goto(`/#/experiments/${experimentId}/runs/${runId}/artifactPath/logs/train.log`);
  await expect(page).toHaveURL(new RegExp(`/experiments/${experimentId}/runs/${runId}\\?artifact=logs%2Ftrain\\.log$`));
  await expect(page.getByTestId("artifact-preview-path")).toHaveText("logs/train.log");
  // MLflow's compare-experiments: one table of both experiments' runs.
  await page.goto(`/#/compare-experiments/s?experiments=${encodeURIComponent(JSON.stringify([experimentId, other.experimentId]))}`);
  await expect(page).toHaveURL(new RegExp(`/experiments/${experimentId},${other.experimentId}/runs$`));
  await expect(page.getByRole("link", { name: "other-run" })).toBeVisible();
  await expect(page.getByRole("link", { name: "linked-run" })).toBeVisible();
});

test("MLflow UI links open the same views: /#/experiments/<id>/runs/<run>, /#/experiments/<id>, /experiments/<id>", async ({ page }) => {
  const { experimentId, runId } = await newRun("linked-run");
  await page.goto(`/#/experiments/${experimentId}/runs/${runId}`);
  await expect(page).toHaveURL(new RegExp(`/experiments/${experimentId}/runs/${runId}$`));
  await expect(page.getByTestId("run-title")).toHaveText("linked-run");
  await page.goto(`/#/experiments/${experimentId}`);
  await expect(page).toHaveURL(new RegExp(`/experiments/${experimentId}/runs$`));
  await expect(page.getByRole("link", { name: "linked-run" })).toBeVisible();
  await page.goto(`/experiments/${experimentId}?filter=${encodeURIComponent("params.lr = '0.01'")}`);
  await expect(page).toHaveURL(new RegExp(`/experiments/${experimentId}/runs\\?filter=`));
  await expect(page.getByRole("link", { name: "linked-run" })).toBeVisible();
});
