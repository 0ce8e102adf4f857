import { fileURLToPath } from "node:url";
import { MlflowError } from "../../core/index.js";
import type { HttpOptions } from "../stores/open-store-for-uri.js";
import { isHttpUri, isPlainPath } from "../tracking-uri.js";
import { HttpArtifactRepository } from "./http-artifact-repository.js";
import { LocalArtifactRepository } from "./local-artifact-repository.js";

/** Where a run's artifacts go: its `artifact_uri` decides the kind. */
export interface ArtifactRepository {
  /** Copies one file to `<root>/<artifactPath>/<file name>`. */
  logArtifact(localFile: string, artifactPath?: string): Promise<void>;
  /** Copies a directory's contents (recursively) under `<root>/<artifactPath>/`. */
  logArtifacts(localDir: string, artifactPath?: string): Promise<void>;
}

const PROXIED_PATH = "/api/2.0/mlflow-artifacts/artifacts";

/**
 * `mlflow-artifacts:/1/<run>/artifacts` → `<tracking server>/api/2.0/mlflow-artifacts/artifacts/1/<run>/artifacts`,
 * as MLflow's proxied artifact repository maps it; a host in the URI (`mlflow-artifacts://host:5000/…`)
 * names the server, with the tracking URI's scheme.
 */
export function proxiedArtifactUrl(artifactUri: string, trackingUri: string): string {
  const url = new URL(artifactUri);
  let base: string;
  if (url.host) {
    const scheme = isHttpUri(trackingUri) ? new URL(trackingUri).protocol : "http:";
    base = `${scheme}//${url.host}`;
  } else if (isHttpUri(trackingUri)) {
    base = trackingUri.replace(/\/+$/, "");
  } else {
    throw new MlflowError(
      "INVALID_PARAMETER_VALUE",
      `The artifact URI '${artifactUri}' is served by a tracking server, but the tracking URI '${trackingUri}' is not an http(s) server.`,
    );
  }
  return `${base}${PROXIED_PATH}${url.pathname.startsWith("/") ? url.pathname : `/${url.pathname}`}`.replace(/\/+$/, "");
}

export function artifactRepositoryFor(artifactUri: string, trackingUri: string, http: HttpOptions = {}): ArtifactRepository {
  if (artifactUri.startsWith("mlflow-artifacts:")) return new HttpArtifactRepository(proxiedArtifactUrl(artifactUri, trackingUri), http);
  if (isHttpUri(artifactUri)) return new HttpArtifactRepository(artifactUri, http);
  if (artifactUri.startsWith("file:")) return new LocalArtifactRepository(fileURLToPath(artifactUri));
  if (isPlainPath(artifactUri)) return new LocalArtifactRepository(artifactUri);
  throw new MlflowError("NOT_IMPLEMENTED", `Artifact URI '${artifactUri}' is not supported by the Tracklet SDK (local paths, file:, mlflow-artifacts: and http(s): are).`);
}
