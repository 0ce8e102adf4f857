import { apiClient } from "../../lib/api-client.js";

/**
 * The URL of an artifact file on MLflow's UI download route, `get-artifact?path=…&run_uuid=…`, the one
 * MLflow's own UI uses for previews and downloads (MLflow answers it on every server, with
 * `Content-Disposition: attachment`). MLflow's UI writes it relative because its pages live at `/`
 * (hash routing); this UI's pages are deep paths (`/experiments/1/runs/…`), so it is resolved against
 * the same base as every API call instead: the REST client's `baseUrl`, "" = the origin that served
 * the UI. `tracklet server`, `tracklet ui --backend-uri …` and the Vite dev server each answer (or
 * forward) `/get-artifact` there. Both values are fully percent-encoded: a space, `#`, `?`, `&`, `+`
 * or any non-ASCII character in a file name stays inside the `path` parameter.
 */
export function artifactUrl(runId: string, path: string, baseUrl: string = apiClient.options.baseUrl): string {
  return `${baseUrl.replace(/\/+$/, "")}/get-artifact?path=${encodeURIComponent(path)}&run_uuid=${encodeURIComponent(runId)}`;
}
