import { decodeSampledBody, SAMPLED_WORKER_READY, type SampledWorkerReply, type SampledWorkerRequest } from "./sampled-worker-protocol.js";

/**
 * The metric charts' history decoded in a worker (fetch-sampled-off-thread.ts starts it): parsing
 * the metric page's ~3 MB of JSON and decoding it into typed columns cost its main thread ~75 ms of
 * CPU in a cold load (much of it collecting the parse's short-lived numbers), while the main thread
 * still had the chart's code to compile and run. The body arrives and the columns' buffers leave
 * by transfer, not copy.
 */
function decode({ id, body }: SampledWorkerRequest): { reply: SampledWorkerReply; transfer: ArrayBuffer[] } {
  try {
    const series = decodeSampledBody(body);
    const transfer = series.flatMap((s) => [s.steps.buffer, s.timestamps.buffer, s.values.buffer, ...(s.raw_values ? [s.raw_values.buffer] : [])]);
    return { reply: { id, ok: true, series }, transfer };
  } catch (error) {
    return { reply: { id, ok: false, message: (error as Error).message }, transfer: [] };
  }
}

self.addEventListener("message", (event: MessageEvent<SampledWorkerRequest>) => {
  const { reply, transfer } = decode(event.data);
  self.postMessage(reply, { transfer });
});
self.postMessage(SAMPLED_WORKER_READY);
