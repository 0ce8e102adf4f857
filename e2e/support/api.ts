import { RestClient } from "../../src/client/rest-client.js";
import type { Run } from "../../src/core/index.js";
import { API_URL } from "./e2e-env.js";

/** The REST client the tests seed and verify with: the same typed client the UI uses. */
export const api = new RestClient({ baseUrl: API_URL, prefix: "/api/2.0", maxRetries: 2 });

/**
 * The proxied artifact service's URL of a run's artifact (`path` relative to the run's artifact root).
 * Runs made by a server that serves artifacts (the default) have `mlflow-artifacts:/<exp>/<run>/artifacts`,
 * stored under the server's artifacts destination at that same path, which is where
 * `/api/2.0/mlflow-artifacts/artifacts/<path>` reads and writes: MLflow's clients upload there too.
 */
export function artifactServiceUrl(run: Pick<Run, "info">, path: string): string {
  const uri = run.info.artifact_uri;
  const root = /^mlflow-artifacts:(?:\/\/[^/]*)?(.*)$/.exec(uri)?.[1];
  if (root === undefined) throw new Error(`Artifacts can be uploaded only to an mlflow-artifacts: root (the server's default), not '${uri}'`);
  const segments = [...root.split("/"), ...path.split("/")].filter((s) => s !== "");
  return `${API_URL}/api/2.0/mlflow-artifacts/artifacts/${segments.map(encodeURIComponent).join("/")}`;
}

/** Uploads one artifact file to a run, as `mlflow.log_artifact` does against a server with `--serve-artifacts`. */
export async function uploadArtifact(run: Pick<Run, "info">, path: string, body: string | Uint8Array<ArrayBuffer>): Promise<void> {
  const response = await fetch(artifactServiceUrl(run, path), { method: "PUT", headers: { "content-type": "application/octet-stream" }, body });
  if (!response.ok) throw new Error(`Uploading artifact '${path}' failed: HTTP ${response.status} ${await response.text()}`);
}

/** Deletes one artifact of a run (a file that vanishes after the page listed it). */
export async function deleteArtifact(run: Pick<Run, "info">, path: string): Promise<void> {
  const response = await fetch(artifactServiceUrl(run, path), { method: "DELETE" });
  if (!response.ok) throw new Error(`Deleting artifact '${path}' failed: HTTP ${response.status} ${await response.text()}`);
}
