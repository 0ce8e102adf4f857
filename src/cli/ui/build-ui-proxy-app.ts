import { Readable } from "node:stream";
import type { ReadableStream as NodeReadableStream } from "node:stream/web";
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from "fastify";
import { MAX_HEADER_BYTES } from "../../server/build-app.js";
import { registerErrorEnvelope } from "../../server/plugins/error-envelope.js";
import { registerWebUi } from "../../server/plugins/web-ui.js";

export interface UiProxyOptions {
  /** The tracking server the API calls go to, e.g. `http://127.0.0.1:5000` (a path prefix is kept). */
  backendUri: string;
  /** Directory of the built web UI. */
  webRoot?: string;
  logger?: boolean;
}

/** Headers that describe one connection, not the message (RFC 9110 §7.6.1), plus those fetch sets itself. */
const NOT_FORWARDED = new Set(["connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "host", "content-length", "expect", "accept-encoding"]);
const NOT_RETURNED = new Set(["connection", "keep-alive", "proxy-authenticate", "proxy-authorization", "te", "trailer", "transfer-encoding", "upgrade", "set-cookie"]);

export function parseBackendUri(uri: string): URL {
  let url: URL;
  try {
    url = new URL(uri);
  } catch {
    throw new Error(`Invalid --backend-uri '${uri}': expected http://host:port`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") throw new Error(`Invalid --backend-uri '${uri}': expected an http:// or https:// tracking server`);
  return url;
}

/**
 * Serves the web UI and forwards `/api/*`, `/ajax-api/*` and MLflow's UI download route
 * `GET /get-artifact` (the artifact browser's previews and Download links) to the tracking server,
 * so the browser talks to one origin and needs no CORS. Bodies stream through in both directions.
 */
export async function buildUiProxyApp(options: UiProxyOptions): Promise<FastifyInstance> {
  const backend = parseBackendUri(options.backendUri);
  const base = `${backend.origin}${backend.pathname.replace(/\/+$/, "")}`;
  const app = Fastify({ logger: options.logger ?? false, http: { maxHeaderSize: MAX_HEADER_BYTES } });
  registerErrorEnvelope(app, 0);
  // Keep bodies as raw streams: the proxy never parses, buffers or size-limits what it forwards.
  app.removeAllContentTypeParsers();
  app.addContentTypeParser("*", (_request, payload, done) => done(null, payload));

  const forward = async (request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> => {
    const headers = new Headers();
    for (const [name, value] of Object.entries(request.headers)) {
      if (value === undefined || NOT_FORWARDED.has(name)) continue;
      for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
    }
    // The answer is passed on byte for byte, so ask for it uncompressed (fetch would inflate it).
    headers.set("accept-encoding", "identity");
    if (request.headers.host) headers.set("x-forwarded-host", request.headers.host);
    headers.set("x-forwarded-proto", request.protocol);
    headers.set("x-forwarded-for", request.ip);
    const body = request.body instanceof Readable ? (Readable.toWeb(request.body) as unknown as BodyInit) : undefined;
    const abort = new AbortController();
    reply.raw.once("close", () => {
      if (!reply.raw.writableFinished) abort.abort();
    });
    let response: Response;
    try {
      response = await fetch(`${base}${request.url}`, {
        method: request.method,
        headers,
        redirect: "manual",
        signal: abort.signal,
        ...(body ? { body, duplex: "half" } : {}),
      });
    } catch (error) {
      const cause = (error as { cause?: { code?: string; message?: string } }).cause;
      const reason = cause?.code ?? cause?.message ?? (error as Error).message;
      return reply
        .code(502)
        .type("application/json")
        .send(JSON.stringify({ error_code: "TEMPORARILY_UNAVAILABLE", message: `The tracking server at ${base} could not be reached (${reason}).` }));
    }
    reply.code(response.status);
    response.headers.forEach((value, name) => {
      if (!NOT_RETURNED.has(name)) void reply.header(name, value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length > 0) void reply.header("set-cookie", cookies);
    return reply.send(response.body ? Readable.fromWeb(response.body as NodeReadableStream) : "");
  };
  for (const prefix of ["/api/", "/ajax-api/"]) app.all(`${prefix}*`, forward);
  // Without this route the single-page fallback would answer it with index.html (and a 200).
  app.get("/get-artifact", forward);

  await registerWebUi(app, options.webRoot);
  await app.ready();
  return app;
}
