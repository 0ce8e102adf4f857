import { isAbsolute, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import type { Command } from "commander";
import { buildApp } from "../../server/build-app.js";
import { openTrackingStore } from "../../store/open-tracking-store.js";

export interface ServerOptions {
  host: string;
  port: string;
  backendStoreUri: string;
  defaultArtifactRoot: string;
  workers?: string;
}

/** A local path becomes absolute (as MLflow's resolve_uri_if_local); URIs are kept. */
export function resolveArtifactRoot(root: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(root) && !/^[a-z]:[\\/]/i.test(root)) return root;
  return isAbsolute(root) ? root : resolve(root);
}

/** The built UI sits beside the compiled server: dist/web next to dist/node. */
function defaultWebRoot(): string {
  return fileURLToPath(new URL("../../../../web", import.meta.url));
}

export async function runServer(options: ServerOptions): Promise<void> {
  const port = Number(options.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`Invalid --port: ${options.port}`);
  const { store, location } = await openTrackingStore({
    backendStoreUri: options.backendStoreUri,
    defaultArtifactRoot: resolveArtifactRoot(options.defaultArtifactRoot),
    onWarning: (message) => console.warn(`warning: ${message}`),
  });
  const app = await buildApp({ store, webRoot: process.env.TRACKLET_WEB_ROOT ?? defaultWebRoot(), logger: process.env.TRACKLET_LOG === "1" });
  let closing = false;
  const shutdown = (signal: string): void => {
    if (closing) {
      console.error(`${signal} again: exiting now`);
      process.exit(1);
    }
    closing = true;
    console.log(`${signal}: finishing in-flight requests and closing the database…`);
    // Fastify stops accepting connections, lets in-flight requests finish, then the store closes.
    app
      .close()
      .then(() => store.close())
      .then(() => process.exit(0))
      .catch((error: unknown) => {
        console.error(error);
        process.exit(1);
      });
  };
  process.on("SIGINT", () => shutdown("SIGINT"));
  process.on("SIGTERM", () => shutdown("SIGTERM"));
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
    .helpOption("--help", "show help")
    .option("-h, --host <host>", "address to bind", "127.0.0.1")
    .option("-p, --port <port>", "port to listen on", "5000")
    .option("--backend-store-uri <uri>", "sqlite:///relative.db, sqlite:////absolute.db, a .db file or a directory", "./mlruns")
    .option("--default-artifact-root <uri>", "artifact root for new experiments", "mlflow-artifacts:/")
    .action(async (options: ServerOptions) => runServer(options));
}
