import { describe, expect, it } from "vitest";
import { MlflowError, type Metric } from "../../core/index.js";
import { MetricBatcher } from "./metric-batcher.js";

const point = (step: number, key = "m"): Metric => ({ key, value: step, timestamp: 1_700_000_000_000 + step, step });
const sleep = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

function recorder(delayMs = 0): { sent: { runId: string; metrics: Metric[] }[]; send: (runId: string, metrics: Metric[]) => Promise<void> } {
  const sent: { runId: string; metrics: Metric[] }[] = [];
  return {
    sent,
    send: async (runId, metrics) => {
      if (delayMs) await sleep(delayMs);
      sent.push({ runId, metrics });
    },
  };
}

describe("MetricBatcher", () => {
  it("sends a full batch as soon as it is full, in logging order", async () => {
    const { sent, send } = recorder();
    const batcher = new MetricBatcher(send, { maxBatchSize: 3, flushIntervalMs: 10_000 });
    for (let step = 0; step < 7; step++) await batcher.add("r", point(step));
    await sleep(0);
    expect(sent.map((b) => b.metrics.map((m) => m.step))).toEqual([[0, 1, 2], [3, 4, 5]]);
    await batcher.flush();
    expect(sent.flatMap((b) => b.metrics.map((m) => m.step))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(batcher.idle).toBe(true);
  });

  it("sends a partial batch after the flush interval", async () => {
    const { sent, send } = recorder();
    const batcher = new MetricBatcher(send, { maxBatchSize: 100, flushIntervalMs: 20 });
    await batcher.add("r", point(1));
    await batcher.add("r", point(2));
    expect(sent).toHaveLength(0);
    await sleep(60);
    expect(sent).toEqual([{ runId: "r", metrics: [point(1), point(2)] }]);
  });

  it("groups one batch's points by run, one request per run", async () => {
    const { sent, send } = recorder();
    const batcher = new MetricBatcher(send, { maxBatchSize: 10 });
    for (const [runId, step] of [["a", 1], ["b", 2], ["a", 3], ["c", 4], ["b", 5]] as const) await batcher.add(runId, point(step));
    await batcher.flush();
    expect(sent.map((b) => [b.runId, b.metrics.map((m) => m.step)])).toEqual([["a", [1, 3]], ["b", [2, 5]], ["c", [4]]]);
  });

  it("bounds the queue: add waits while it is full", async () => {
    const { sent, send } = recorder(30);
    const batcher = new MetricBatcher(send, { maxBatchSize: 2, maxQueueSize: 4, flushIntervalMs: 10_000 });
    let resolved = 0;
    const adds = Array.from({ length: 10 }, (_, i) => batcher.add("r", point(i)).then(() => resolved++));
    await sleep(5);
    // 4 fit the queue and 2 more once the first batch left it; the rest wait for the send.
    expect(resolved).toBeLessThanOrEqual(6);
    await Promise.all(adds);
    await batcher.flush();
    expect(sent.flatMap((b) => b.metrics.map((m) => m.step))).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(Math.max(...sent.map((b) => b.metrics.length))).toBeLessThanOrEqual(2);
  });

  it("keeps a failed batch's error for the next call, once, and goes on with the other batches", async () => {
    const sent: string[] = [];
    const batcher = new MetricBatcher(
      (runId) => {
        if (runId === "deleted") return Promise.reject(MlflowError.invalidParameter("The run deleted must be in the 'active' state. Current state is deleted."));
        sent.push(runId);
        return Promise.resolve();
      },
      { maxBatchSize: 10 },
    );
    await batcher.add("deleted", point(1));
    await batcher.add("ok", point(2));
    const error = await batcher.flush().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(MlflowError);
    expect((error as MlflowError).errorCode).toBe("INVALID_PARAMETER_VALUE");
    expect((error as MlflowError).message).toMatch(/1 metric point\(s\) logged to run deleted were not stored: The run deleted must be in the 'active' state/);
    expect(sent).toEqual(["ok"]);
    // Reported once: the next call goes through.
    await expect(batcher.flush()).resolves.toBeUndefined();
    expect(() => batcher.throwFailure()).not.toThrow();
  });
});
