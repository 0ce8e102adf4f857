import { MlflowError, type Metric } from "../../core/index.js";

export type SendMetrics = (runId: string, metrics: Metric[]) => Promise<void>;

export interface BatcherOptions {
  /** Points per log-batch request (MLflow's limit is 1000). */
  maxBatchSize?: number;
  /** Points held before logMetric waits for a flush: memory stays bounded whatever the logging rate. */
  maxQueueSize?: number;
  /** How long a point may wait for company before it is sent anyway. */
  flushIntervalMs?: number;
}

interface QueuedMetric {
  runId: string;
  metric: Metric;
}

/**
 * Coalesces logMetric calls into log-batch requests. One request is in flight at a time, so
 * points reach the server in the order they were logged. A batch that fails (after the HTTP
 * client's retries) is dropped and its error is kept for the next awaited SDK call.
 */
export class MetricBatcher {
  private queue: QueuedMetric[] = [];
  private pumping: Promise<void> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private failure: Error | undefined;
  private spaceWaiters: (() => void)[] = [];
  private readonly maxBatchSize: number;
  private readonly maxQueueSize: number;
  private readonly flushIntervalMs: number;
  /** Batches sent so far (for tests and diagnostics). */
  batchesSent = 0;

  constructor(
    private readonly send: SendMetrics,
    options: BatcherOptions = {},
  ) {
    this.maxBatchSize = options.maxBatchSize ?? 1000;
    this.maxQueueSize = Math.max(options.maxQueueSize ?? 10_000, this.maxBatchSize);
    this.flushIntervalMs = options.flushIntervalMs ?? 100;
  }

  /** Nothing queued and nothing being sent. */
  get idle(): boolean {
    return this.queue.length === 0 && !this.pumping;
  }

  /** Throws, once, the error of a batch that failed since the last call. */
  throwFailure(): void {
    const failure = this.failure;
    if (failure === undefined) return;
    this.failure = undefined;
    throw failure;
  }

  /** Queues a point; waits only while the queue is full. */
  async add(runId: string, metric: Metric): Promise<void> {
    while (this.queue.length >= this.maxQueueSize) {
      this.startPump();
      await new Promise<void>((resolve) => this.spaceWaiters.push(resolve));
    }
    this.queue.push({ runId, metric });
    if (this.queue.length >= this.maxBatchSize) this.startPump();
    else if (!this.pumping && !this.timer) this.timer = setTimeout(() => this.startPump(), this.flushIntervalMs);
  }

  /** Sends everything queued, then throws the first failure since the last report, if any. */
  async flush(): Promise<void> {
    while (this.queue.length > 0 || this.pumping) {
      this.startPump();
      await this.pumping;
    }
    this.throwFailure();
  }

  private startPump(): void {
    if (this.timer) {
      clearTimeout(this.timer);
      this.timer = undefined;
    }
    if (this.pumping || this.queue.length === 0) return;
    this.pumping = this.pump().finally(() => {
      this.pumping = undefined;
    });
  }

  private async pump(): Promise<void> {
    while (this.queue.length > 0) {
      const batch = this.queue.splice(0, this.maxBatchSize);
      for (const wake of this.spaceWaiters.splice(0)) wake();
      const byRun = new Map<string, Metric[]>();
      for (const { runId, metric } of batch) {
        const list = byRun.get(runId);
        if (list) list.push(metric);
        else byRun.set(runId, [metric]);
      }
      for (const [runId, metrics] of byRun) {
        try {
          this.batchesSent++;
          await this.send(runId, metrics);
        } catch (error) {
          this.failure ??= describeFailure(error, runId, metrics.length);
        }
      }
    }
  }
}

function describeFailure(error: unknown, runId: string, count: number): Error {
  const reason = error instanceof Error ? error.message : String(error);
  const message = `${count} metric point(s) logged to run ${runId} were not stored: ${reason}`;
  return error instanceof MlflowError ? new MlflowError(error.errorCode, message) : new Error(message, { cause: error });
}
