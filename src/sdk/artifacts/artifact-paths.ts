import { MlflowError } from "../../core/index.js";

/** MLflow's `append_to_uri_path`: one slash between root and child. */
export function appendToUri(root: string, child: string | undefined): string {
  const clean = (child ?? "").replace(/^\/+/, "");
  if (clean === "") return root;
  return root.endsWith("/") ? `${root}${clean}` : `${root}/${clean}`;
}

/** MLflow's `validate_path_is_safe` for the relative artifact path a caller passes. */
export function checkArtifactPath(artifactPath: string | undefined): string {
  const path = (artifactPath ?? "").replace(/\\/g, "/").replace(/^\/+|\/+$/g, "");
  if (artifactPath !== undefined && (/^([a-z]:)?[\\/]/i.test(artifactPath) || path.split("/").includes(".."))) {
    throw MlflowError.invalidParameter(`Invalid artifact path: '${artifactPath}'`);
  }
  return path;
}
