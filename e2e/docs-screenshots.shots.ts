import { test, type Page } from "@playwright/test";
import { api } from "./support/api.js";
import { createExperiment, createRun, endRun, logMetricSeries, lossCurve, seedRunTree, uniqueName } from "./support/generators.js";

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
  await page.keyboard.press("Escape");

  // Curves for the metric page and the compare view: a small sweep, each run with a few metrics.
  const sweep = await createExperiment(uniqueName("lr-sweep"));
  const optimizers = ["adam", "adamw", "sgd", "rmsprop", "lion"];
  const ids = await Promise.all(
    optimizers.map(async (optimizer, i) => {
      const run = await createRun(sweep.id, {
        name: `sweep-${optimizer}`,
        params: [{ key: "optimizer", value: optimizer }, { key: "lr", value: String([3e-4, 1e-3, 1e-2, 3e-3, 1e-4][i]) }, { key: "batch_size", value: "64" }, { key: "epochs", value: "30" }],
      });
      const id = run.info.run_id;
      const loss = lossCurve(i, 1500);
      await logMetricSeries(id, "loss", 1500, loss);
      await logMetricSeries(id, "val_loss", 1500, (step) => loss(step) * 1.08 + 0.04);
      await logMetricSeries(id, "accuracy", 1500, (step) => Math.min(0.99, 1 - loss(step) * 0.6));
      await endRun(id);
      return id;
    }),
  );
  const [head, ...rest] = ids;
  await page.goto(`/experiments/${sweep.id}/runs/${head ?? ""}/metrics/loss?runs=${rest.join(",")}&smooth=0.9`);
  await page.locator('[data-testid="chart-line"][data-points]').first().waitFor({ state: "attached" });
  await shoot(page, "metric");

  await page.goto(`/experiments/${sweep.id}/runs/${head ?? ""}/metrics`);
  await page.locator('[data-testid="chart-line"][data-points]').first().waitFor({ state: "attached" });
  await shoot(page, "run-metrics");

  await page.goto(`/compare-runs?runs=${ids.join(",")}&experiments=${sweep.id}`);
  await page.getByRole("heading", { name: /Compare/ }).waitFor();
  await page.locator('[data-testid="chart-line"][data-points]').first().waitFor({ state: "attached" });
  await shoot(page, "compare-sweep");
});
