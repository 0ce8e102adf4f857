import { sql as sqlTuple, type SqlBool } from "kysely";
import { decodePageToken, encodePageToken, Limits, MlflowError, type Metric, type MetricWithRunId } from "../../core/index.js";
import type { BulkIntervalInput, MetricHistoryInput, Page } from "../tracking-store.js";
import { metricFromRow } from "./row-mappers.js";
import { noSuchRun } from "./run-repository.js";
import { chunked, type StoreContext } from "./store-context.js";

export class MetricHistoryReader {
  constructor(private readonly ctx: StoreContext) {}

  /**
   * The full history of one metric, ordered by step then timestamp. Without `max_results` it is
   * the whole series (MLflow 3.6.1 wrongly returned only a page token then).
   */
  async history(runId: string, key: string, input: MetricHistoryInput = {}): Promise<Page<Metric>> {
    const { sql } = this.ctx;
    const run = await sql.first(sql.db.selectFrom("runs").select("run_uuid").where("run_uuid", "=", runId));
    if (!run) throw noSuchRun(runId);
    if (input.max_results !== undefined && input.max_results < 1) {
      throw MlflowError.invalidParameter(`Invalid value ${input.max_results} for parameter 'max_results' supplied. It must be a positive integer`);
    }
    const offset = decodePageToken(input.page_token);
    let query = sql.db
      .selectFrom("metrics")
      .select(["key", "value", "timestamp", "step", "is_nan"])
      .where("run_uuid", "=", runId)
      .where("key", "=", key)
      .orderBy("step")
      .orderBy("timestamp")
      .orderBy("value");
    const limit = input.max_results === undefined ? undefined : Math.min(input.max_results, Limits.METRIC_HISTORY_MAX_RESULTS);
    if (limit !== undefined) query = query.limit(limit + 1).offset(offset);
    else if (offset > 0) query = query.limit(-1).offset(offset);
    const rows = await sql.all(query);
    if (limit !== undefined && rows.length > limit) {
      return { items: rows.slice(0, limit).map(metricFromRow), next_page_token: encodePageToken(offset + limit) };
    }
    return { items: rows.map(metricFromRow) };
  }

  /**
   * The whole history in chunks, for streaming a long series with bounded memory: keyset pages
   * over the covering (run_uuid, key, step, timestamp, value, is_nan) index. The run is checked
   * before the first chunk, so a 404 can still be answered before a response starts.
   */
  async openHistoryStream(runId: string, key: string, chunkSize = 10_000): Promise<AsyncIterable<Metric[]>> {
    const { sql } = this.ctx;
    const run = await sql.first(sql.db.selectFrom("runs").select("run_uuid").where("run_uuid", "=", runId));
    if (!run) throw noSuchRun(runId);
    const page = (after: { step: number; timestamp: number; value: number; is_nan: number } | undefined) =>
      sql.all(
        sql.db
          .selectFrom("metrics")
          .select(["key", "value", "timestamp", "step", "is_nan"])
          .where("run_uuid", "=", runId)
          .where("key", "=", key)
          .$if(after !== undefined, (q) =>
            q.where(sqlTuple<SqlBool>`(step, timestamp, value, is_nan) > (${after?.step}, ${after?.timestamp}, ${after?.value}, ${after?.is_nan})`),
          )
          .orderBy("step")
          .orderBy("timestamp")
          .orderBy("value")
          .orderBy("is_nan")
          .limit(chunkSize),
      );
    return {
      async *[Symbol.asyncIterator]() {
        let after: { step: number; timestamp: number; value: number; is_nan: number } | undefined;
        for (;;) {
          const rows = await page(after);
          if (rows.length === 0) return;
          yield rows.map(metricFromRow);
          if (rows.length < chunkSize) return;
          const last = rows[rows.length - 1] as (typeof rows)[number];
          after = { step: Number(last.step), timestamp: Number(last.timestamp), value: Number(last.value), is_nan: Number(last.is_nan) };
        }
      },
    };
  }

  /** MLflow's get-history-bulk-interval: the same sampled steps across runs, plus each run's first and last step. */
  async bulkInterval(input: BulkIntervalInput): Promise<MetricWithRunId[]> {
    const { sql } = this.ctx;
    const maxResults = input.max_results ?? Limits.BULK_INTERVAL_MAX_RESULTS;
    if (input.run_ids.length > Limits.BULK_MAX_RUN_IDS) {
      throw MlflowError.invalidParameter(
        `GetMetricHistoryBulkInterval request must specify at most ${Limits.BULK_MAX_RUN_IDS} run_ids. Received ${input.run_ids.length} run_ids.`,
      );
    }
    if (maxResults < 1 || maxResults > Limits.BULK_INTERVAL_MAX_RESULTS) {
      throw MlflowError.invalidParameter(`max_results must be between 1 and ${Limits.BULK_INTERVAL_MAX_RESULTS}.`);
    }
    if ((input.start_step === undefined) !== (input.end_step === undefined)) {
      throw MlflowError.invalidParameter("If either start step or end step are specified, both must be specified.");
    }
    if (input.start_step !== undefined && input.end_step !== undefined && input.start_step > input.end_step) {
      throw MlflowError.invalidParameter(`end_step must be greater than start_step. Found start_step=${input.start_step} and end_step=${input.end_step}.`);
    }
    const runIds = [...new Set(input.run_ids)];
    const ranges = await sql.all(
      sql.db
        .selectFrom("metrics")
        .select((eb) => ["run_uuid", eb.fn.min("step").as("min_step"), eb.fn.max("step").as("max_step")])
        .where("run_uuid", "in", runIds)
        .where("key", "=", input.metric_key)
        .groupBy("run_uuid"),
    );
    if (ranges.length === 0) return [];
    const start = input.start_step ?? 0;
    const end = input.end_step ?? Math.max(...ranges.map((r) => Number(r.max_step)));
    const steps = (
      await sql.all(
        sql.db
          .selectFrom("metrics")
          .select("step")
          .distinct()
          .where("run_uuid", "in", runIds)
          .where("key", "=", input.metric_key)
          .where("step", ">=", start)
          .where("step", "<=", end)
          .orderBy("step"),
      )
    ).map((r) => Number(r.step));
    const sampled = new Set<number>();
    if (steps.length <= maxResults) steps.forEach((s) => sampled.add(s));
    else {
      for (let i = 0; i < maxResults; i++) sampled.add(steps[Math.floor((i * steps.length) / maxResults)] as number);
      sampled.add(steps[steps.length - 1] as number);
    }
    for (const r of ranges) {
      for (const s of [Number(r.min_step), Number(r.max_step)]) if (s >= start && s <= end) sampled.add(s);
    }
    const out: MetricWithRunId[] = [];
    const sampledSteps = [...sampled].sort((a, b) => a - b);
    for (const runId of runIds) {
      for (const chunk of chunked(sampledSteps)) {
        const rows = await sql.all(
          sql.db
            .selectFrom("metrics")
            .select(["key", "value", "timestamp", "step", "is_nan"])
            .where("run_uuid", "=", runId)
            .where("key", "=", input.metric_key)
            .where("step", "in", chunk)
            .orderBy("step")
            .orderBy("timestamp"),
        );
        for (const row of rows) out.push({ ...metricFromRow(row), run_id: runId });
      }
    }
    return out;
  }

  /** The UI's get-history-bulk: rows of several runs, sorted by run, timestamp, step and value, capped in total. */
  async bulk(runIds: readonly string[], key: string, maxResults?: number): Promise<MetricWithRunId[]> {
    const { sql } = this.ctx;
    if (runIds.length === 0) throw MlflowError.invalidParameter("GetMetricHistoryBulk request must specify at least one run_id.");
    if (runIds.length > Limits.BULK_MAX_RUN_IDS) {
      throw MlflowError.invalidParameter(
        `GetMetricHistoryBulk request cannot specify more than ${Limits.BULK_MAX_RUN_IDS} run_ids. Received ${runIds.length} run_ids.`,
      );
    }
    if (!key) throw MlflowError.invalidParameter("GetMetricHistoryBulk request must specify a metric_key.");
    const limit = Math.max(1, Math.min(maxResults ?? Limits.METRIC_HISTORY_MAX_RESULTS, Limits.METRIC_HISTORY_MAX_RESULTS));
    const rows = await sql.all(
      sql.db
        .selectFrom("metrics")
        .select(["run_uuid", "key", "value", "timestamp", "step", "is_nan"])
        .where("run_uuid", "in", [...new Set(runIds)])
        .where("key", "=", key)
        .orderBy("run_uuid")
        .orderBy("timestamp")
        .orderBy("step")
        .orderBy("value")
        .limit(limit),
    );
    return rows.map((r) => ({ ...metricFromRow(r), run_id: r.run_uuid }));
  }
}
