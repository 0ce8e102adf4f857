/** The run page's query parameter naming the selected artifact: `?artifact=model/MLmodel`. */
export const ARTIFACT_PARAM = "artifact";

/** The selected artifact's path in a run page's query string, or undefined; stray slashes are dropped. */
export function readArtifactParam(search: string | URLSearchParams): string | undefined {
  const raw = (typeof search === "string" ? new URLSearchParams(search) : search).get(ARTIFACT_PARAM);
  const path = raw
    ?.split("/")
    .filter((s) => s !== "")
    .join("/");
  return path || undefined;
}

/**
 * `search` with the selected artifact set (or removed), other parameters kept. The path is encoded
 * as a query value but its slashes are left readable (`?artifact=model/data/x%20y.txt`): a slash
 * is allowed in a query (RFC 3986 §3.4) and every parser reads it back the same.
 */
export function withArtifactParam(search: string, path: string | undefined): string {
  const params = new URLSearchParams(search);
  params.delete(ARTIFACT_PARAM);
  const parts = [params.toString(), path ? `${ARTIFACT_PARAM}=${encodeURIComponent(path).replace(/%2F/g, "/")}` : ""].filter((p) => p !== "");
  return parts.length > 0 ? `?${parts.join("&")}` : "";
}
