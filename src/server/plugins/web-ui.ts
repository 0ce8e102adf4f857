import { existsSync } from "node:fs";
import { join } from "node:path";
import fastifyStatic from "@fastify/static";
import type { FastifyInstance } from "fastify";
import { MlflowError } from "../../core/index.js";

const API_PATH = /^\/(api|ajax-api)\//;

/**
 * Serves the built web UI from `webRoot` with a single-page-app fallback: any GET that is not an
 * API call gets index.html, so deep links (e.g. /experiments/1/runs?filter=…) load the UI.
 */
export async function registerWebUi(app: FastifyInstance, webRoot: string | undefined): Promise<void> {
  const hasUi = webRoot !== undefined && existsSync(join(webRoot, "index.html"));
  if (hasUi) {
    await app.register(fastifyStatic, { root: webRoot, prefix: "/", wildcard: false, index: ["index.html"] });
  }
  app.setNotFoundHandler((request, reply) => {
    const path = request.url.split("?")[0] ?? "/";
    if (hasUi && request.method === "GET" && !API_PATH.test(path)) {
      return reply.type("text/html").header("cache-control", "no-cache").sendFile("index.html");
    }
    throw new MlflowError("ENDPOINT_NOT_FOUND", `No endpoint at ${request.method} ${path}`);
  });
}
