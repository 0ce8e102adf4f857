import { sql, type RawBuilder } from "kysely";
import { MlflowError } from "../../../core/index.js";
import type { OrderKey } from "../../../core/search/index.js";

export interface OrderTerm {
  expression: RawBuilder<unknown>;
  direction: "asc" | "desc";
}

const ATTRIBUTE_COLUMNS: Readonly<Record<string, string>> = {
  run_id: "runs.run_uuid",
  run_name: "runs.name",
  status: "runs.status",
  user_id: "runs.user_id",
  artifact_uri: "runs.artifact_uri",
  start_time: "runs.start_time",
  end_time: "runs.end_time",
};

function latestMetric(column: "value" | "is_nan", key: string): RawBuilder<unknown> {
  return sql`(SELECT ${sql.ref(`latest_metrics.${column}`)} FROM latest_metrics WHERE latest_metrics.run_uuid = runs.run_uuid AND latest_metrics.key = ${key})`;
}

/**
 * ORDER BY terms for run search. Missing values sort last in both directions, and for metrics
 * NaN sorts after every number but before missing values (MLflow's SQL store). Ties are broken
 * by start_time DESC (unless ordered on already) and then run_id ASC, as in MLflow.
 */
export function compileRunOrder(keys: readonly OrderKey[]): OrderTerm[] {
  const terms: OrderTerm[] = [];
  for (const key of keys) {
    const direction = key.ascending ? "asc" : "desc";
    switch (key.entity) {
      case "metric":
        // 0 for a number, 1 for NaN, 2 for no value: always ascending.
        terms.push({ expression: sql`COALESCE(${latestMetric("is_nan", key.key)}, 2)`, direction: "asc" });
        terms.push({ expression: latestMetric("value", key.key), direction });
        break;
      case "param":
      case "tag": {
        const table = key.entity === "param" ? "params" : "tags";
        const value = sql`(SELECT ${sql.ref(`${table}.value`)} FROM ${sql.table(table)} WHERE ${sql.ref(`${table}.run_uuid`)} = runs.run_uuid AND ${sql.ref(`${table}.key`)} = ${key.key})`;
        terms.push({ expression: sql`(${value} IS NULL)`, direction: "asc" }, { expression: value, direction });
        break;
      }
      case "attribute": {
        const column = ATTRIBUTE_COLUMNS[key.key];
        if (!column) throw MlflowError.invalidParameter(`Invalid attribute key '${key.key}' specified.`);
        terms.push({ expression: sql`(${sql.ref(column)} IS NULL)`, direction: "asc" }, { expression: sql.ref(column), direction });
        break;
      }
      case "dataset":
        throw MlflowError.invalidParameter("Invalid order_by entity type 'dataset'.");
    }
  }
  if (!keys.some((k) => k.entity === "attribute" && k.key === "start_time")) terms.push({ expression: sql.ref("runs.start_time"), direction: "desc" });
  terms.push({ expression: sql.ref("runs.run_uuid"), direction: "asc" });
  return terms;
}
