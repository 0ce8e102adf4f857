import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { basename, dirname, join } from "node:path";
import {
  Limits,
  MlflowError,
  SystemTags,
  type DatasetInput,
  type KeyValue,
  type Metric,
  type RunStatus,
  type ViewType,
} from "../../core/index.js";
import type { TrackingStore } from "../../store/tracking-store.js";
import { artifactRepositoryFor } from "../artifacts/artifact-repository.js";
import { pagedList, toExperiment, toKeyValues, toRun, stringify, type Experiment, type PagedList, type Run } from "../entities/sdk-entities.js";
import { openStoreForUri, type HttpOptions } from "../stores/open-store-for-uri.js";
import { getTrackingUri, normalizeTrackingUri } from "../tracking-uri.js";

export type ClientOptions = HttpOptions;

export interface SearchExperimentsOptions {
  viewType?: ViewType;
  maxResults?: number;
  filterString?: string;
  orderBy?: readonly string[];
  pageToken?: string;
}

export interface SearchRunsOptions {
  filterString?: string;
  runViewType?: ViewType;
  maxResults?: number;
  orderBy?: readonly string[];
  pageToken?: string;
}

export interface CreateRunOptions {
  startTime?: number;
  tags?: Readonly<Record<string, unknown>>;
  runName?: string;
}

export interface LogBatchOptions {
  metrics?: readonly Metric[];
  params?: readonly KeyValue[] | Readonly<Record<string, unknown>>;
  tags?: readonly KeyValue[] | Readonly<Record<string, unknown>>;
}

function keyValues(input: readonly KeyValue[] | Readonly<Record<string, unknown>> | undefined): KeyValue[] {
  if (input === undefined) return [];
  return Array.isArray(input) ? [...(input as readonly KeyValue[])] : toKeyValues(input as Readonly<Record<string, unknown>>);
}

/** Splits a batch the way MLflow's client does: ≤100 params, ≤100 tags, ≤1000 metrics and ≤1000 entities per request. */
export function splitBatch(metrics: readonly Metric[], params: readonly KeyValue[], tags: readonly KeyValue[]): { metrics: Metric[]; params: KeyValue[]; tags: KeyValue[] }[] {
  const batches: { metrics: Metric[]; params: KeyValue[]; tags: KeyValue[] }[] = [];
  let m = 0;
  let p = 0;
  let t = 0;
  while (p < params.length || t < tags.length) {
    const ps = params.slice(p, p + Limits.BATCH_PARAMS);
    const ts = tags.slice(t, t + Limits.BATCH_TAGS);
    const room = Math.min(Limits.BATCH_TOTAL - ps.length - ts.length, Limits.BATCH_METRICS);
    batches.push({ params: ps, tags: ts, metrics: metrics.slice(m, m + room) });
    p += ps.length;
    t += ts.length;
    m += Math.min(room, metrics.length - m);
  }
  for (; m < metrics.length; m += Limits.BATCH_METRICS) batches.push({ metrics: metrics.slice(m, m + Limits.BATCH_METRICS), params: [], tags: [] });
  return batches;
}

/**
 * MLflow's MlflowClient: explicit-id calls over one tracking URI, with no active-run state.
 * A local URI opens its database on first use; `close()` releases it.
 */
export class MlflowClient {
  readonly trackingUri: string;
  private storePromise: Promise<TrackingStore> | undefined;

  constructor(
    trackingUri?: string,
    private readonly options: ClientOptions = {},
  ) {
    this.trackingUri = trackingUri === undefined ? getTrackingUri() : normalizeTrackingUri(trackingUri);
  }

  /** The tracking store behind this client (opened once; a failed open is retried on the next call). */
  store(): Promise<TrackingStore> {
    if (!this.storePromise) {
      this.storePromise = openStoreForUri(this.trackingUri, this.options);
      this.storePromise.catch(() => (this.storePromise = undefined));
    }
    return this.storePromise;
  }

  async close(): Promise<void> {
    const pending = this.storePromise;
    this.storePromise = undefined;
    if (pending) await (await pending).close();
  }

  async [Symbol.asyncDispose](): Promise<void> {
    await this.close();
  }

  // Experiments

  async createExperiment(name: string, options: { artifactLocation?: string; tags?: Readonly<Record<string, unknown>> } = {}): Promise<string> {
    return (await this.store()).createExperiment({
      name,
      ...(options.artifactLocation ? { artifact_location: options.artifactLocation } : {}),
      tags: toKeyValues(options.tags ?? {}),
    });
  }

  async getExperiment(experimentId: string): Promise<Experiment> {
    return toExperiment(await (await this.store()).getExperiment(experimentId));
  }

  /** `undefined` when no experiment has that name, as MLflow returns None. */
  async getExperimentByName(name: string): Promise<Experiment | undefined> {
    try {
      return toExperiment(await (await this.store()).getExperimentByName(name));
    } catch (error) {
      if (error instanceof MlflowError && error.errorCode === "RESOURCE_DOES_NOT_EXIST") return undefined;
      throw error;
    }
  }

  async searchExperiments(options: SearchExperimentsOptions = {}): Promise<PagedList<Experiment>> {
    const page = await (await this.store()).searchExperiments({
      view_type: options.viewType ?? "ACTIVE_ONLY",
      max_results: options.maxResults ?? Limits.SEARCH_MAX_RESULTS_DEFAULT,
      ...(options.filterString ? { filter: options.filterString } : {}),
      ...(options.orderBy?.length ? { order_by: options.orderBy } : {}),
      ...(options.pageToken ? { page_token: options.pageToken } : {}),
    });
    return pagedList(page.items.map(toExperiment), page.next_page_token);
  }

  async renameExperiment(experimentId: string, newName: string): Promise<void> {
    await (await this.store()).renameExperiment(experimentId, newName);
  }
  async deleteExperiment(experimentId: string): Promise<void> {
    await (await this.store()).deleteExperiment(experimentId);
  }
  async restoreExperiment(experimentId: string): Promise<void> {
    await (await this.store()).restoreExperiment(experimentId);
  }
  async setExperimentTag(experimentId: string, key: string, value: unknown): Promise<void> {
    await (await this.store()).setExperimentTag(experimentId, { key, value: stringify(value) });
  }
  async deleteExperimentTag(experimentId: string, key: string): Promise<void> {
    await (await this.store()).deleteExperimentTag(experimentId, key);
  }

  // Runs

  async createRun(experimentId: string, options: CreateRunOptions = {}): Promise<Run> {
    const tags = toKeyValues(options.tags ?? {});
    const user = tags.find((t) => t.key === SystemTags.USER)?.value;
    const run = await (await this.store()).createRun({
      experiment_id: experimentId,
      start_time: options.startTime ?? Date.now(),
      tags,
      ...(options.runName ? { run_name: options.runName } : {}),
      ...(user ? { user_id: user } : {}),
    });
    return toRun(run);
  }

  async getRun(runId: string): Promise<Run> {
    return toRun(await (await this.store()).getRun(runId));
  }

  /** The run named by the `mlflow.parentRunId` tag, or `undefined` for a top-level run. */
  async getParentRun(runId: string): Promise<Run | undefined> {
    const parentId = (await this.getRun(runId)).data.tags[SystemTags.PARENT_RUN_ID];
    return parentId ? this.getRun(parentId) : undefined;
  }

  async updateRun(runId: string, options: { status?: RunStatus; name?: string; endTime?: number }): Promise<void> {
    await (await this.store()).updateRun(runId, {
      ...(options.status ? { status: options.status } : {}),
      ...(options.name ? { run_name: options.name } : {}),
      ...(options.endTime !== undefined ? { end_time: options.endTime } : {}),
    });
  }

  /** Ends a run: status FINISHED by default, end time now. */
  async setTerminated(runId: string, status: RunStatus = "FINISHED", endTime: number = Date.now()): Promise<void> {
    await (await this.store()).updateRun(runId, { status, end_time: endTime });
  }

  async deleteRun(runId: string): Promise<void> {
    await (await this.store()).deleteRun(runId);
  }
  async restoreRun(runId: string): Promise<void> {
    await (await this.store()).restoreRun(runId);
  }

  async searchRuns(experimentIds: readonly string[], options: SearchRunsOptions = {}): Promise<PagedList<Run>> {
    const page = await (await this.store()).searchRuns({
      experiment_ids: experimentIds,
      run_view_type: options.runViewType ?? "ACTIVE_ONLY",
      max_results: options.maxResults ?? Limits.SEARCH_MAX_RESULTS_DEFAULT,
      ...(options.filterString ? { filter: options.filterString } : {}),
      ...(options.orderBy?.length ? { order_by: options.orderBy } : {}),
      ...(options.pageToken ? { page_token: options.pageToken } : {}),
    });
    return pagedList(page.items.map(toRun), page.next_page_token);
  }

  // Logging

  async logMetric(runId: string, key: string, value: number, options: { timestamp?: number; step?: number } = {}): Promise<void> {
    await (await this.store()).logMetric(runId, { key, value, timestamp: options.timestamp ?? Date.now(), step: options.step ?? 0 });
  }

  /** Returns the value as logged (MLflow logs `str(value)`). */
  async logParam(runId: string, key: string, value: unknown): Promise<string> {
    const text = stringify(value);
    await (await this.store()).logParam(runId, { key, value: text });
    return text;
  }

  async setTag(runId: string, key: string, value: unknown): Promise<void> {
    await (await this.store()).setTag(runId, { key, value: stringify(value) });
  }
  async deleteTag(runId: string, key: string): Promise<void> {
    await (await this.store()).deleteTag(runId, key);
  }

  /** Any number of entities: split into requests within MLflow's batch limits. */
  async logBatch(runId: string, batch: LogBatchOptions): Promise<void> {
    const store = await this.store();
    for (const part of splitBatch(batch.metrics ?? [], keyValues(batch.params), keyValues(batch.tags))) await store.logBatch(runId, part);
  }

  async logInputs(runId: string, datasets: readonly DatasetInput[]): Promise<void> {
    await (await this.store()).logInputs(runId, datasets);
  }

  /** Every point of one metric, following page tokens (max 25,000 per request, as MLflow's client). */
  async getMetricHistory(runId: string, key: string): Promise<Metric[]> {
    const store = await this.store();
    const points: Metric[] = [];
    let pageToken: string | undefined;
    do {
      const page = await store.getMetricHistory(runId, key, { max_results: Limits.METRIC_HISTORY_MAX_RESULTS, ...(pageToken ? { page_token: pageToken } : {}) });
      points.push(...page.items);
      pageToken = page.next_page_token;
    } while (pageToken);
    return points;
  }

  // Artifacts

  async logArtifact(runId: string, localPath: string, artifactPath?: string): Promise<void> {
    await (await this.artifactRepository(runId)).logArtifact(localPath, artifactPath);
  }

  async logArtifacts(runId: string, localDir: string, artifactPath?: string): Promise<void> {
    await (await this.artifactRepository(runId)).logArtifacts(localDir, artifactPath);
  }

  /** Writes `text` to the artifact file `artifactFile` (e.g. "notes/summary.txt"). */
  async logText(runId: string, text: string, artifactFile: string): Promise<void> {
    const dir = await mkdtemp(join(tmpdir(), "tracklet-artifact-"));
    try {
      const local = join(dir, basename(artifactFile));
      await writeFile(local, text);
      const parent = dirname(artifactFile);
      await this.logArtifact(runId, local, parent === "." ? undefined : parent);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }

  /** Writes `value` as JSON to the artifact file `artifactFile`. */
  async logDict(runId: string, value: unknown, artifactFile: string): Promise<void> {
    await this.logText(runId, JSON.stringify(value, null, 2), artifactFile);
  }

  private async artifactRepository(runId: string): Promise<ReturnType<typeof artifactRepositoryFor>> {
    const { info } = await this.getRun(runId);
    return artifactRepositoryFor(info.artifact_uri, this.trackingUri, this.options);
  }
}
