import { isAbsolute, resolve } from "node:path";
import type { Command } from "commander";
import { closeOnSignals } from "../support/close-on-signals.js";
import { defaultWebRoot } from "../support/default-web-root.js";

export interface ServerOptions {
  host: string;
  port: string;
  backendStoreUri: string;
  defaultArtifactRoot: string;
  artifactsDestination: string;
  serveArtifacts: boolean;
  allowedHosts?: string;
  corsAllowedOrigins?: string;
  disableSecurityMiddleware?: boolean;
}

function list(value: string | undefined): string[] {
  return (value ?? "").split(",").map((s) => s.trim()).filter(Boolean);
}

/** A local path becomes absolute (as MLflow's resolve_uri_if_local); URIs are kept. */
export function resolveArtifactRoot(root: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(root) && !/^[a-z]:[\\/]/i.test(root)) return root;
  return isAbsolute(root) ? root : resolve(root);
}

export function parsePort(value: string): number {
  const port = Number(value);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port: ${value}`);
  return port;
}

export async function runServer(options: ServerOptions): Promise<void> {
  const port = parsePort(options.port);
  // Loaded here, not at start-up: the other commands need neither the server nor SQLite.
  const [{ openTrackingStore }, { buildApp }] = await Promise.all([import("../../store/open-tracking-store.js"), import("../../server/build-app.js")]);
  const { store, location } = await openTrackingStore({
    backendStoreUri: options.backendStoreUri,
    defaultArtifactRoot: resolveArtifactRoot(options.defaultArtifactRoot),
    onWarning: (message) => console.warn(`warning: ${message}`),
  });
  const app = await buildApp({
    store,
    webRoot: defaultWebRoot(),
    logger: process.env.TRACKLET_LOG === "1",
    ...(options.serveArtifacts ? { artifactsDestination: resolve(options.artifactsDestination) } : {}),
    security: {
      allowedHosts: list(options.allowedHosts ?? process.env.MLFLOW_SERVER_ALLOWED_HOSTS),
      corsAllowedOrigins: list(options.corsAllowedOrigins ?? process.env.MLFLOW_SERVER_CORS_ALLOWED_ORIGINS),
      disabled: options.disableSecurityMiddleware === true || process.env.MLFLOW_SERVER_DISABLE_SECURITY_MIDDLEWARE === "true",
    },
  });
  // Fastify stops accepting connections, lets in-flight requests finish, then the store closes.
  closeOnSignals(() => app.close().then(() => store.close()), "finishing in-flight requests and closing the database");
  await app.listen({ host: options.host, port });
  const address = app.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const shownHost = options.host.includes(":") ? `[${options.host}]` : options.host;
  console.log(`Tracklet is serving on http://${shownHost}:${actualPort} (backend: ${location})`);
}

export function registerServerCommand(program: Command): void {
  program
    .command("server")
    .description("Run the tracking server (MLflow REST API) and the web UI")
    .option("-h, --host <host>", "address to bind", "127.0.0.1")
    .option("-p, --port <port>", "port to listen on", "5000")
    .option("--backend-store-uri <uri>", "sqlite:///relative.db, sqlite:////absolute.db, a .db file or a directory", "./mlruns")
    .option("--default-artifact-root <uri>", "artifact root for new experiments", "mlflow-artifacts:/")
    .option("--artifacts-destination <dir>", "where mlflow-artifacts:/ URIs are stored", "./mlruns/artifacts")
    .option("--serve-artifacts", "serve the proxied artifact API (default)", true)
    .option("--no-serve-artifacts", "do not serve the proxied artifact API")
    .option("--allowed-hosts <hosts>", "extra Host header values to accept, comma-separated (* wildcards); env MLFLOW_SERVER_ALLOWED_HOSTS")
    .option("--cors-allowed-origins <origins>", "browser origins allowed to call the API, comma-separated; env MLFLOW_SERVER_CORS_ALLOWED_ORIGINS")
    .option("--disable-security-middleware", "turn off the Host and Origin checks (behind a trusted proxy)")
    .action(async (options: ServerOptions) => runServer(options));
}
