import type { RunStatus } from "../../core/index.js";
import type { Run, RunData, RunInfo, RunInputs } from "../entities/sdk-entities.js";
import type { RunScope } from "./run-scope.js";

export type EndRunFn = (run: ActiveRun, status: RunStatus) => Promise<void>;

/**
 * The run returned by startRun: its data as it was at start, plus `end()`. Usable with
 * `await using run = await startRun()`, which ends it FINISHED when the block is left. A
 * disposer cannot see whether the block threw, so use withRun (or end("FAILED") in a catch)
 * to record failures.
 */
export class ActiveRun implements Run {
  info: RunInfo;
  readonly data: RunData;
  readonly inputs: RunInputs;

  constructor(
    run: Run,
    readonly scope: RunScope,
    private readonly endRun: EndRunFn,
  ) {
    this.info = run.info;
    this.data = run.data;
    this.inputs = run.inputs;
  }

  get runId(): string {
    return this.info.run_id;
  }

  get ended(): boolean {
    return this.scope.ended;
  }

  /** Flushes queued metrics, then sets the status (FINISHED by default) and end time. Ending twice does nothing. */
  end(status: RunStatus = "FINISHED"): Promise<void> {
    return this.endRun(this, status);
  }

  async [Symbol.asyncDispose](): Promise<void> {
    if (!this.scope.ended) await this.end("FINISHED");
  }
}
