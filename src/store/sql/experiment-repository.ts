import {
  decodePageToken,
  encodePageToken,
  Limits,
  MlflowError,
  stagesOf,
  validateArtifactLocation,
  validateExperimentName,
  validateExperimentTag,
  type Experiment,
  type KeyValue,
} from "../../core/index.js";
import { parseExperimentFilter, parseExperimentOrderBy } from "../../core/search/index.js";
import type { CreateExperimentInput, Page, SearchExperimentsInput } from "../tracking-store.js";
import type { ExperimentRow } from "./database-schema.js";
import { experimentFromRow } from "./row-mappers.js";
import { compileExperimentFilter, compileExperimentOrder } from "./search/compile-experiment-search.js";
import type { SqlExecutor } from "./sql-executor.js";
import { appendToUriPath, type StoreContext } from "./store-context.js";

/** SQL experiment ids are integers; any other text names no experiment. */
export function parseExperimentId(experimentId: string): number | undefined {
  return /^\d{1,18}$/.test(experimentId) ? Number(experimentId) : undefined;
}

function noSuchExperiment(experimentId: string): MlflowError {
  return MlflowError.notFound(`No Experiment with id=${experimentId} exists`);
}

export class ExperimentRepository {
  constructor(private readonly ctx: StoreContext) {}

  private get sql(): SqlExecutor {
    return this.ctx.sql;
  }

  async create(input: CreateExperimentInput): Promise<string> {
    validateExperimentName(input.name);
    if (input.artifact_location) validateArtifactLocation(input.artifact_location);
    const tags = dedupeTags(input.tags ?? []);
    tags.forEach(validateExperimentTag);
    return this.sql.write(async (tx) => {
      const taken = await tx.first(tx.db.selectFrom("experiments").select("experiment_id").where("name", "=", input.name));
      if (taken) throw new MlflowError("RESOURCE_ALREADY_EXISTS", `Experiment(name=${input.name}) already exists.`);
      const now = this.ctx.now();
      const inserted = await tx.first(
        tx.db
          .insertInto("experiments")
          .values({ name: input.name, artifact_location: input.artifact_location || null, lifecycle_stage: "active", creation_time: now, last_update_time: now })
          .returning("experiment_id"),
      );
      if (!inserted) throw new MlflowError("INTERNAL_ERROR", "Experiment insert returned no id");
      const id = inserted.experiment_id;
      if (!input.artifact_location) {
        await tx.run(
          tx.db
            .updateTable("experiments")
            .set({ artifact_location: appendToUriPath(this.ctx.defaultArtifactRoot, String(id)) })
            .where("experiment_id", "=", id),
        );
      }
      if (tags.length > 0) {
        await tx.run(tx.db.insertInto("experiment_tags").values(tags.map((t) => ({ key: t.key, value: t.value, experiment_id: id }))));
      }
      return String(id);
    });
  }

  /** Creates experiment 0, "Default", when the database has no experiment at all (MLflow's start-up rule). */
  async ensureDefault(): Promise<void> {
    await this.sql.write(async (tx) => {
      const any = await tx.first(tx.db.selectFrom("experiments").select("experiment_id").limit(1));
      if (any) return;
      const now = this.ctx.now();
      await tx.run(
        tx.db.insertInto("experiments").values({
          experiment_id: 0,
          name: "Default",
          artifact_location: appendToUriPath(this.ctx.defaultArtifactRoot, "0"),
          lifecycle_stage: "active",
          creation_time: now,
          last_update_time: now,
        }),
      );
    });
  }

  async get(experimentId: string, exec: SqlExecutor = this.sql): Promise<Experiment> {
    const id = parseExperimentId(experimentId);
    const row = id === undefined ? undefined : await exec.first(exec.db.selectFrom("experiments").selectAll().where("experiment_id", "=", id));
    if (!row) throw noSuchExperiment(experimentId);
    return (await this.withTags([row], exec))[0] as Experiment;
  }

  async getByName(name: string): Promise<Experiment> {
    const row = await this.sql.first(this.sql.db.selectFrom("experiments").selectAll().where("name", "=", name));
    if (!row) throw MlflowError.notFound(`Could not find experiment with name '${name}'`);
    return (await this.withTags([row]))[0] as Experiment;
  }

  async search(input: SearchExperimentsInput): Promise<Page<Experiment>> {
    const maxResults = input.max_results ?? Limits.SEARCH_MAX_RESULTS_DEFAULT;
    if (maxResults < 1) {
      throw MlflowError.invalidParameter(`Invalid value ${maxResults} for parameter 'max_results' supplied. It must be a positive integer`);
    }
    if (maxResults > Limits.SEARCH_MAX_RESULTS) {
      throw MlflowError.invalidParameter(`Invalid value ${maxResults} for parameter 'max_results' supplied. It must be at most ${Limits.SEARCH_MAX_RESULTS}`);
    }
    const filter = parseExperimentFilter(input.filter);
    const order = compileExperimentOrder(parseExperimentOrderBy(input.order_by ?? []));
    const offset = decodePageToken(input.page_token);
    const { sql } = this;
    let query = sql.db.selectFrom("experiments").selectAll("experiments").where("experiments.lifecycle_stage", "in", stagesOf(input.view_type ?? "ACTIVE_ONLY"));
    if (filter) query = query.where((eb) => compileExperimentFilter(eb, filter, sql.dialect));
    for (const term of order) query = query.orderBy(term.expression, term.direction);
    const rows = await sql.all(query.limit(maxResults + 1).offset(offset));
    const page = rows.slice(0, maxResults);
    const items = await this.withTags(page);
    return rows.length > maxResults ? { items, next_page_token: encodePageToken(offset + maxResults) } : { items };
  }

  async rename(experimentId: string, newName: string): Promise<void> {
    validateExperimentName(newName);
    await this.sql.write(async (tx) => {
      const exp = await this.get(experimentId, tx);
      if (exp.lifecycle_stage !== "active") throw new MlflowError("INVALID_STATE", "Cannot rename a non-active experiment.");
      if (exp.name === newName) return;
      const taken = await tx.first(tx.db.selectFrom("experiments").select("experiment_id").where("name", "=", newName));
      if (taken) throw new MlflowError("BAD_REQUEST", `Experiment(name=${newName}) already exists.`);
      await tx.run(
        tx.db.updateTable("experiments").set({ name: newName, last_update_time: this.ctx.now() }).where("experiment_id", "=", Number(experimentId)),
      );
    });
  }

  async delete(experimentId: string): Promise<void> {
    await this.setStage(experimentId, "active", "deleted");
  }

  async restore(experimentId: string): Promise<void> {
    await this.setStage(experimentId, "deleted", "active");
  }

  /** Moves the experiment and all its runs between lifecycle stages, as MLflow does. */
  private async setStage(experimentId: string, from: "active" | "deleted", to: "active" | "deleted"): Promise<void> {
    await this.sql.write(async (tx) => {
      const exp = await this.get(experimentId, tx);
      if (exp.lifecycle_stage !== from) throw noSuchExperiment(experimentId);
      const now = this.ctx.now();
      const id = Number(experimentId);
      await tx.run(tx.db.updateTable("experiments").set({ lifecycle_stage: to, last_update_time: now }).where("experiment_id", "=", id));
      await tx.run(
        tx.db
          .updateTable("runs")
          .set({ lifecycle_stage: to, deleted_time: to === "deleted" ? now : null })
          .where("experiment_id", "=", id),
      );
    });
  }

  async setTag(experimentId: string, tag: KeyValue): Promise<void> {
    validateExperimentTag(tag);
    await this.sql.write(async (tx) => {
      await this.requireActive(experimentId, tx);
      const id = Number(experimentId);
      await tx.run(
        tx.db
          .insertInto("experiment_tags")
          .values({ key: tag.key, value: tag.value, experiment_id: id })
          .onConflict((oc) => oc.columns(["key", "experiment_id"]).doUpdateSet({ value: tag.value })),
      );
    });
  }

  async deleteTag(experimentId: string, key: string): Promise<void> {
    await this.sql.write(async (tx) => {
      await this.requireActive(experimentId, tx);
      const changed = await tx.run(tx.db.deleteFrom("experiment_tags").where("experiment_id", "=", Number(experimentId)).where("key", "=", key));
      if (changed === 0) throw MlflowError.notFound(`No tag with name: ${key} in experiment with id ${experimentId}`);
    });
  }

  /** The experiment, which must exist (404) and be active (400). */
  async requireActive(experimentId: string, exec: SqlExecutor): Promise<Experiment> {
    const exp = await this.get(experimentId, exec);
    if (exp.lifecycle_stage !== "active") {
      throw MlflowError.invalidParameter(`The experiment ${experimentId} must be in the 'active' state. Current state is ${exp.lifecycle_stage}.`);
    }
    return exp;
  }

  private async withTags(rows: ExperimentRow[], exec: SqlExecutor = this.sql): Promise<Experiment[]> {
    if (rows.length === 0) return [];
    const ids = rows.map((r) => r.experiment_id);
    const tags = await exec.all(exec.db.selectFrom("experiment_tags").selectAll().where("experiment_id", "in", ids).orderBy("key"));
    const byId = new Map<number, KeyValue[]>();
    for (const t of tags) {
      const list = byId.get(t.experiment_id) ?? [];
      list.push({ key: t.key, value: t.value ?? "" });
      byId.set(t.experiment_id, list);
    }
    return rows.map((r) => experimentFromRow(r, byId.get(r.experiment_id) ?? []));
  }
}

/** The last value given for a key wins, as in a sequence of set-tag calls. */
export function dedupeTags(tags: readonly KeyValue[]): KeyValue[] {
  return [...new Map(tags.map((t) => [t.key, t] as const)).values()];
}
