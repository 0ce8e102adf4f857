import { basename, extname } from "node:path";
import type { Readable } from "node:stream";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { encodeJson, MlflowError } from "../../core/index.js";
import { joinArtifactPath, type ArtifactService } from "../../store/artifacts/artifact-service.js";
import type { LocalArtifactRepository } from "../../store/artifacts/local-artifact-repository.js";
import { safeArtifactPath } from "../../store/artifacts/safe-artifact-path.js";
import type { TrackingStore } from "../../store/tracking-store.js";
import { entityTag, fileAnswer } from "./file-answer.js";

// Types a browser may render inline are limited to images; anything that could run script
// (HTML, SVG, JavaScript) is sent as plain text or bytes.
const CONTENT_TYPES: Readonly<Record<string, string>> = {
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".gif": "image/gif",
  ".webp": "image/webp",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".log": "text/plain; charset=utf-8",
  ".md": "text/plain; charset=utf-8",
  ".yaml": "text/plain; charset=utf-8",
  ".yml": "text/plain; charset=utf-8",
  ".csv": "text/plain; charset=utf-8",
  ".py": "text/plain; charset=utf-8",
  ".html": "text/plain; charset=utf-8",
  ".svg": "text/plain; charset=utf-8",
  ".js": "text/plain; charset=utf-8",
};

/**
 * `attachment` with the name twice (RFC 6266): `filename*` exact in UTF-8, and `filename` for old
 * clients with everything outside printable ASCII, quotes and backslashes as "_". A header value
 * cannot carry other characters: Node refuses it, and `日本.txt` was a 500.
 */
export function contentDisposition(name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]|["\\]/gu, "_");
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}`;
}

async function sendFile(request: FastifyRequest, reply: FastifyReply, repository: LocalArtifactRepository, path: string): Promise<FastifyReply> {
  const file = await repository.findFile(path);
  const name = basename(path);
  reply
    .header("etag", entityTag(file))
    .header("last-modified", file.modified.toUTCString())
    .header("accept-ranges", "bytes")
    // Flask's send_file default: a cache may keep the file but must ask before reusing it (a log grows).
    .header("cache-control", "no-cache")
    .header("x-content-type-options", "nosniff");
  const answer = fileAnswer(request.headers, file);
  if (answer.status === 304) return reply.code(304).send();
  if (answer.status === 416) return reply.code(416).header("content-range", `bytes */${file.size}`).send();
  reply
    .header("content-type", CONTENT_TYPES[extname(name).toLowerCase()] ?? (name === "MLmodel" ? "text/plain; charset=utf-8" : "application/octet-stream"))
    .header("content-disposition", contentDisposition(name));
  if (answer.status === 206) {
    return reply
      .code(206)
      .header("content-range", `bytes ${answer.start}-${answer.end}/${file.size}`)
      .header("content-length", String(answer.end - answer.start + 1))
      .send(file.read(answer));
  }
  return reply.header("content-length", String(file.size)).send(file.read());
}

function json(reply: FastifyReply, body: unknown): FastifyReply {
  return reply.type("application/json").send(encodeJson(body));
}

/**
 * MLflow's proxied artifact service (`/api/2.0/mlflow-artifacts/artifacts/<path>`: GET download,
 * PUT upload, DELETE; GET without a path lists) and the UI download route `/get-artifact`.
 * Registered in its own scope so uploads stream with any content type and no JSON body limit.
 */
export async function registerArtifactRoutes(app: FastifyInstance, store: TrackingStore, artifacts: ArtifactService, uploadLimit: number): Promise<void> {
  await app.register((scope, _options, done) => {
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser("*", { bodyLimit: uploadLimit }, (_request, payload, done) => done(null, payload));

    for (const prefix of ["/api/2.0", "/ajax-api/2.0"]) {
      const base = `${prefix}/mlflow-artifacts/artifacts`;
      scope.get(base, async (request, reply) => {
        const path = safeArtifactPath((request.query as { path?: string }).path);
        const files = await artifacts.requireDestination().list(path, "");
        return json(reply, { files });
      });
      scope.get(`${base}/*`, (request, reply) => sendFile(request, reply, artifacts.requireDestination(), safeArtifactPath((request.params as { "*": string })["*"])));
      scope.put(`${base}/*`, { bodyLimit: uploadLimit }, async (request, reply) => {
        const path = safeArtifactPath((request.params as { "*": string })["*"]);
        const body = request.body as Readable | undefined;
        if (!body || typeof (body as { pipe?: unknown }).pipe !== "function") throw MlflowError.invalidParameter("Request must carry the artifact bytes.");
        await artifacts.requireDestination().write(path, body);
        return json(reply, {});
      });
      scope.delete(`${base}/*`, async (request, reply) => {
        await artifacts.requireDestination().delete(safeArtifactPath((request.params as { "*": string })["*"]));
        return json(reply, {});
      });
    }

    scope.get("/get-artifact", async (request, reply) => {
      const query = request.query as { run_id?: string; run_uuid?: string; path?: string };
      const runId = query.run_id || query.run_uuid;
      if (!runId) throw MlflowError.invalidParameter("Missing value for required parameter 'run_id'.");
      const path = safeArtifactPath(query.path);
      const run = await store.getRun(runId);
      const { repository, base } = artifacts.locate(run.info.artifact_uri);
      return sendFile(request, reply, repository, joinArtifactPath(base, path));
    });
    done();
  });
}
