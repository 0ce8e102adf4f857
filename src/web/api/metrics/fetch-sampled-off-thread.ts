import type { SampledSeriesColumns } from "../../../core/charts/index.js";
import { MlflowError } from "../../../core/index.js";
import { responseError } from "../../../client/rest-client.js";
import { decodeSampledBody, SAMPLED_WORKER_READY, type SampledWorkerReply, type SampledWorkerRequest } from "./sampled-worker-protocol.js";

interface Waiting {
  resolve: (series: SampledSeriesColumns[]) => void;
  reject: (error: Error) => void;
}

/** The worker (started by the first read), or null once it could not start: reads then stay on the main thread. */
let worker: Worker | null | undefined;
/** Whether the worker has started: a body that arrives before (a warm load's, often) is decoded here instead of waiting. */
let ready = false;
const waiting = new Map<number, Waiting>();
let nextId = 0;

class WorkerUnavailable extends Error {}

function decodeHere(body: ArrayBuffer, url: string): SampledSeriesColumns[] {
  try {
    return decodeSampledBody(body);
  } catch (error) {
    throw error instanceof SyntaxError ? new MlflowError("INTERNAL_ERROR", `Invalid JSON from ${url}`) : error;
  }
}

function start(): Worker | null {
  if (worker !== undefined) return worker;
  try {
    worker = typeof Worker === "undefined" ? null : new Worker(new URL("./sampled-history-worker.ts", import.meta.url), { type: "module", name: "tracklet-sampled-history" });
  } catch {
    worker = null;
  }
  worker?.addEventListener("message", (event: MessageEvent<SampledWorkerReply | typeof SAMPLED_WORKER_READY>) => {
    const reply = event.data;
    if (reply === SAMPLED_WORKER_READY) {
      ready = true;
      return;
    }
    const w = waiting.get(reply.id);
    if (!w) return;
    waiting.delete(reply.id);
    if (reply.ok) w.resolve(reply.series);
    else w.reject(new MlflowError("INTERNAL_ERROR", `Invalid JSON from the sampled history read: ${reply.message}`));
  });
  // A worker that fails to load (e.g. a proxy that does not serve its script): its reads are redone on the main thread.
  worker?.addEventListener("error", () => {
    worker = null;
    for (const w of waiting.values()) w.reject(new WorkerUnavailable());
    waiting.clear();
  });
  return worker;
}

/**
 * A get-history-sampled answer requested on the main thread (as early as before) and parsed and
 * decoded into typed columns in a worker (sampled-history-worker.ts), which starts while the
 * request is on its way (an answer that arrives before the worker runs is decoded here). `onMainThread` does it all on the main thread, where no worker can run
 * (tests, old browsers) or the worker failed to start. Failures are the errors `RestClient.call`
 * throws (ENDPOINT_NOT_FOUND from a real MLflow server included).
 */
export async function fetchSampledOffThread(url: string, onMainThread: () => Promise<SampledSeriesColumns[]>): Promise<SampledSeriesColumns[]> {
  const w = start();
  if (!w) return onMainThread();
  let response: Response;
  try {
    response = await fetch(url);
  } catch (error) {
    throw new MlflowError("TEMPORARILY_UNAVAILABLE", `Could not reach ${url}: ${(error as Error).message}`);
  }
  if (!response.ok) throw responseError(response.status, await response.text());
  const body = await response.arrayBuffer();
  if (!ready) return decodeHere(body, url);
  const id = nextId++;
  try {
    return await new Promise<SampledSeriesColumns[]>((resolve, reject) => {
      waiting.set(id, { resolve, reject });
      w.postMessage({ id, body } satisfies SampledWorkerRequest, [body]);
    });
  } catch (error) {
    if (error instanceof WorkerUnavailable) return onMainThread();
    throw error;
  }
}
