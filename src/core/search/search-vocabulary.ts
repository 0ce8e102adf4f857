import type { Comparator, SearchEntity } from "./filter-node.js";

/**
 * What a search may refer to, as data: prefixes, keys, aliases and the comparators each kind of
 * field takes (search-syntax.md §3, §4, §5.4, §7, §8). The parsers are generic over it.
 */
export interface FieldSpec {
  readonly type: "number" | "string";
  readonly comparators: readonly Comparator[];
  /**
   * IN lists follow MLflow's run_id/dataset rules (SU `_parse_run_ids`): backslashes are refused
   * (MLflow reads the list as a Python literal, where `\` starts an escape), and items that are
   * not entirely lower case (Python `str.islower()`) are dropped, as MLflow drops them.
   */
  readonly mlflowList?: boolean;
  /** Why IN / NOT IN is refused, when that deserves more than the generic message. */
  readonly listHint?: string;
}

export interface KeyedFieldSpec extends FieldSpec {
  /** The key the AST carries (`created` → `start_time`, `Run name` → `run_name`). */
  readonly canonical: string;
}

export interface SearchVocabulary {
  /** "runs" or "experiments", for messages. */
  readonly subject: string;
  /** Prefix (without the dot) → entity. Case-sensitive, as in MLflow. */
  readonly prefixes: ReadonlyMap<string, SearchEntity>;
  /** Extra explanation for prefixes that are refused on purpose. */
  readonly prefixHints: ReadonlyMap<string, string>;
  /** Entities whose keys are free-form (metrics, params, tags). */
  readonly openEntities: ReadonlyMap<SearchEntity, FieldSpec>;
  /** Entities with a fixed key set (attributes, datasets). */
  readonly keyedEntities: ReadonlyMap<SearchEntity, ReadonlyMap<string, KeyedFieldSpec>>;
  /** Hints for attribute keys people try that do not exist or cannot be searched. */
  readonly attributeHints: ReadonlyMap<string, string>;
  /** Entities allowed in order_by, with a reason for those that are not. */
  readonly orderEntities: ReadonlySet<SearchEntity>;
  readonly orderEntityHints: ReadonlyMap<SearchEntity, string>;
  /** order_by attribute key → canonical key. */
  readonly orderAttributes: ReadonlyMap<string, string>;
}

const NUMERIC: readonly Comparator[] = ["=", "!=", "<", "<=", ">", ">="];
const STRING: readonly Comparator[] = ["=", "!=", "LIKE", "ILIKE"];
const LISTS: readonly Comparator[] = ["IN", "NOT IN"];
const NULLS: readonly Comparator[] = ["IS NULL", "IS NOT NULL"];

const numberField: FieldSpec = { type: "number", comparators: NUMERIC };
const runStringField: FieldSpec = {
  type: "string",
  comparators: STRING,
  listHint: "Only the 'run_id' attribute supports comparison with a list of quoted string values.",
};
const experimentStringField: FieldSpec = {
  type: "string",
  comparators: STRING,
  listHint: "Experiment attributes do not take lists; combine clauses with OR instead.",
};
/** Params and tags: MLflow's string comparators, IS [NOT] NULL (recent MLflow) and IN lists (extension). */
const keyValueField: FieldSpec = { type: "string", comparators: [...STRING, ...LISTS, ...NULLS] };
const mlflowListField: FieldSpec = { type: "string", comparators: [...STRING, ...LISTS], mlflowList: true };

function keyed(rows: readonly (readonly [names: readonly string[], spec: FieldSpec])[]): Map<string, KeyedFieldSpec> {
  const map = new Map<string, KeyedFieldSpec>();
  for (const [names, spec] of rows) {
    const [canonical = ""] = names;
    for (const name of names) map.set(name, { ...spec, canonical });
  }
  return map;
}

function prefixMap(rows: readonly (readonly [SearchEntity, readonly string[]])[]): Map<string, SearchEntity> {
  return new Map(rows.flatMap(([entity, names]) => names.map((name) => [name, entity] as const)));
}

const RUN_ATTRIBUTES = keyed([
  [["run_id"], mlflowListField],
  [["run_name", "run name", "Run name", "Run Name"], runStringField],
  [["status"], runStringField],
  [["user_id"], runStringField],
  [["artifact_uri"], runStringField],
  [["start_time", "created", "Created"], numberField],
  [["end_time"], numberField],
]);

export const RUN_VOCABULARY: SearchVocabulary = {
  subject: "runs",
  prefixes: prefixMap([
    ["metric", ["metrics", "metric"]],
    ["param", ["params", "param", "parameters", "parameter"]],
    ["tag", ["tags", "tag"]],
    ["attribute", ["attributes", "attribute", "attr", "run"]],
    ["dataset", ["datasets", "dataset"]],
  ]),
  prefixHints: new Map(),
  openEntities: new Map([
    ["metric", numberField],
    ["param", keyValueField],
    ["tag", keyValueField],
  ]),
  keyedEntities: new Map([
    ["attribute", RUN_ATTRIBUTES],
    ["dataset", keyed([[["name"], mlflowListField], [["digest"], mlflowListField], [["context"], mlflowListField]])],
  ]),
  attributeHints: new Map([
    ["lifecycle_stage", "Use the run_view_type parameter (ACTIVE_ONLY, DELETED_ONLY, ALL) to select active or deleted runs."],
    ["experiment_id", "Runs are searched within the experiment_ids of the request."],
    ["run_uuid", "Did you mean run_id?"],
    ["name", "Did you mean run_name?"],
    ["start", "Did you mean start_time?"],
    ["time", "Did you mean start_time?"],
    ["_status", "Did you mean status?"],
    ["duration", "Runs have no duration attribute; compare start_time and end_time instead."],
  ]),
  orderEntities: new Set(["metric", "param", "tag", "attribute"]),
  orderEntityHints: new Map([["dataset", "Datasets cannot be used in order_by."]]),
  orderAttributes: new Map([
    ...["run_id", "run_name", "status", "user_id", "artifact_uri", "start_time", "end_time"].map((k) => [k, k] as const),
    ["created", "start_time"],
    ["Created", "start_time"],
  ]),
};

const EXPERIMENT_ONLY_PREFIXES = "Experiments have no metrics, params, datasets or run attributes: use 'attribute.' (or no prefix) or 'tags.'.";

export const EXPERIMENT_VOCABULARY: SearchVocabulary = {
  subject: "experiments",
  prefixes: prefixMap([
    ["attribute", ["attribute"]],
    ["tag", ["tags", "tag"]],
  ]),
  prefixHints: new Map([
    ["attributes", "For experiments MLflow accepts only 'attribute.' (singular) or no prefix, e.g. attribute.name or name."],
    ...["metrics", "metric", "params", "param", "parameters", "parameter", "datasets", "dataset", "attr", "run"].map(
      (p) => [p, EXPERIMENT_ONLY_PREFIXES] as const,
    ),
  ]),
  openEntities: new Map([["tag", keyValueField]]),
  keyedEntities: new Map([
    ["attribute", keyed([[["name"], experimentStringField], [["creation_time"], numberField], [["last_update_time"], numberField]])],
  ]),
  attributeHints: new Map([
    ["lifecycle_stage", "Use the view_type parameter (ACTIVE_ONLY, DELETED_ONLY, ALL) to select active or deleted experiments."],
    ["experiment_id", "experiment_id can be used in order_by, not in filters."],
  ]),
  orderEntities: new Set(["attribute"]),
  orderEntityHints: new Map([["tag", "Experiments can be ordered only by name, experiment_id, creation_time or last_update_time."]]),
  orderAttributes: new Map(["name", "experiment_id", "creation_time", "last_update_time"].map((k) => [k, k] as const)),
};
