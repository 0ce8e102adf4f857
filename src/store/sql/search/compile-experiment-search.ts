import { sql, type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool } from "kysely";
import { MlflowError } from "../../../core/index.js";
import type { FilterNode, OrderKey } from "../../../core/search/index.js";
import type { Database } from "../database-schema.js";
import type { SqlDialectName } from "../sql-executor.js";
import type { OrderTerm } from "./compile-run-order.js";
import { valuePredicate } from "./value-predicate.js";

type ExperimentsBuilder = ExpressionBuilder<Database, "experiments">;

const COLUMNS: Readonly<Record<string, string>> = {
  name: "experiments.name",
  creation_time: "experiments.creation_time",
  last_update_time: "experiments.last_update_time",
  experiment_id: "experiments.experiment_id",
};

/** A parsed experiment filter as a WHERE expression; an experiment without a tag never matches a tag clause. */
export function compileExperimentFilter(eb: ExperimentsBuilder, node: FilterNode, dialect: SqlDialectName): Expression<SqlBool> {
  if (node.type !== "comparison") {
    const children = node.children.map((c) => compileExperimentFilter(eb, c, dialect));
    return node.type === "and" ? eb.and(children) : eb.or(children);
  }
  if (node.entity === "tag") {
    const owners = eb.selectFrom("experiment_tags").select("experiment_tags.experiment_id").where("experiment_tags.key", "=", node.key);
    const id = eb.ref("experiments.experiment_id");
    if (node.comparator === "IS NULL") return eb(id, "not in", owners);
    if (node.comparator === "IS NOT NULL") return eb(id, "in", owners);
    return eb(id, "in", owners.where(valuePredicate(dialect, "experiment_tags.value", node.comparator, node.value)));
  }
  const column = node.entity === "attribute" ? COLUMNS[node.key] : undefined;
  if (!column) throw MlflowError.invalidParameter(`Invalid attribute key '${node.key}' specified.`);
  return valuePredicate(dialect, column, node.comparator, node.value);
}

/** Default `creation_time DESC, experiment_id ASC`; with user keys, `experiment_id DESC` breaks ties (MLflow). */
export function compileExperimentOrder(keys: readonly OrderKey[]): OrderTerm[] {
  if (keys.length === 0) {
    return [
      { expression: sql.ref("experiments.creation_time"), direction: "desc" },
      { expression: sql.ref("experiments.experiment_id"), direction: "asc" },
    ];
  }
  const terms: OrderTerm[] = [];
  for (const key of keys) {
    const column = key.entity === "attribute" ? COLUMNS[key.key] : undefined;
    if (!column) throw MlflowError.invalidParameter(`Invalid order_by key '${key.key}' for experiments.`);
    const ref: RawBuilder<unknown> = sql.ref(column);
    terms.push({ expression: sql`(${ref} IS NULL)`, direction: "asc" }, { expression: ref, direction: key.ascending ? "asc" : "desc" });
  }
  if (!keys.some((k) => k.key === "experiment_id")) terms.push({ expression: sql.ref("experiments.experiment_id"), direction: "desc" });
  return terms;
}
