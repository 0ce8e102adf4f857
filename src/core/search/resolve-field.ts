import type { SearchEntity, SourceSpan } from "./filter-node.js";
import type { RawIdentifier } from "./read-identifier.js";
import { SearchSyntaxError } from "./search-syntax-error.js";
import type { FieldSpec, SearchVocabulary } from "./search-vocabulary.js";

/** A field the vocabulary knows, with the rules for its comparators and values. */
export interface ResolvedField {
  readonly entity: SearchEntity;
  readonly key: string;
  readonly spec: FieldSpec;
  readonly span: SourceSpan;
  /** How the user wrote it, for messages. */
  readonly text: string;
}

/** The entity of `[prefix.]key`; no prefix means attribute. Throws for an unknown prefix. */
export function resolveEntity(id: RawIdentifier, vocabulary: SearchVocabulary): SearchEntity {
  if (id.prefix === undefined) return "attribute";
  const { name, span } = id.prefix;
  const entity = vocabulary.prefixes.get(name);
  if (entity !== undefined) return entity;
  const valid = [...vocabulary.prefixes.keys()].map((p) => `'${p}.'`).join(", ");
  const sameIgnoringCase = [...vocabulary.prefixes.keys()].find((p) => p.toLowerCase() === name.toLowerCase());
  const hint =
    vocabulary.prefixHints.get(name) ??
    (sameIgnoringCase !== undefined ? `Prefixes are case-sensitive: write '${sameIgnoringCase}.'.` : `Valid prefixes for ${vocabulary.subject} are ${valid}.`);
  throw new SearchSyntaxError(`Invalid entity type '${name}' in '${id.text}'. ${hint}`, span);
}

/** Resolves a filter field, checking the key against the vocabulary. */
export function resolveFilterField(id: RawIdentifier, vocabulary: SearchVocabulary): ResolvedField {
  const entity = resolveEntity(id, vocabulary);
  const open = vocabulary.openEntities.get(entity);
  if (open !== undefined) return { entity, key: id.key, spec: open, span: id.span, text: id.text };
  const keys = vocabulary.keyedEntities.get(entity);
  const spec = keys?.get(id.key);
  if (spec === undefined) {
    const valid = [...new Set([...(keys?.values() ?? [])].map((s) => s.canonical))].join("', '");
    throw new SearchSyntaxError(`${unknownKeyMessage(entity, id, vocabulary)} Valid keys are '${valid}'.`, id.keySpan);
  }
  return { entity, key: spec.canonical, spec, span: id.span, text: id.text };
}

/** Resolves an order_by field: only the vocabulary's order entities and attribute keys. */
export function resolveOrderField(id: RawIdentifier, vocabulary: SearchVocabulary): { entity: SearchEntity; key: string } {
  const entity = resolveEntity(id, vocabulary);
  if (!vocabulary.orderEntities.has(entity)) {
    const hint = vocabulary.orderEntityHints.get(entity) ?? "";
    throw new SearchSyntaxError(`Invalid order_by entity '${entity}' in '${id.text}'. ${hint}`.trim(), id.prefix?.span ?? id.span);
  }
  if (entity !== "attribute") return { entity, key: id.key };
  const key = vocabulary.orderAttributes.get(id.key);
  if (key !== undefined) return { entity, key };
  const valid = [...vocabulary.orderAttributes.keys()].join("', '");
  const canonical = vocabulary.keyedEntities.get("attribute")?.get(id.key)?.canonical;
  const hint = canonical !== undefined ? ` The alias '${id.key}' is accepted in filters only; write ${canonical}.` : "";
  throw new SearchSyntaxError(`Invalid attribute key '${id.key}' in order_by.${hint} Valid keys are '${valid}'.`, id.keySpan);
}

function unknownKeyMessage(entity: SearchEntity, id: RawIdentifier, vocabulary: SearchVocabulary): string {
  if (entity === "dataset") return `Invalid dataset key '${id.key}'.`;
  const hint = vocabulary.attributeHints.get(id.key);
  if (hint !== undefined) return `Invalid attribute key '${id.key}': it cannot be searched. ${hint}`;
  const prefixes = vocabulary.subject === "runs" ? "metrics., params. or tags." : "tags.";
  const tip = id.prefix === undefined ? ` To search a ${vocabulary.subject === "runs" ? "metric, param or " : ""}tag, add its prefix (${prefixes}).` : "";
  return `Invalid attribute key '${id.key}'.${tip}`;
}
