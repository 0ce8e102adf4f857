import {
  MlflowError,
  normalizeParam,
  normalizeRunTag,
  SystemTags,
  validateBatchLimits,
  validateDatasetInputs,
  validateMetric,
  validateNoDuplicateParamKeys,
  validateRunId,
  Limits,
  type DatasetInput,
  type KeyValue,
  type Metric,
} from "../../core/index.js";
import type { LogBatchInput } from "../tracking-store.js";
import { dedupeTags } from "./experiment-repository.js";
import { metricTemplates } from "./metric-templates.js";
import { metricValueForStorage } from "./row-mappers.js";
import { requireActiveRun, upsertRunTag } from "./run-repository.js";
import type { SqlExecutor } from "./sql-executor.js";
import type { StoreContext } from "./store-context.js";

interface StoredMetric {
  key: string;
  value: number;
  is_nan: number;
  timestamp: number;
  step: number;
  run_uuid: string;
}

/** MLflow's order of "latest": largest step, then timestamp, then value. */
function isLater(a: StoredMetric, b: StoredMetric): boolean {
  if (a.step !== b.step) return a.step > b.step;
  if (a.timestamp !== b.timestamp) return a.timestamp > b.timestamp;
  return a.value > b.value;
}

/** Writes params, metrics, tags, inputs and model history into runs. */
export class RunDataWriter {
  constructor(private readonly ctx: StoreContext) {}

  /**
   * Unlike MLflow, which commits params, metrics and tags separately, the whole batch is one
   * transaction: a refused batch leaves nothing behind.
   */
  async logBatch(runId: string, input: LogBatchInput): Promise<void> {
    validateRunId(runId);
    const metrics = input.metrics ?? [];
    const rawParams = input.params ?? [];
    const rawTags = input.tags ?? [];
    validateBatchLimits({ metrics: metrics.length, params: rawParams.length, tags: rawTags.length });
    metrics.forEach(validateMetric);
    const params = rawParams.map(normalizeParam);
    validateNoDuplicateParamKeys(params);
    const tags = dedupeTags(rawTags.map(normalizeRunTag));
    try {
      await this.ctx.sql.write(async (tx) => {
        await requireActiveRun(tx, runId);
        await this.writeParams(tx, runId, params, "batch");
        await this.writeMetrics(tx, runId, metrics);
        for (const tag of tags) await upsertRunTag(tx, runId, tag);
      });
    } finally {
      // After the commit (or the rollback, where it costs one recount): see MetricWriteLog.
      if (metrics.length > 0) this.ctx.metricWrites.touch(runId);
    }
  }

  async logParam(runId: string, param: KeyValue): Promise<void> {
    const normalized = normalizeParam(param);
    await this.ctx.sql.write(async (tx) => {
      await requireActiveRun(tx, runId);
      await this.writeParams(tx, runId, [normalized], "single");
    });
  }

  async setTag(runId: string, tag: KeyValue): Promise<void> {
    const normalized = normalizeRunTag(tag);
    await this.ctx.sql.write(async (tx) => {
      await requireActiveRun(tx, runId);
      await upsertRunTag(tx, runId, normalized);
    });
  }

  async deleteTag(runId: string, key: string): Promise<void> {
    await this.ctx.sql.write(async (tx) => {
      await requireActiveRun(tx, runId);
      const changed = await tx.run(tx.db.deleteFrom("tags").where("run_uuid", "=", runId).where("key", "=", key));
      if (changed === 0) throw MlflowError.notFound(`No tag with name: ${key} in run with id ${runId}`);
    });
  }

  /** Params are immutable: the same value again is accepted, a different one refused, and then nothing is written. */
  private async writeParams(tx: SqlExecutor, runId: string, params: readonly KeyValue[], mode: "single" | "batch"): Promise<void> {
    if (params.length === 0) return;
    const existing = new Map(
      (
        await tx.all(
          tx.db
            .selectFrom("params")
            .select(["key", "value"])
            .where("run_uuid", "=", runId)
            .where(
              "key",
              "in",
              params.map((p) => p.key),
            ),
        )
      ).map((r) => [r.key, r.value] as const),
    );
    const conflicts = params.filter((p) => existing.has(p.key) && existing.get(p.key) !== p.value);
    if (conflicts.length > 0) {
      const first = conflicts[0] as KeyValue;
      throw MlflowError.invalidParameter(
        mode === "single"
          ? `Changing param values is not allowed. Param with key='${first.key}' was already logged with value='${existing.get(first.key)}' for run ID='${runId}'. Attempted logging new value '${first.value}'.`
          : `Changing param values is not allowed. Params were already logged='[${conflicts
              .map((c) => `{'key': '${c.key}', 'old_value': '${existing.get(c.key)}', 'new_value': '${c.value}'}`)
              .join(", ")}]' for run ID='${runId}'.`,
      );
    }
    const fresh = params.filter((p) => !existing.has(p.key));
    if (fresh.length > 0) await tx.run(tx.db.insertInto("params").values(fresh.map((p) => ({ key: p.key, value: p.value, run_uuid: runId }))));
  }

  private async writeMetrics(tx: SqlExecutor, runId: string, metrics: readonly Metric[]): Promise<void> {
    if (metrics.length === 0) return;
    const templates = metricTemplates(tx.db);
    const latest = new Map<string, StoredMetric>();
    const rows: unknown[][] = [];
    for (const m of metrics) {
      const stored: StoredMetric = { key: m.key, ...metricValueForStorage(m.value), timestamp: m.timestamp, step: m.step, run_uuid: runId };
      rows.push(templates.insertMetric.bind(stored));
      const current = latest.get(m.key);
      if (!current || isLater(stored, current)) latest.set(m.key, stored);
    }
    await tx.runMany(templates.insertMetric.query, rows);
    await tx.runMany(
      templates.upsertLatest.query,
      [...latest.values()].map((m) => templates.upsertLatest.bind(m)),
    );
  }

  async logInputs(runId: string, datasets: readonly DatasetInput[]): Promise<void> {
    validateRunId(runId);
    validateDatasetInputs(datasets);
    const unique = [...new Map(datasets.map((d) => [`${d.dataset.name}\u0000${d.dataset.digest}`, d] as const)).values()];
    await this.ctx.sql.write(async (tx) => {
      const run = await requireActiveRun(tx, runId);
      const experimentId = Number(run.experiment_id);
      for (const { dataset, tags } of unique) {
        const found = await tx.first(
          tx.db
            .selectFrom("datasets")
            .select("dataset_uuid")
            .where("experiment_id", "=", experimentId)
            .where("name", "=", dataset.name)
            .where("digest", "=", dataset.digest),
        );
        const datasetUuid = found?.dataset_uuid ?? crypto.randomUUID().replaceAll("-", "");
        if (!found) {
          await tx.run(
            tx.db.insertInto("datasets").values({
              dataset_uuid: datasetUuid,
              experiment_id: experimentId,
              name: dataset.name,
              digest: dataset.digest,
              dataset_source_type: dataset.source_type,
              dataset_source: dataset.source,
              dataset_schema: dataset.schema ?? null,
              dataset_profile: dataset.profile ?? null,
            }),
          );
        }
        const edge = await tx.first(
          tx.db
            .selectFrom("inputs")
            .select("input_uuid")
            .where("source_type", "=", "DATASET")
            .where("source_id", "=", datasetUuid)
            .where("destination_type", "=", "RUN")
            .where("destination_id", "=", runId),
        );
        // As in MLflow, input tags are written only with a new edge.
        if (edge) continue;
        const inputUuid = crypto.randomUUID().replaceAll("-", "");
        await tx.run(
          tx.db.insertInto("inputs").values({ input_uuid: inputUuid, source_type: "DATASET", source_id: datasetUuid, destination_type: "RUN", destination_id: runId, step: 0 }),
        );
        const inputTags = dedupeTags(tags);
        if (inputTags.length > 0) {
          await tx.run(tx.db.insertInto("input_tags").values(inputTags.map((t) => ({ input_uuid: inputUuid, name: t.key, value: t.value }))));
        }
      }
    });
  }

  /** Appends the MLmodel dictionary to the run's `mlflow.log-model.history` tag. */
  async logModel(runId: string, modelJson: string): Promise<void> {
    let model: unknown;
    try {
      model = JSON.parse(modelJson);
    } catch {
      throw MlflowError.invalidParameter(`Malformed model info. \n ${modelJson} \n is not a valid JSON.`);
    }
    if (typeof model !== "object" || model === null || Array.isArray(model)) {
      throw MlflowError.invalidParameter(`Malformed model info. \n ${modelJson} \n is not a JSON object.`);
    }
    const missing = ["artifact_path", "flavors", "utc_time_created", "run_id"].filter((k) => !(k in model));
    if (missing.length > 0) throw MlflowError.invalidParameter(`Model json is missing mandatory fields: {${missing.map((k) => `'${k}'`).join(", ")}}`);
    await this.ctx.sql.write(async (tx) => {
      await requireActiveRun(tx, runId);
      const current = await tx.first(
        tx.db.selectFrom("tags").select("value").where("run_uuid", "=", runId).where("key", "=", SystemTags.LOG_MODEL_HISTORY),
      );
      let history: unknown[] = [];
      try {
        const parsed: unknown = current?.value ? JSON.parse(current.value) : [];
        if (Array.isArray(parsed)) history = parsed;
      } catch {
        history = [];
      }
      const value = JSON.stringify([...history, model]);
      // Truncating would corrupt the JSON (MLflow does); refuse instead.
      if (Array.from(value).length > Limits.RUN_TAG_VALUE) {
        throw MlflowError.invalidParameter(`The model history of run ${runId} would exceed ${Limits.RUN_TAG_VALUE} characters.`);
      }
      await upsertRunTag(tx, runId, { key: SystemTags.LOG_MODEL_HISTORY, value });
    });
  }
}
