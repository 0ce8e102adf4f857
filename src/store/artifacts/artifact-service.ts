import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { MlflowError } from "../../core/index.js";
import { LocalArtifactRepository } from "./local-artifact-repository.js";
import { safeArtifactPath } from "./safe-artifact-path.js";

export interface ArtifactLocation {
  repository: LocalArtifactRepository;
  /** Path of the run's artifact root inside the repository. */
  base: string;
}

const PROXY_PATH = /\/api\/2\.0\/mlflow-artifacts\/artifacts\/?/;

/**
 * Maps artifact URIs to storage. `mlflow-artifacts:` URIs (the default root when the server
 * proxies artifacts) live under the artifacts destination; local paths and `file:` URIs are read
 * where they are. Cloud stores (s3:, gs:, …) are not served by this server.
 */
export class ArtifactService {
  readonly destination: LocalArtifactRepository | undefined;

  constructor(artifactsDestination: string | undefined) {
    this.destination = artifactsDestination ? new LocalArtifactRepository(resolve(artifactsDestination)) : undefined;
  }

  /** The proxied store; 503 as MLflow answers when artifacts are not served. */
  requireDestination(): LocalArtifactRepository {
    if (!this.destination) throw new MlflowError("TEMPORARILY_UNAVAILABLE", "This server does not serve artifacts (no artifacts destination configured).");
    return this.destination;
  }

  locate(artifactUri: string): ArtifactLocation {
    if (artifactUri.startsWith("mlflow-artifacts:")) {
      const path = artifactUri.replace(/^mlflow-artifacts:(\/\/[^/]*)?/, "");
      return { repository: this.requireDestination(), base: safeArtifactPath(path.replace(/^\/+/, "")) };
    }
    if (/^https?:\/\//.test(artifactUri) && PROXY_PATH.test(artifactUri)) {
      const path = new URL(artifactUri).pathname.split(PROXY_PATH)[1] ?? "";
      return { repository: this.requireDestination(), base: safeArtifactPath(path) };
    }
    if (artifactUri.startsWith("file:")) return { repository: new LocalArtifactRepository(fileURLToPath(artifactUri)), base: "" };
    if (isAbsolute(artifactUri)) return { repository: new LocalArtifactRepository(artifactUri), base: "" };
    throw new MlflowError("NOT_IMPLEMENTED", `Artifacts at '${artifactUri}' are not served by this server.`);
  }
}

/** Joins validated relative paths. */
export function joinArtifactPath(...parts: string[]): string {
  return parts.filter((p) => p !== "").join("/");
}
