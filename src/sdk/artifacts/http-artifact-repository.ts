import { openAsBlob } from "node:fs";
import { readdir, stat } from "node:fs/promises";
import { basename, join, relative, sep } from "node:path";
import { errorOfResponse } from "../../client/rest-client.js";
import { MlflowError } from "../../core/index.js";
import { resolveHttpOptions, type HttpOptions } from "../stores/open-store-for-uri.js";
import { appendToUri, checkArtifactPath } from "./artifact-paths.js";
import type { ArtifactRepository } from "./artifact-repository.js";

const UPLOAD_CONCURRENCY = 4;

const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function encodePath(path: string): string {
  return path.split("/").filter(Boolean).map(encodeURIComponent).join("/");
}

async function* walkFiles(dir: string): AsyncGenerator<string> {
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) yield* walkFiles(path);
    else if (entry.isFile()) yield path;
  }
}

/**
 * Uploads with MLflow's proxied artifact API: `PUT <base>/<path>` with the raw file as body.
 * PUT is idempotent, so failed attempts are retried as the REST client retries its calls.
 */
export class HttpArtifactRepository implements ArtifactRepository {
  private readonly http: ReturnType<typeof resolveHttpOptions>;

  constructor(
    readonly baseUrl: string,
    options: HttpOptions = {},
  ) {
    this.http = resolveHttpOptions(options);
  }

  async logArtifact(localFile: string, artifactPath?: string): Promise<void> {
    const info = await stat(localFile).catch(() => undefined);
    if (!info?.isFile()) throw MlflowError.notFound(`No such file: '${localFile}'`);
    await this.put(localFile, appendToUri(checkArtifactPath(artifactPath), basename(localFile)));
  }

  async logArtifacts(localDir: string, artifactPath?: string): Promise<void> {
    const info = await stat(localDir).catch(() => undefined);
    if (!info?.isDirectory()) throw MlflowError.notFound(`No such directory: '${localDir}'`);
    const prefix = checkArtifactPath(artifactPath);
    const pending = new Set<Promise<void>>();
    for await (const file of walkFiles(localDir)) {
      const upload = this.put(file, appendToUri(prefix, relative(localDir, file).split(sep).join("/"))).finally(() => pending.delete(upload));
      pending.add(upload);
      if (pending.size >= UPLOAD_CONCURRENCY) await Promise.race(pending);
    }
    await Promise.all(pending);
  }

  private async put(localFile: string, artifactPath: string): Promise<void> {
    const url = `${this.baseUrl.replace(/\/+$/, "")}/${encodePath(artifactPath)}`;
    const fetchImpl = this.http.fetch ?? globalThis.fetch;
    for (let attempt = 0; ; attempt++) {
      let response: Response;
      try {
        response = await fetchImpl(url, {
          method: "PUT",
          headers: { "content-type": "application/octet-stream", ...this.http.headers },
          body: await openAsBlob(localFile),
          signal: AbortSignal.timeout(this.http.timeoutMs),
        });
      } catch (error) {
        if (attempt < this.http.maxRetries) {
          await sleep(this.http.retryBaseDelayMs * 2 ** attempt);
          continue;
        }
        throw new MlflowError("TEMPORARILY_UNAVAILABLE", `Could not upload ${localFile} to ${url}: ${(error as Error).message}`);
      }
      if ((response.status === 429 || response.status >= 500) && attempt < this.http.maxRetries) {
        await response.body?.cancel();
        await sleep(this.http.retryBaseDelayMs * 2 ** attempt);
        continue;
      }
      if (response.ok) {
        await response.body?.cancel();
        return;
      }
      const error = await errorOfResponse(response);
      throw new MlflowError(error.errorCode, `Uploading ${artifactPath} failed (HTTP ${response.status}): ${error.message}`);
    }
  }
}
