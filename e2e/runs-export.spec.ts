import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { createExperiment, createRun } from "./support/generators.js";
import { applyFilter, runRow, runRows } from "./support/runs-table.js";

async function downloadCsv(page: Page): Promise<{ name: string; lines: string[] }> {
  const download = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download CSV" }).click();
  const file = await download;
  const text = await readFile((await file.path()) ?? "", "utf8");
  expect(text.startsWith("\ufeff")).toBe(true);
  // CRLF rows (RFC 4180); the quoted multi-line value below keeps its own bare \n.
  return { name: file.suggestedFilename(), lines: text.slice(1).split("\r\n").filter(Boolean) };
}

test("Download CSV saves the loaded runs under the filter, or the selected ones, with every key, escaped and formula-safe", async ({ page }) => {
  const experiment = await createExperiment();
  const a = await createRun(experiment.id, {
    name: "alpha",
    startTime: 1_700_000_000_000,
    params: [{ key: "lr", value: "0.1" }, { key: "note", value: '=cmd|"calc", then\nmore' }],
    metrics: { loss: 0.5 },
    tags: [{ key: "team", value: "nlp" }],
  });
  const b = await createRun(experiment.id, { name: "beta", startTime: 1_700_000_100_000, metrics: { loss: -0.25, acc: 0.9 }, tags: [{ key: "team", value: "vision" }] });
  await page.goto(`/experiments/${experiment.id}/runs`);
  await expect(runRows(page)).toHaveCount(2);

  const all = await downloadCsv(page);
  expect(all.name).toBe(`runs-experiment-${experiment.id}.csv`);
  expect(all.lines[0]).toBe(
    "run_id,name,experiment_id,status,user,start_time,end_time,duration_s,source,params.lr,params.note,metrics.acc,metrics.loss,tags.team,tags.mlflow.runName,tags.mlflow.source.name,tags.mlflow.source.type,tags.mlflow.user",
  );
  // The server's order (newest first); beta has no params, alpha no acc.
  expect(all.lines[1]).toBe(`${b.info.run_id},beta,${experiment.id},FINISHED,e2e,2023-11-14T22:15:00.000Z,2023-11-14T22:16:06.000Z,66,/home/me/project/train.py,,,0.9,-0.25,vision,beta,/home/me/project/train.py,LOCAL,e2e`);
  expect(all.lines[2]).toBe(
    `${a.info.run_id},alpha,${experiment.id},FINISHED,e2e,2023-11-14T22:13:20.000Z,2023-11-14T22:14:21.000Z,61,/home/me/project/train.py,0.1,"'=cmd|""calc"", then\nmore",,0.5,nlp,alpha,/home/me/project/train.py,LOCAL,e2e`,
  );
  expect(all.lines).toHaveLength(3);

  // Under a filter: only the runs it leaves.
  await applyFilter(page, "tags.team = 'nlp'");
  await expect(runRows(page)).toHaveCount(1);
  const filtered = await downloadCsv(page);
  expect(filtered.lines.slice(1).map((l) => l.split(",")[1])).toEqual(["alpha"]);

  // With a selection: only the selected runs.
  await applyFilter(page, "");
  await expect(runRows(page)).toHaveCount(2);
  await runRow(page, "beta").getByRole("checkbox").click();
  const selected = await downloadCsv(page);
  expect(selected.lines.slice(1).map((l) => l.split(",")[1])).toEqual(["beta"]);
  expect(selected.lines[0]).not.toContain("params.");
});

test("Download CSV of a selection holds the selected runs the table has not loaded too, read by id", async ({ page }) => {
  const experiment = await createExperiment();
  const kept = await createRun(experiment.id, { name: "kept", startTime: 1_700_000_000_000, tags: [{ key: "team", value: "nlp" }] });
  const hidden = await createRun(experiment.id, { name: "hidden", startTime: 1_700_000_100_000, tags: [{ key: "team", value: "vision" }] });
  // A shared link: a filter that leaves only "kept", and both runs selected.
  await page.goto(`/experiments/${experiment.id}/runs?filter=${encodeURIComponent("tags.team = 'nlp'")}&sel=${kept.info.run_id},${hidden.info.run_id}`);
  await expect(runRows(page)).toHaveCount(1);
  await expect(page.getByRole("button", { name: "Download CSV" })).toHaveAttribute("title", "Download the 2 selected runs as CSV");
  const file = await downloadCsv(page);
  expect(file.lines.slice(1).map((l) => l.split(",")[1])).toEqual(["kept", "hidden"]);
});
