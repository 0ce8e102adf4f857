import type { SearchEntity } from "./filter-node.js";
import { startsIdentifier } from "./read-identifier.js";
import { RUN_VOCABULARY } from "./search-vocabulary.js";
import type { Token } from "./token.js";
import { tokenize } from "./tokenize.js";

export type SearchPositionContext = "identifier" | "key" | "comparator" | "value" | "keyword";

export interface SearchPositionDescription {
  /**
   * What belongs at the offset: a field (`identifier`), the key after a prefix (`key`), a
   * comparator, a value, or a connecting keyword (AND / OR / NULL / …).
   */
  context: SearchPositionContext;
  /** The clause's entity, when known (for `key`, `comparator` and `value`). */
  entity?: SearchEntity;
  /** The clause's key, canonical for known attributes (for `comparator` and `value`). */
  key?: string;
  /** What has been typed of the current item up to the offset (an opening quote is left out). */
  prefix: string;
}

type State = "field" | "comparator" | "value" | "list-open" | "list-item" | "list-next" | "is" | "connector";

/**
 * Best-effort autocomplete help for the search box of the runs page: says what kind of token is
 * expected at `offset` in `text`, looking only at the text before the offset. It never throws and
 * does not validate; `parseRunFilter` reports errors. Run prefixes are assumed.
 *
 * @example describeSearchPosition("metrics.ac", 10) // { context: "key", entity: "metric", prefix: "ac" }
 */
export function describeSearchPosition(text: string, offset: number): SearchPositionDescription {
  const at = Math.max(0, Math.min(text.length, Math.trunc(offset)));
  const tokens = tokenize(text.slice(0, at));
  const last = tokens.at(-1);
  const typing = last !== undefined && last.span.end === at && isOpen(last) ? last : undefined;
  const done = typing === undefined ? tokens : tokens.slice(0, -1);

  let state: State = "field";
  let field: Token[] = [];
  let fieldOpen = false;
  for (const token of done) {
    const tail = field.at(-1);
    if (fieldOpen && tail !== undefined && tail.span.end === token.span.start && isFieldPart(token)) {
      field.push(token);
      continue;
    }
    if (fieldOpen) {
      fieldOpen = false;
      state = "comparator";
    }
    state = step(state, token);
    if (state === "field" && startsIdentifier(token)) {
      field = [token];
      fieldOpen = true;
    }
  }

  if (fieldOpen) {
    const tail = field.at(-1);
    if (typing !== undefined && tail !== undefined && tail.span.end === typing.span.start) return describeField([...field, typing]);
    state = "comparator";
  } else if (state === "field") {
    return describeField(typing === undefined ? [] : [typing]);
  }
  const { entity, key } = resolve(field);
  const prefix = typing === undefined ? "" : stripQuote(typing.text);
  switch (state) {
    case "comparator":
      return { context: "comparator", ...known(entity, key), prefix };
    case "value":
    case "list-open":
    case "list-item":
    case "list-next":
      return { context: "value", ...known(entity, key), prefix };
    case "is":
    case "connector":
      return { context: "keyword", prefix };
  }
}

/** Leaves unknown parts out rather than setting them to undefined. */
function known(entity: SearchEntity | undefined, key: string | undefined): { entity?: SearchEntity; key?: string } {
  return { ...(entity !== undefined && { entity }), ...(key !== undefined && { key }) };
}

function step(state: State, token: Token): State {
  const keyword = token.kind === "keyword" ? token.value : undefined;
  switch (state) {
    case "field":
      return state;
    case "comparator":
      if (token.kind === "operator" || keyword === "LIKE" || keyword === "ILIKE") return "value";
      if (keyword === "IN") return "list-open";
      if (keyword === "IS") return "is";
      return keyword === "NOT" ? "comparator" : "connector";
    case "value":
      return token.kind === "lparen" ? "list-item" : "connector";
    case "list-open":
      return token.kind === "lparen" ? "list-item" : "connector";
    case "list-item":
    case "list-next":
      if (token.kind === "rparen") return "connector";
      return token.kind === "comma" ? "list-item" : "list-next";
    case "is":
      return keyword === "NULL" ? "connector" : "is";
    case "connector":
      return keyword === "AND" || keyword === "OR" ? "field" : "connector";
  }
}

/** A field being typed: `metrics.ac` → key of metric; `met` → identifier. */
function describeField(parts: readonly Token[]): SearchPositionDescription {
  const typed = parts.map((t) => t.text).join("");
  const first = parts[0];
  const dot = parts.find((t) => t.kind === "dot");
  if (dot === undefined || first === undefined) return { context: "identifier", prefix: stripQuote(typed) };
  const entity = RUN_VOCABULARY.prefixes.get(first.value ?? first.text);
  return { context: "key", ...known(entity, undefined), prefix: stripQuote(typed.slice(dot.span.end - first.span.start)) };
}

function resolve(field: readonly Token[]): { entity?: SearchEntity; key?: string } {
  const dot = field.findIndex((t) => t.kind === "dot");
  const first = field[0];
  if (first === undefined) return {};
  const unquote = (t: Token): string => t.value ?? t.text;
  if (dot < 0) {
    const key = unquote(first);
    return { entity: "attribute", key: RUN_VOCABULARY.keyedEntities.get("attribute")?.get(key)?.canonical ?? key };
  }
  const entity = RUN_VOCABULARY.prefixes.get(unquote(first));
  const rest = field.slice(dot + 1);
  const key = rest.length === 1 && rest[0] !== undefined ? unquote(rest[0]) : rest.map((t) => t.text).join("");
  if (entity === "attribute") return { entity, key: RUN_VOCABULARY.keyedEntities.get("attribute")?.get(key)?.canonical ?? key };
  return entity === undefined ? {} : { entity, key };
}

/** Tokens the user may still be in the middle of typing. */
function isOpen(token: Token): boolean {
  if (token.kind === "string" || token.kind === "backtick") return token.problem !== undefined;
  return ["word", "keyword", "number", "operator", "dot", "invalid"].includes(token.kind);
}

function isFieldPart(token: Token): boolean {
  return ["word", "dot", "backtick", "string"].includes(token.kind);
}

function stripQuote(text: string): string {
  return /^['"`]/.test(text) ? text.slice(1) : text;
}
