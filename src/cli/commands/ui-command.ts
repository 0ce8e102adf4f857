import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Command } from "commander";
import { closeOnSignals } from "../support/close-on-signals.js";
import { defaultWebRoot } from "../support/default-web-root.js";
import { parsePort } from "./server-command.js";

export interface UiOptions {
  backendUri?: string;
  host: string;
  port: string;
}

/** Starts the UI proxy; resolves once it listens, with its URL. */
export async function runUi(options: UiOptions): Promise<string> {
  if (!options.backendUri) throw new Error("--backend-uri is required (or set MLFLOW_TRACKING_URI to an http:// server)");
  const port = parsePort(options.port);
  const webRoot = defaultWebRoot();
  if (!existsSync(join(webRoot, "index.html"))) console.warn(`warning: no built web UI in ${webRoot}; run \`npm run build:web\`. Only the API proxy is served.`);
  const { buildUiProxyApp } = await import("../ui/build-ui-proxy-app.js");
  const app = await buildUiProxyApp({ backendUri: options.backendUri, webRoot, logger: process.env.TRACKLET_LOG === "1" });
  closeOnSignals(() => app.close(), "finishing in-flight requests");
  await app.listen({ host: options.host, port });
  const address = app.server.address();
  const actualPort = typeof address === "object" && address ? address.port : port;
  const shownHost = options.host.includes(":") ? `[${options.host}]` : options.host;
  const url = `http://${shownHost}:${actualPort}`;
  console.log(`Tracklet UI is serving on ${url} (API calls go to ${options.backendUri})`);
  return url;
}

export function registerUiCommand(program: Command): void {
  const fromEnv = process.env.MLFLOW_TRACKING_URI;
  program
    .command("ui")
    .description("Serve the web UI against a remote tracking server (API calls are proxied: no CORS needed)")
    .option("--backend-uri <uri>", "tracking server to show, e.g. http://host:5000 (default $MLFLOW_TRACKING_URI when it is http)", fromEnv && /^https?:\/\//i.test(fromEnv) ? fromEnv : undefined)
    .option("-h, --host <host>", "address to bind", "127.0.0.1")
    .option("-p, --port <port>", "port to listen on", "5000")
    .action(async (options: UiOptions) => {
      await runUi(options);
    });
}
