import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from "kysely";
import { MlflowError, SystemTags } from "../../../core/index.js";
import type { Comparison, FilterNode } from "../../../core/search/index.js";
import type { Database } from "../database-schema.js";
import { runKeyedSource, type RunKeyedTable } from "../run-keyed-source.js";
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
  // A correlated EXISTS probes one run's entry once per candidate run of the searched
  // experiments, instead of materialising every matching row of the whole database.
  const keyed = (table: RunKeyedTable, key: string, predicate?: RawBuilder<SqlBool>): RawBuilder<SqlBool> =>
    sql<SqlBool>`EXISTS (SELECT 1 FROM ${runKeyedSource(dialect, table)} WHERE ${sql.ref(`${table}.run_uuid`)} = runs.run_uuid AND ${sql.ref(`${table}.key`)} = ${key}${predicate ? sql` AND ${predicate}` : sql``})`;
  switch (c.entity) {
    case "metric":
      return keyed("latest_metrics", c.key, valuePredicate(dialect, "latest_metrics.value", c.comparator, c.value));
    case "param":
    case "tag": {
      const table = c.entity === "param" ? "params" : "tags";
      if (c.comparator === "IS NULL") return eb.not(keyed(table, c.key));
      if (c.comparator === "IS NOT NULL") return keyed(table, c.key);
      return keyed(table, c.key, valuePredicate(dialect, `${table}.value`, c.comparator, c.value));
    }
    case "attribute": {
      // MLflow's SQL store matches run names against the mlflow.runName tag (the column is
      // empty for runs written by MLflow 1.29 and earlier).
      if (c.key === "run_name") return keyed("tags", SystemTags.RUN_NAME, valuePredicate(dialect, "tags.value", c.comparator, c.value));
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
