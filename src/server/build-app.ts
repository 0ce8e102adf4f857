import Fastify, { type FastifyBaseLogger, type FastifyInstance } from "fastify";
import { ArtifactService } from "../store/artifacts/artifact-service.js";
import type { TrackingStore } from "../store/tracking-store.js";
import { registerArtifactRoutes } from "./routes/artifact-routes.js";
import { registerErrorEnvelope } from "./plugins/error-envelope.js";
import { registerJsonBody } from "./plugins/json-body.js";
import { registerSecurity, type SecurityOptions } from "./plugins/security.js";
import { registerWebUi } from "./plugins/web-ui.js";
import { registerTrackingRoutes } from "./routes/tracking-routes.js";

export interface AppOptions {
  store: TrackingStore;
  /** Largest accepted request body in bytes; MLflow's own log-batch limit is 1 MB, clients send less. */
  bodyLimit?: number;
  logger?: boolean | FastifyBaseLogger;
  version?: string;
  /**
   * Where `mlflow-artifacts:` URIs are stored (MLflow's --artifacts-destination). Without it the
   * proxied artifact endpoints answer 503, as MLflow does with --no-serve-artifacts.
   */
  artifactsDestination?: string;
  /** Largest artifact upload in bytes (default 5 GiB). */
  uploadLimit?: number;
  security?: SecurityOptions;
  /** Directory of the built web UI (index.html and assets); the API works without it. */
  webRoot?: string;
}

export const DEFAULT_BODY_LIMIT = 4 * 1024 * 1024;

/**
 * The request line and headers together. The web UI keeps its views in the URL, and a compare link
 * of 500 runs is ~16.5 KB: Node's default of 16 KiB answered such a reload with 431. (MLflow behind
 * gunicorn refuses request lines over 4 KiB.) Still bounded: a header block is held per connection.
 */
export const MAX_HEADER_BYTES = 64 * 1024;

/** Builds the Fastify app without listening; `listen` is the caller's (CLI, tests use inject). */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const bodyLimit = options.bodyLimit ?? DEFAULT_BODY_LIMIT;
  const app = Fastify({
    bodyLimit,
    logger: options.logger ?? false,
    // MLflow clients retry on connection errors; keep idle sockets for their keep-alive pools.
    keepAliveTimeout: 65_000,
    routerOptions: { ignoreTrailingSlash: true, maxParamLength: 500 },
    http: { maxHeaderSize: MAX_HEADER_BYTES },
  });
  registerErrorEnvelope(app, bodyLimit);
  registerJsonBody(app);
  registerSecurity(app, options.security);
  await registerWebUi(app, options.webRoot);
  app.get("/health", (_request, reply) => reply.type("text/plain").send("OK"));
  app.get("/version", (_request, reply) => reply.type("text/plain").send(options.version ?? "tracklet"));
  const artifacts = new ArtifactService(options.artifactsDestination);
  registerTrackingRoutes(app, { store: options.store, artifacts });
  await registerArtifactRoutes(app, options.store, artifacts, options.uploadLimit ?? 5 * 1024 ** 3);
  await app.ready();
  return app;
}
