import type { Page, Request } from "@playwright/test";
import type { Run } from "../../src/core/index.js";
import { uploadArtifact } from "./api.js";
import { createExperiment, createRun } from "./generators.js";

// The run page's artifact browser specs share one seeded run of every preview kind and these probes.

/** A 12×8 PNG. */
export const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAwAAAAICAIAAABChommAAAAIUlEQVR42mO4Y6MBQRpRdyAIU4SBKEV45OAixCkahG4CAKXgfaHYl2TkAAAAAElFTkSuQmCC", "base64");
export const JSON_TEXT = '{"accuracy":0.93,"classes":["cat","dog"],"run":{"id":12345678901234567890}}';
export const CSV_TEXT = 'name,score,comment\ncat,0.9,"likes ""fish"", naps"\ndog,0.8,plain\n';
export const HOSTILE_HTML = '<h1>Report</h1>\n<script>alert("script ran")</script>\n<img src=x onerror="alert(\'onerror ran\')">\n';
/** 1.5 MiB of log lines: over the 1 MiB preview cap. */
export const BIG_LOG = "step 000000 loss 0.12345678\n".repeat(Math.ceil((1.5 * 1024 * 1024) / 28)).slice(0, 1.5 * 1024 * 1024);
export const BINARY = Uint8Array.from({ length: 1024 }, (_, i) => (i * 7) % 256);

export const TOP_LEVEL = ["eval results", "model", "plots", "metrics.json", "report.html", "train.log"];

export async function seedRun(): Promise<{ experimentId: string; run: Run }> {
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

export const runUrl = (experimentId: string, run: Run, search = "") => `/experiments/${experimentId}/runs/${run.info.run_id}${search}`;
export const tree = (page: Page) => page.getByRole("tree", { name: "Artifact files" });
export const item = (page: Page, path: string) => tree(page).locator(`[role=treeitem][data-path="${path}"]`);
export const preview = (page: Page) => page.getByTestId("artifact-preview");

/** The `path` parameter of every request the page sends to a route ending in `route`. */
function recordPaths(page: Page, route: string): string[] {
  const paths: string[] = [];
  page.on("request", (request: Request) => {
    const url = new URL(request.url());
    if (url.pathname.endsWith(route)) paths.push(url.searchParams.get("path") ?? "");
  });
  return paths;
}

/** Every artifacts/list request the page sends, by its `path` ("" for the root). */
export const recordListings = (page: Page): string[] => recordPaths(page, "/mlflow/artifacts/list");

/** Every get-artifact request the page sends, by its `path`. */
export const recordDownloads = (page: Page): string[] => recordPaths(page, "/get-artifact");

/** Every dialog the page opens (alert, confirm, prompt): nothing in an artifact may run script, so a test expects none. */
export function recordDialogs(page: Page): string[] {
  const dialogs: string[] = [];
  page.on("dialog", (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  return dialogs;
}
