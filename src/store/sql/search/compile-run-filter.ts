import { sql, type Expression, type ExpressionBuilder, type SqlBool } from "kysely";
import { MlflowError, SystemTags } from "../../../core/index.js";
import type { Comparison, FilterNode } from "../../../core/search/index.js";
import type { Database } from "../database-schema.js";
import type { SqlDialectName } from "../sql-executor.js";
import { valuePredicate } from "./value-predicate.js";

type RunsBuilder = ExpressionBuilder<Database, "runs">;

const ATTRIBUTE_COLUMNS: Readonly<Record<string, string>> = {
  run_id: "runs.run_uuid",
  status: "runs.status",
  user_id: "runs.user_id",
  artifact_uri: "runs.artifact_uri",
  start_time: "runs.start_time",
  end_time: "runs.end_time",
};

/**
 * Compiles a parsed run filter to a WHERE expression over `runs`. Each clause on a metric, param
 * or tag is a membership test against a subquery, so a run that lacks the key never matches
 * (MLflow's rule, `!=` included) and `OR`/parentheses compose naturally. Metrics compare their
 * latest value as stored by MLflow's SQL store (NaN as 0, ±Infinity as ±max double).
 */
export function compileRunFilter(eb: RunsBuilder, node: FilterNode, dialect: SqlDialectName): Expression<SqlBool> {
  if (node.type !== "comparison") {
    const children = node.children.map((c) => compileRunFilter(eb, c, dialect));
    return node.type === "and" ? eb.and(children) : eb.or(children);
  }
  return compileComparison(eb, node, dialect);
}

function compileComparison(eb: RunsBuilder, c: Comparison, dialect: SqlDialectName): Expression<SqlBool> {
  const runId = eb.ref("runs.run_uuid");
  switch (c.entity) {
    case "metric":
      return eb(
        runId,
        "in",
        eb.selectFrom("latest_metrics").select("latest_metrics.run_uuid").where("latest_metrics.key", "=", c.key).where(valuePredicate(dialect, "latest_metrics.value", c.comparator, c.value)),
      );
    case "param":
    case "tag": {
      const table = c.entity === "param" ? "params" : "tags";
      const owners = eb.selectFrom(table).select(`${table}.run_uuid`).where(`${table}.key`, "=", c.key);
      if (c.comparator === "IS NULL") return eb(runId, "not in", owners);
      if (c.comparator === "IS NOT NULL") return eb(runId, "in", owners);
      return eb(runId, "in", owners.where(valuePredicate(dialect, `${table}.value`, c.comparator, c.value)));
    }
    case "attribute": {
      // MLflow's SQL store matches run names against the mlflow.runName tag (the column is
      // empty for runs written by MLflow 1.29 and earlier).
      if (c.key === "run_name") {
        return eb(
          runId,
          "in",
          eb.selectFrom("tags").select("tags.run_uuid").where("tags.key", "=", SystemTags.RUN_NAME).where(valuePredicate(dialect, "tags.value", c.comparator, c.value)),
        );
      }
      const column = ATTRIBUTE_COLUMNS[c.key];
      if (!column) throw MlflowError.invalidParameter(`Invalid attribute key '${c.key}' specified.`);
      return valuePredicate(dialect, column, c.comparator, c.value);
    }
    case "dataset": {
      const edges = eb
        .selectFrom("inputs")
        .innerJoin("datasets", "datasets.dataset_uuid", "inputs.source_id")
        .select("inputs.destination_id")
        .where("inputs.source_type", "=", "DATASET")
        .where("inputs.destination_type", "=", "RUN");
      if (c.key === "context") {
        return eb(
          runId,
          "in",
          edges
            .innerJoin("input_tags", "input_tags.input_uuid", "inputs.input_uuid")
            .where("input_tags.name", "=", SystemTags.DATASET_CONTEXT)
            .where(valuePredicate(dialect, "input_tags.value", c.comparator, c.value)),
        );
      }
      if (c.key !== "name" && c.key !== "digest") throw MlflowError.invalidParameter(`Invalid dataset key '${c.key}'`);
      return eb(runId, "in", edges.where(valuePredicate(dialect, `datasets.${c.key}`, c.comparator, c.value)));
    }
  }
}

/** A predicate that is never true, for an empty experiment list. */
export const NOTHING = sql<SqlBool>`1 = 0`;
