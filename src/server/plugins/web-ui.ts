import { existsSync } from "node:fs";
import { join, relative, sep } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance, FastifyReply } from "fastify";
import { MlflowError } from "../../core/index.js";

const API_PATH = /^\/(api|ajax-api)\//;

/** Vite writes every bundled file under assets/ with a content hash in its name. */
const HASHED_DIR = "assets";

/**
 * Hashed assets never change under their name, so the browser may keep them a year without asking
 * again (a warm load then sends no revalidation before running the UI); everything else (index.html,
 * which names the current hashes, and the unhashed public files) is revalidated on every load.
 */
export const CACHE_IMMUTABLE = "public, max-age=31536000, immutable";
export const CACHE_REVALIDATE = "no-cache";

function cacheControlFor(webRoot: string, file: string): string {
  return relative(webRoot, file).split(sep)[0] === HASHED_DIR ? CACHE_IMMUTABLE : CACHE_REVALIDATE;
}

/**
 * Serves the built web UI from `webRoot` with a single-page-app fallback: any GET that is not an
 * API call or an asset gets index.html, so deep links (e.g. /experiments/1/runs?filter=…) load the
 * UI. A missing asset is a 404: a tab opened before an upgrade asks for the old build's chunks, and
 * index.html in their place fails as a script with a MIME-type error instead of a plain miss.
 */
export async function registerWebUi(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  const hasUi = webRoot !== undefined && existsSync(join(webRoot, "index.html"));
  if (hasUi) {
    await app.register(fastifyStatic, {
      root: webRoot,
      prefix: "/",
      wildcard: false,
      index: ["index.html"],
      setHeaders: (reply: FastifyReply, file: string) => {
        reply.header("cache-control", cacheControlFor(webRoot, file));
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    if (hasUi && request.method === "GET" && !API_PATH.test(path) && !path.startsWith(`/${HASHED_DIR}/`)) {
      return reply.type("text/html").header("cache-control", CACHE_REVALIDATE).sendFile("index.html");
    }
    if (hasUi && path.startsWith(`/${HASHED_DIR}/`)) return reply.code(404).type("text/plain").send(`No file at ${path}`);
    throw new MlflowError("ENDPOINT_NOT_FOUND", `No endpoint at ${request.method} ${path}`);
  });
}
