import {
  decodePageToken,
  encodePageToken,
  generateRunName,
  Limits,
  MlflowError,
  normalizeRunTag,
  stagesOf,
  SystemTags,
  validateLength,
  type KeyValue,
  type Run,
  type RunInfo,
} from "../../core/index.js";
import { parseRunFilter, parseRunOrderBy } from "../../core/search/index.js";
import type { CreateRunInput, Page, SearchRunsInput, UpdateRunInput } from "../tracking-store.js";
import type { RunRow } from "./database-schema.js";
import { dedupeTags, parseExperimentId, type ExperimentRepository } from "./experiment-repository.js";
import { runInfoFromRow } from "./row-mappers.js";
import { hydrateRuns } from "./run-hydrator.js";
import { hydrateRunsJson } from "./run-json-hydrator.js";
import { compileRunFilter } from "./search/compile-run-filter.js";
import { compileRunOrder } from "./search/compile-run-order.js";
import { searchByOrderedWindow } from "./search/ordered-window-search.js";
import type { SqlExecutor } from "./sql-executor.js";
import { appendToUriPath, type StoreContext } from "./store-context.js";

export function noSuchRun(runId: string): MlflowError {
  return MlflowError.notFound(`Run with id=${runId} not found`);
}

/** MLflow's `_check_run_is_active`: writes to a deleted run are refused, whatever its status. */
export async function requireActiveRun(exec: SqlExecutor, runId: string): Promise<RunRow> {
  const row = await exec.first(exec.db.selectFrom("runs").selectAll().where("run_uuid", "=", runId));
  if (!row) throw noSuchRun(runId);
  if (row.lifecycle_stage !== "active") {
    throw MlflowError.invalidParameter(`The run ${runId} must be in the 'active' state. Current state is ${row.lifecycle_stage}.`);
  }
  return row;
}

/** Writes the `mlflow.runName` tag, which MLflow keeps equal to the name column. */
export async function upsertRunTag(exec: SqlExecutor, runId: string, tag: KeyValue): Promise<void> {
  await exec.run(
    exec.db
      .insertInto("tags")
      .values({ key: tag.key, value: tag.value, run_uuid: runId })
      .onConflict((oc) => oc.columns(["key", "run_uuid"]).doUpdateSet({ value: tag.value })),
  );
  if (tag.key === SystemTags.RUN_NAME) {
    await exec.run(exec.db.updateTable("runs").set({ name: tag.value }).where("run_uuid", "=", runId));
  }
}

function validateRunName(name: string): void {
  validateLength("Run name", name, Limits.RUN_NAME);
}

export class RunRepository {
  constructor(
    private readonly ctx: StoreContext,
    private readonly experiments: ExperimentRepository,
  ) {}

  private get sql(): SqlExecutor {
    return this.ctx.sql;
  }

  async create(input: CreateRunInput): Promise<Run> {
    const tags = dedupeTags((input.tags ?? []).map(normalizeRunTag));
    const nameTag = tags.find((t) => t.key === SystemTags.RUN_NAME)?.value;
    if (input.run_name && nameTag !== undefined && input.run_name !== nameTag) {
      throw MlflowError.invalidParameter(
        `Both 'run_name' argument and 'mlflow.runName' tag are specified, but with different values (run_name='${input.run_name}', mlflow.runName='${nameTag}').`,
      );
    }
    const runName = input.run_name || nameTag || generateRunName();
    validateRunName(runName);
    if (nameTag === undefined) tags.push({ key: SystemTags.RUN_NAME, value: runName });
    const experimentId = input.experiment_id || "0";
    const runId = crypto.randomUUID().replaceAll("-", "");

    return this.sql.write(async (tx) => {
      const exp = await this.experiments.requireActive(experimentId, tx);
      const row: RunRow = {
        run_uuid: runId,
        name: runName,
        source_type: "UNKNOWN",
        source_name: "",
        entry_point_name: "",
        user_id: input.user_id ?? "",
        status: "RUNNING",
        start_time: input.start_time ?? 0,
        end_time: null,
        source_version: "",
        lifecycle_stage: "active",
        artifact_uri: appendToUriPath(exp.artifact_location, `${runId}/artifacts`),
        experiment_id: Number(exp.experiment_id),
        deleted_time: null,
      };
      await tx.run(tx.db.insertInto("runs").values(row));
      await tx.run(tx.db.insertInto("tags").values(tags.map((t) => ({ key: t.key, value: t.value, run_uuid: runId }))));
      return { info: runInfoFromRow(row), data: { metrics: [], params: [], tags }, inputs: { dataset_inputs: [] } };
    });
  }

  async get(runId: string, exec: SqlExecutor = this.sql): Promise<Run> {
    const row = await exec.first(exec.db.selectFrom("runs").selectAll().where("run_uuid", "=", runId));
    if (!row) throw noSuchRun(runId);
    return (await hydrateRuns(exec, [row]))[0] as Run;
  }

  async update(runId: string, input: UpdateRunInput): Promise<RunInfo> {
    if (input.run_name) validateRunName(input.run_name);
    if (input.end_time !== undefined && input.end_time < 0) {
      throw MlflowError.invalidParameter(`Invalid value ${input.end_time} for parameter 'end_time' supplied. It must be a nonnegative timestamp in milliseconds.`);
    }
    return this.sql.write(async (tx) => {
      const row = await requireActiveRun(tx, runId);
      const changes: Partial<RunRow> = {};
      if (input.status !== undefined) changes.status = input.status;
      if (input.end_time !== undefined) changes.end_time = input.end_time;
      if (Object.keys(changes).length > 0) await tx.run(tx.db.updateTable("runs").set(changes).where("run_uuid", "=", runId));
      if (input.run_name) await upsertRunTag(tx, runId, { key: SystemTags.RUN_NAME, value: input.run_name });
      const updated: RunRow = { ...row, ...changes, ...(input.run_name ? { name: input.run_name } : {}) };
      return runInfoFromRow(updated);
    });
  }

  async setLifecycle(runId: string, stage: "active" | "deleted"): Promise<void> {
    await this.sql.write(async (tx) => {
      const changed = await tx.run(
        tx.db
          .updateTable("runs")
          .set({ lifecycle_stage: stage, deleted_time: stage === "deleted" ? this.ctx.now() : null })
          .where("run_uuid", "=", runId),
      );
      if (changed === 0) throw noSuchRun(runId);
    });
  }

  async search(input: SearchRunsInput): Promise<Page<Run>> {
    const { rows, next_page_token } = await this.searchRows(input);
    const items = await hydrateRuns(this.sql, rows);
    return next_page_token === undefined ? { items } : { items, next_page_token };
  }

  /** `search` with each run as its MLflow JSON text, for the server to send as it is (run-json-hydrator.ts). */
  async searchJson(input: SearchRunsInput): Promise<Page<string>> {
    const { rows, next_page_token } = await this.searchRows(input);
    const items = await hydrateRunsJson(this.sql, rows);
    return next_page_token === undefined ? { items } : { items, next_page_token };
  }

  private async searchRows(input: SearchRunsInput): Promise<{ rows: RunRow[]; next_page_token?: string }> {
    const maxResults = input.max_results ?? Limits.SEARCH_MAX_RESULTS_DEFAULT;
    if (maxResults > Limits.SEARCH_MAX_RESULTS) {
      throw MlflowError.invalidParameter(
        `Invalid value for request parameter max_results. It must be at most ${Limits.SEARCH_MAX_RESULTS}, but got value ${maxResults}`,
      );
    }
    if (maxResults < 1) throw MlflowError.invalidParameter(`Invalid value ${maxResults} for parameter 'max_results' supplied. It must be a positive integer`);
    const filter = parseRunFilter(input.filter);
    const orderKeys = parseRunOrderBy(input.order_by ?? []);
    const order = compileRunOrder(orderKeys);
    const offset = decodePageToken(input.page_token);
    // Ids that are not integers name no SQL experiment; they match nothing rather than erroring.
    const experimentIds = input.experiment_ids.map(parseExperimentId).filter((id): id is number => id !== undefined);
    if (experimentIds.length === 0) return { rows: [] };
    const { sql } = this;
    const stages = stagesOf(input.run_view_type ?? "ACTIVE_ONLY");
    const windowed = await searchByOrderedWindow(sql, {
      experimentIds,
      stages,
      filter,
      order: orderKeys,
      offset,
      limit: maxResults,
      ...(this.ctx.searchWindowFactors ? { windowFactors: this.ctx.searchWindowFactors } : {}),
    });
    let rows: RunRow[];
    if (windowed) rows = windowed;
    else {
      let query = sql.db.selectFrom("runs").selectAll("runs").where("runs.experiment_id", "in", experimentIds).where("runs.lifecycle_stage", "in", stages);
      if (filter) query = query.where((eb) => compileRunFilter(eb, filter, sql.dialect));
      for (const term of order) query = query.orderBy(term.expression, term.direction);
      rows = await sql.all(query.limit(maxResults).offset(offset));
    }
    // MLflow returns a token whenever the page is full, even when nothing follows.
    return rows.length === maxResults ? { rows, next_page_token: encodePageToken(offset + maxResults) } : { rows };
  }
}
