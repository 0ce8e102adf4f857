import { expect, test, type Page, type Route } from "@playwright/test";
import { SystemTags } from "../src/core/index.js";
import { api } from "./support/api.js";
import { createExperiment, createRun } from "./support/generators.js";

const SHOTS = process.env.TRACKLET_E2E_SHOTS_DIR;

// The UI's own requests (`/ajax-api/2.0/mlflow/…`, or `/api/2.0/mlflow/…` through a proxy). The
// tests seed and check through `api`, from Node, which these routes do not touch: the server itself
// stays up and shared, only this page loses it.
const MLFLOW_API = /\/(?:ajax-)?api\/2\.0\/mlflow\//;
const UNAVAILABLE = "The tracking server is restarting.";

/** Every MLflow request of the page answered 503, as a server behind a proxy answers while it restarts. */
async function serverDown(page: Page) {
  await page.route(MLFLOW_API, (route: Route) =>
    route.fulfill({ status: 503, contentType: "application/json", body: JSON.stringify({ error_code: "TEMPORARILY_UNAVAILABLE", message: UNAVAILABLE }) }),
  );
}

async function tagValue(runId: string, key: string): Promise<string | undefined> {
  return (await api.call("getRun", { run_id: runId })).run.data.tags.find((t) => t.key === key)?.value;
}

async function openRunningRun(page: Page, tags: { key: string; value: string }[] = []) {
  const experiment = await createExperiment();
  const run = await createRun(experiment.id, { name: "live-run", status: "RUNNING", tags });
  const runId = run.info.run_id;
  await page.goto(`/experiments/${experiment.id}/runs/${runId}`);
  await expect(page.getByTestId("run-title")).toHaveText("live-run");
  return runId;
}

test("a note saved while the server is down keeps the draft with the server's error; Save again works once it is back", async ({ page }) => {
  const runId = await openRunningRun(page);
  await page.getByRole("button", { name: "Add note" }).click();
  const editor = page.getByLabel("Note (markdown)");
  const draft = "Loss plateaued after **epoch 3**: try a lower lr.";
  await editor.fill(draft);

  await serverDown(page);
  await page.getByRole("button", { name: "Save note" }).click();
  const error = page.getByRole("alert").filter({ hasText: "Could not save the note" });
  await expect(error).toContainText(UNAVAILABLE);
  await expect(error).toContainText("TEMPORARILY_UNAVAILABLE");
  await expect(editor).toHaveValue(draft);
  await expect(page.getByText("Could not load the run")).toHaveCount(0);
  // The optimistic note was rolled back: the server never had it, and the card shows no note.
  expect(await tagValue(runId, SystemTags.NOTE)).toBeUndefined();
  await expect(page.getByTestId("note-content")).toHaveCount(0);
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/note-save-error.png`, fullPage: true });

  await page.unroute(MLFLOW_API);
  await page.getByRole("button", { name: "Save note" }).click();
  await expect(editor).toHaveCount(0);
  await expect(page.getByTestId("note-content")).toContainText("Loss plateaued after epoch 3");
  await expect(error).toHaveCount(0);
  await expect.poll(() => tagValue(runId, SystemTags.NOTE)).toBe(draft);
});

test("tag add, edit and delete while the server is down fail inline, keep what was typed, and roll back", async ({ page }) => {
  const runId = await openRunningRun(page, [{ key: "stage", value: "baseline" }]);
  const tags = page.getByTestId("user-tags");
  await serverDown(page);

  await page.getByLabel("New tag key").fill("owner");
  await page.getByLabel("New tag value").fill("ana");
  await page.getByRole("button", { name: "Add tag" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Could not add the tag" })).toContainText(UNAVAILABLE);
  await expect(page.getByLabel("New tag key")).toHaveValue("owner");
  await expect(page.getByLabel("New tag value")).toHaveValue("ana");
  await expect(tags.locator('[data-tag-key="owner"]')).toHaveCount(0);

  await page.getByRole("button", { name: "Edit tag stage" }).click();
  await page.getByLabel("Value of stage").fill("production");
  await page.getByLabel("Value of stage").press("Enter");
  await expect(tags.getByRole("alert").filter({ hasText: "Could not save the tag" })).toContainText(UNAVAILABLE);
  await expect(page.getByLabel("Value of stage")).toHaveValue("production");

  if (SHOTS) await page.screenshot({ path: `${SHOTS}/tag-errors.png`, fullPage: true });
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(tags.locator('[data-tag-key="stage"]')).toContainText("baseline");

  await page.getByRole("button", { name: "Delete tag stage" }).click();
  await expect(page.getByRole("alert").filter({ hasText: "Could not delete the tag" })).toContainText(UNAVAILABLE);
  await expect(tags.locator('[data-tag-key="stage"]')).toContainText("baseline");
  await expect(page.getByText("Could not load the run")).toHaveCount(0);
  expect(await tagValue(runId, "stage")).toBe("baseline");
  expect(await tagValue(runId, "owner")).toBeUndefined();

  await page.unroute(MLFLOW_API);
  await page.getByRole("button", { name: "Add tag" }).click();
  await expect(tags.locator('[data-tag-key="owner"]')).toContainText("ana");
  await expect.poll(() => tagValue(runId, "owner")).toBe("ana");
});

test("a running run's page stays, with a notice, while its refresh cannot reach the server", async ({ page }) => {
  // One poll (10 s), its two retries, then the poll after the server is back.
  test.setTimeout(60_000);
  await openRunningRun(page);
  await page.getByRole("button", { name: "Add note" }).click();
  const editor = page.getByLabel("Note (markdown)");
  await editor.fill("unsaved thoughts");

  await page.route(MLFLOW_API, (route: Route) => route.abort("connectionrefused"));
  const notice = page.getByTestId("refresh-error-notice");
  await expect(notice).toContainText("Connection lost", { timeout: 25_000 });
  await expect(page.getByText("Could not load the run")).toHaveCount(0);
  await expect(page.getByTestId("run-title")).toHaveText("live-run");
  await expect(editor).toHaveValue("unsaved thoughts");
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/refresh-notice.png`, fullPage: true });

  await page.unroute(MLFLOW_API);
  await expect(notice).toHaveCount(0, { timeout: 15_000 });
  await expect(editor).toHaveValue("unsaved thoughts");
});

test("Edit note puts the caret after the existing note, in the focused textarea", async ({ page }) => {
  const note = "First line.\n\nSecond line.";
  await openRunningRun(page, [{ key: SystemTags.NOTE, value: note }]);
  await page.getByRole("button", { name: "Edit note" }).click();
  const editor = page.getByLabel("Note (markdown)");
  await expect(editor).toBeFocused();
  await expect(editor).toHaveValue(note);
  const caret = await editor.evaluate((el: HTMLTextAreaElement) => ({ start: el.selectionStart, end: el.selectionEnd, length: el.value.length }));
  expect(caret).toEqual({ start: note.length, end: note.length, length: note.length });
  await page.keyboard.type(" Third.");
  await expect(editor).toHaveValue(`${note} Third.`);
});
