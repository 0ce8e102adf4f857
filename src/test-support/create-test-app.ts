import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { FastifyInstance } from "fastify";
import { buildApp } from "../server/build-app.js";
import { openTrackingStore } from "../store/open-tracking-store.js";
import type { SqlTrackingStore } from "../store/sql/sql-tracking-store.js";
import { ApiClient, fetchTransport, injectTransport } from "./api-client.js";
import { openSnapshotter, type DbSnapshot } from "./sqlite-file.js";

export interface TestAppOptions {
  /** buildApp's bodyLimit (default 4 MiB). */
  bodyLimit?: number;
  /** Where `mlflow-artifacts:` URIs are stored: `<dir>/mlartifacts` by default, as `mlflow server` serves artifacts; null serves none. */
  artifactsDestination?: string | null;
  /** runs/search ordered-plan window sizes in multiples of offset + limit (store option); tiny windows reach its boundary cases. */
  searchWindowFactors?: readonly number[];
}

export interface TestApp {
  app: FastifyInstance;
  store: SqlTrackingStore;
  /** The temporary directory holding the database and artifacts; removed by close(). */
  dir: string;
  /** The real SQLite file behind the store. */
  dbFile: string;
  /** Client over `app.inject` under `/api/2.0`; `.withPrefix("/ajax-api/2.0")` for the UI prefix. */
  api: ApiClient;
  /** Every row of the database right now. */
  snapshot(): DbSnapshot;
  /** Starts a real HTTP server on 127.0.0.1 and returns its base URL and a fetch-based client. */
  listen(): Promise<{ baseUrl: string; api: ApiClient }>;
  close(): Promise<void>;
}

/** A Tracklet app over a fresh SQLite file in a temporary directory, as the server runs it. */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dir = await mkdtemp(join(tmpdir(), "tracklet-test-"));
  const dbFile = join(dir, "mlflow.db");
  const { store } = await openTrackingStore({
    backendStoreUri: dbFile,
    defaultArtifactRoot: "mlflow-artifacts:/",
    ...(options.searchWindowFactors ? { searchWindowFactors: options.searchWindowFactors } : {}),
  });
  let app: FastifyInstance;
  try {
    const artifactsDestination = options.artifactsDestination === undefined ? join(dir, "mlartifacts") : (options.artifactsDestination ?? undefined);
    app = await buildApp({ store, artifactsDestination, ...(options.bodyLimit === undefined ? {} : { bodyLimit: options.bodyLimit }) });
  } catch (error) {
    await store.close();
    await rm(dir, { recursive: true, force: true });
    throw error;
  }
  const snapshotter = openSnapshotter(dbFile);
  let closed = false;
  return {
    app,
    store,
    dir,
    dbFile,
    api: new ApiClient(injectTransport(app)),
    snapshot: () => snapshotter.snapshot(),
    listen: async () => {
      await app.listen({ port: 0, host: "127.0.0.1" });
      const address = app.server.address();
      if (address === null || typeof address === "string") throw new Error("server has no TCP address");
      const baseUrl = `http://127.0.0.1:${address.port}`;
      return { baseUrl, api: new ApiClient(fetchTransport(baseUrl)) };
    },
    close: async () => {
      if (closed) return;
      closed = true;
      try {
        snapshotter.close();
        await app.close();
      } finally {
        await store.close();
        await rm(dir, { recursive: true, force: true });
      }
    },
  };
}
