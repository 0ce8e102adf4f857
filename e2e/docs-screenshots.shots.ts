import { test, type Page } from "@playwright/test";
import { api } from "./support/api.js";
import { createExperiment, createRun, seedRunTree, uniqueName } from "./support/generators.js";

/**
 * Screenshots of each view for docs/screenshots/, in light and dark. Not part of the test run:
 * `TRACKLET_SCREENSHOTS=1 npx playwright test --project=screenshots`.
 */
const OUT = "docs/screenshots";

async function shoot(page: Page, name: string) {
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await page.screenshot({ path: `${OUT}/${name}-${scheme}.png` });
  }
}

test("views", async ({ page }) => {
  test.setTimeout(120_000);
  const exp = await createExperiment(uniqueName("mnist-cnn"));
  await createExperiment(uniqueName("cifar10-resnet"));
  await createExperiment(uniqueName("imdb-sentiment"));
  const runs = await seedRunTree(exp.id, { roots: 8, fanout: 2, depth: 2 });
  const first = runs[0];
  if (!first) throw new Error("nothing seeded");
  await createRun(exp.id, { name: "baseline-running", status: "RUNNING", startTime: Date.now() - 3_600_000, params: [{ key: "lr", value: "0.05" }], metrics: { loss: 0.42 } });
  await api.call("setTag", {
    run_id: first.id,
    key: "mlflow.note.content",
    value: "## Findings\n\nLower **learning rate** converged faster.\n\n- [x] sweep lr\n- [ ] try `batch_size=64`\n\nSee [the report](https://example.com/report).",
  });
  await api.call("logBatch", { run_id: first.id, params: [{ key: "batch_size", value: "32" }, { key: "optimizer", value: "adam" }], tags: [{ key: "mlflow.source.git.commit", value: "3f2a9c1e0b7d4e5f6a7b8c9d0e1f2a3b4c5d6e7f" }] });
  await api.call("logInputs", {
    run_id: first.id,
    datasets: [{ tags: [{ key: "mlflow.data.context", value: "training" }], dataset: { name: "mnist", digest: "3f2a9c1e", source_type: "local", source: '{"uri": "/data/mnist.csv"}', schema: "{}", profile: '{"num_rows": 60000}' } }],
  });

  await page.setViewportSize({ width: 1440, height: 860 });
  await page.goto("/experiments");
  await page.getByTestId("experiment-row").first().waitFor();
  await shoot(page, "experiments");

  await page.goto(`/experiments/${exp.id}/runs?c=metrics.loss&c=metrics.accuracy&c=params.lr&c=tags.team&sort=metrics.loss`);
  await page.getByTestId("runs-grid").or(page.getByRole("alert")).first().waitFor();
  await shoot(page, "runs-sorted");

  await page.goto(`/experiments/${exp.id}/runs?c=metrics.loss&c=params.lr&c=tags.team&sel=${runs[1]?.id ?? ""},${runs[2]?.id ?? ""}`);
  await page.getByTestId("run-row").first().waitFor();
  await page.getByRole("button", { name: "Expand all" }).click();
  await page.keyboard.press("j");
  await page.keyboard.press("j");
  await shoot(page, "runs-tree");

  await page.getByLabel("Filter runs").fill("tags.team = 'nlp'");
  await page.getByLabel("Filter runs").press("Enter");
  await page.locator('[data-testid="runs-status"][data-state="complete"]').waitFor();
  await page.getByTestId("runs-grid").click({ position: { x: 5, y: 5 } });
  await shoot(page, "runs-filtered");

  await page.getByLabel("Filter runs").fill("tags.team = 'vision' AND metrics.loss <");
  await page.getByLabel("Filter runs").press("Enter");
  await shoot(page, "runs-filter-error");

  await page.getByLabel("Filter runs").fill("tags.te");
  await shoot(page, "runs-autocomplete");

  await page.goto(`/compare-runs?runs=${runs.slice(0, 4).map((r) => r.id).join(",")}&experiments=${exp.id}&diff=0`);
  await page.getByRole("heading", { name: /Compare/ }).waitFor();
  await shoot(page, "compare");

  await page.goto(`/experiments/${exp.id}/runs/${first.id}`);
  await page.getByTestId("run-title").waitFor();
  await shoot(page, "run-page");

  await page.keyboard.press("?");
  await page.getByRole("dialog", { name: "Keyboard shortcuts" }).waitFor();
  await shoot(page, "shortcuts");
});
