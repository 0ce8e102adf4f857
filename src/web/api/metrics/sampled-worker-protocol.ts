import { decodeSampledColumns, type SampledSeriesColumns } from "../../../core/charts/index.js";

// The messages between fetch-sampled-off-thread.ts and its worker, sampled-history-worker.ts (apart from the
// worker module, whose top level must run only in the worker).

/** A request to the worker: a get-history-sampled response body (JSON, UTF-8) to decode. */
export interface SampledWorkerRequest {
  id: number;
  body: ArrayBuffer;
}

/** The worker's answer: the decoded series (their arrays transferred), or why the body could not be decoded. */
export type SampledWorkerReply = { id: number; ok: true; series: SampledSeriesColumns[] } | { id: number; ok: false; message: string };

/** What the worker posts once it runs: until then the page decodes on its own thread rather than wait for it. */
export const SAMPLED_WORKER_READY = "ready";


/** A get-history-sampled body (UTF-8 JSON) as typed columns: what the worker does, and the page where no worker runs. Throws SyntaxError on bad JSON. */
export function decodeSampledBody(body: ArrayBuffer): SampledSeriesColumns[] {
  const text = new TextDecoder().decode(body);
  return decodeSampledColumns(text ? (JSON.parse(text) as Record<string, unknown>) : {});
}
