import { MlflowError, SystemTags, type RunStatus } from "../../core/index.js";
import { MlflowClient } from "../client/mlflow-client.js";
import { Env, getTrackingUri } from "../tracking-uri.js";
import { ActiveRun } from "./active-run.js";
import { MetricBatcher } from "./metric-batcher.js";
import { enterScope, visibleScope, type RunScope } from "./run-scope.js";
import { systemRunTags } from "./system-tags.js";

export interface StartRunOptions {
  /** Resume this run (its status goes back to RUNNING) instead of creating one. */
  runId?: string;
  experimentId?: string;
  /** Generated (`brave-otter-417`) when absent. */
  runName?: string;
  /** Start under the active run (required when one is active). */
  nested?: boolean;
  /** Parent to record in `mlflow.parentRunId` when no run is active (must match it otherwise). */
  parentRunId?: string;
  tags?: Readonly<Record<string, unknown>>;
  /** Markdown description, stored in the `mlflow.note.content` tag. */
  description?: string;
}

/** One tracking URI's client, metric queue and resolved default experiment. */
export interface Backend {
  readonly client: MlflowClient;
  readonly batcher: MetricBatcher;
  /** The experiment named by MLFLOW_EXPERIMENT_NAME, resolved (and created) once. */
  envExperimentId?: Promise<string>;
}

/**
 * The fluent API's process-wide state: a backend per tracking URI, the active experiment, runs
 * still open (ended FINISHED at exit, as MLflow's atexit hook does). Which run is active is not
 * here: that is per async context (run-scope.ts).
 */
export class FluentSession {
  private readonly backends = new Map<string, Backend>();
  private activeExperiment: { trackingUri: string; experimentId: string } | undefined;
  private readonly openRuns = new Set<ActiveRun>();
  lastEndedRunId: string | undefined;
  private exitHookInstalled = false;

  backend(trackingUri: string = getTrackingUri()): Backend {
    let backend = this.backends.get(trackingUri);
    if (!backend) {
      const client = new MlflowClient(trackingUri);
      backend = { client, batcher: new MetricBatcher((runId, metrics) => client.logBatch(runId, { metrics })) };
      this.backends.set(trackingUri, backend);
    }
    return backend;
  }

  client(): MlflowClient {
    return this.backend().client;
  }

  /** Surfaces a failed metric batch to the caller of the next SDK call, whichever it is. */
  throwPendingFailure(): void {
    for (const backend of this.backends.values()) backend.batcher.throwFailure();
  }

  async flushAll(): Promise<void> {
    const failures: unknown[] = [];
    for (const backend of this.backends.values()) await backend.batcher.flush().catch((error: unknown) => failures.push(error));
    if (failures.length > 0) throw failures[0];
  }

  /** The run a logging call writes to: the one given, the active one, or one started implicitly, as MLflow does. */
  runIdFor(explicitRunId?: string): string | Promise<string> {
    if (explicitRunId) return explicitRunId;
    const scope = visibleScope();
    if (scope?.run) return scope.run.runId;
    if (scope?.ready) return scope.ready.then((run) => run.runId);
    return this.startRun({}, true).then((run) => run.runId);
  }

  setActiveExperiment(experimentId: string): void {
    this.activeExperiment = { trackingUri: getTrackingUri(), experimentId };
    // Child processes resolve exactly this experiment.
    process.env[Env.EXPERIMENT_ID] = experimentId;
    delete process.env[Env.EXPERIMENT_NAME];
  }

  /** setExperiment's choice, else MLFLOW_EXPERIMENT_NAME (created when missing), else MLFLOW_EXPERIMENT_ID, else "0". */
  async resolveExperimentId(backend: Backend = this.backend()): Promise<string> {
    if (this.activeExperiment?.trackingUri === backend.client.trackingUri) return this.activeExperiment.experimentId;
    const name = process.env[Env.EXPERIMENT_NAME];
    if (name) {
      backend.envExperimentId ??= getOrCreateExperiment(backend.client, name);
      backend.envExperimentId.catch(() => (backend.envExperimentId = undefined));
      return backend.envExperimentId;
    }
    return process.env[Env.EXPERIMENT_ID] || "0";
  }

  /**
   * Starts (or resumes) a run as MLflow's start_run does. The scope is entered before the first
   * await, so the caller's context sees the run once the returned promise settles.
   */
  async startRun(options: StartRunOptions, implicit: boolean): Promise<ActiveRun> {
    const active = visibleScope();
    const activeId = active?.run?.runId;
    if (active && !options.nested) {
      throw MlflowError.invalidParameter(
        `Run with UUID ${activeId ?? "(starting)"} is already active. To start a new run, first end the current run with endRun(). To start a nested run, call startRun({ nested: true }).`,
      );
    }
    if (options.parentRunId && active && activeId !== options.parentRunId) {
      throw MlflowError.invalidParameter(`Current run with UUID ${activeId ?? "(starting)"} does not match the specified parentRunId ${options.parentRunId}.`);
    }
    const backend = this.backend();
    const scope = enterScope(active, implicit);
    const ready = this.createOrResume(backend, scope, options, active);
    scope.ready = ready;
    try {
      const run = await ready;
      scope.run = run;
      this.openRuns.add(run);
      this.installExitHook();
      return run;
    } catch (error) {
      scope.ended = true;
      throw error;
    }
  }

  private async createOrResume(backend: Backend, scope: RunScope, options: StartRunOptions, active: RunScope | undefined): Promise<ActiveRun> {
    const { client } = backend;
    const end = (run: ActiveRun, status: RunStatus): Promise<void> => this.endRun(backend, run, status);
    if (options.runId) {
      const existing = await client.getRun(options.runId);
      if (existing.info.lifecycle_stage === "deleted") {
        throw MlflowError.invalidParameter(`Cannot start run with ID ${options.runId} because it is in the deleted state.`);
      }
      await client.updateRun(options.runId, { status: "RUNNING", ...(options.runName ? { name: options.runName } : {}) });
      const tags = { ...options.tags, ...(options.description !== undefined ? { [SystemTags.NOTE]: options.description } : {}) };
      if (Object.keys(tags).length > 0) await client.logBatch(options.runId, { tags });
      return new ActiveRun(await client.getRun(options.runId), scope, end);
    }
    const parentRunId = options.nested && active ? (active.run ?? (await active.ready))?.runId : options.parentRunId;
    if (options.description !== undefined && options.tags && SystemTags.NOTE in options.tags) {
      throw MlflowError.invalidParameter(`Description is already set via the tag ${SystemTags.NOTE} in tags. Remove the key or remove the description.`);
    }
    // User tags override the context tags, as MLflow's resolve_tags does.
    const tags: Record<string, unknown> = {
      ...(await systemRunTags()),
      ...(parentRunId ? { [SystemTags.PARENT_RUN_ID]: parentRunId } : {}),
      ...(options.description !== undefined ? { [SystemTags.NOTE]: options.description } : {}),
      ...options.tags,
    };
    const experimentId = options.experimentId ?? (await this.resolveExperimentId(backend));
    const run = await client.createRun(experimentId, { tags, ...(options.runName ? { runName: options.runName } : {}) });
    return new ActiveRun(run, scope, end);
  }

  /** Flushes the run's queued metrics, then terminates it; a flush failure is thrown after the run is ended. */
  private async endRun(backend: Backend, run: ActiveRun, status: RunStatus): Promise<void> {
    if (run.scope.ended) return;
    run.scope.ended = true;
    this.openRuns.delete(run);
    let flushFailure: Error | undefined;
    await backend.batcher.flush().catch((error: unknown) => (flushFailure = error instanceof Error ? error : new Error(String(error))));
    const endTime = Date.now();
    await backend.client.setTerminated(run.runId, status, endTime);
    run.info = { ...run.info, status, end_time: endTime };
    this.lastEndedRunId = run.runId;
    if (flushFailure !== undefined) throw flushFailure;
  }

  /**
   * At exit, sends what is queued and ends runs still open as FINISHED (MLflow's atexit hook).
   * `beforeExit` allows async work; an explicit process.exit() skips it, so flush first then.
   */
  installExitHook(): void {
    if (this.exitHookInstalled) return;
    this.exitHookInstalled = true;
    process.on("beforeExit", () => {
      const busy = this.openRuns.size > 0 || [...this.backends.values()].some((b) => !b.batcher.idle);
      if (!busy) return;
      void this.shutdown();
    });
  }

  async shutdown(): Promise<void> {
    try {
      await this.flushAll();
      for (const run of [...this.openRuns]) await run.end("FINISHED");
    } catch (error) {
      console.error(`tracklet: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

export async function getOrCreateExperiment(client: MlflowClient, name: string): Promise<string> {
  const found = await client.getExperimentByName(name);
  if (found) return found.experiment_id;
  try {
    return await client.createExperiment(name);
  } catch (error) {
    // Another process created it between the lookup and the create (workers started together).
    if (error instanceof MlflowError && error.errorCode === "RESOURCE_ALREADY_EXISTS") {
      const again = await client.getExperimentByName(name);
      if (again) return again.experiment_id;
    }
    throw error;
  }
}

export const session = new FluentSession();
