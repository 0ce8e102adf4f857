import type { RunStatus } from "../../../core/index.js";
import { RUN_STATUSES } from "../../../core/index.js";
import { describeSearchPosition, type SearchEntity, type SearchPositionContext } from "../../../core/search/index.js";

export interface Suggestion {
  /** What the list shows. */
  label: string;
  /** Text that replaces [from, to) of the filter. */
  insert: string;
  detail?: string;
}

export interface SuggestionSet {
  items: Suggestion[];
  from: number;
  to: number;
  /** What the caret is in, so the box can tell completing a word from proposing the next one. */
  context: SearchPositionContext;
}

/** What autocomplete knows about the runs on screen. */
export interface SuggestionSource {
  keys: { params: readonly string[]; metrics: readonly string[]; tags: readonly string[] };
  /** Values seen for a tag or param key, most common first. */
  valuesOf: (entity: "tag" | "param", key: string) => readonly string[];
}

const MAX_ITEMS = 12;
const PREFIXES = ["metrics.", "params.", "tags.", "attributes."] as const;
const ATTRIBUTES: readonly [string, string][] = [
  ["run_name", "text"],
  ["status", "RUNNING, FINISHED, …"],
  ["user_id", "text"],
  ["start_time", "ms since epoch"],
  ["end_time", "ms since epoch"],
  ["run_id", "text, IN (…)"],
  ["artifact_uri", "text"],
];
const NUMERIC_OPS = ["=", "!=", "<", "<=", ">", ">="];
const STRING_OPS = ["=", "!=", "LIKE", "ILIKE"];
const NUMERIC_ATTRIBUTES = new Set(["start_time", "end_time"]);
const ENTITY_GROUP = { metric: "metrics", param: "params", tag: "tags" } as const;

/** A key as it must be written after `prefix.`: bare when the tokenizer reads it as one, else backticked. */
export function writeKey(key: string): string {
  return /^[\p{L}\p{M}\p{N}_]+(\.[\p{L}\p{M}\p{N}_]+)*$/u.test(key) ? key : key.includes("`") ? `"${key}"` : `\`${key}\``;
}

function literal(value: string): string | undefined {
  if (!value.includes("'")) return `'${value}'`;
  return value.includes('"') ? undefined : `"${value}"`;
}

const matches = (candidate: string, typed: string) => candidate.toLowerCase().includes(typed.toLowerCase());
/** Prefix matches first, then substring matches, each in their original order. */
function rank<T>(items: readonly T[], typed: string, text: (t: T) => string): T[] {
  const t = typed.toLowerCase();
  const starts = items.filter((i) => text(i).toLowerCase().startsWith(t));
  const contains = items.filter((i) => !text(i).toLowerCase().startsWith(t) && matches(text(i), typed));
  return [...starts, ...contains].slice(0, MAX_ITEMS);
}

/** Whether `ch` belongs to a word being typed: anything but spaces, parentheses, commas and operators (and the end). */
const isWordChar = (ch: string): boolean => /[^\s(),=<>!]/u.test(ch);

/** Start of the token being typed. */
function tokenStart(text: string, caret: number): number {
  let i = caret;
  while (i > 0 && isWordChar(text.charAt(i - 1))) i--;
  return i;
}

/** Start of the key in the field being typed: just after its prefix's dot (`metrics.|val.lo`). */
function keyStart(text: string, caret: number): number {
  const start = tokenStart(text, caret);
  const dot = text.indexOf(".", start);
  return dot >= 0 && dot < caret ? dot + 1 : caret;
}

function keysOf(entity: SearchEntity | undefined, source: SuggestionSource): readonly string[] {
  return entity === "metric" || entity === "param" || entity === "tag" ? source.keys[ENTITY_GROUP[entity]] : [];
}

/** Autocomplete for the runs filter at `caret`: fields, keys, comparators, values or AND. */
export function suggest(text: string, caret: number, source: SuggestionSource): SuggestionSet {
  const at = describeSearchPosition(text, caret);
  return { ...suggestItems(text, caret, source, at), context: at.context };
}

function suggestItems(text: string, caret: number, source: SuggestionSource, at: ReturnType<typeof describeSearchPosition>): Omit<SuggestionSet, "context"> {
  switch (at.context) {
    case "identifier": {
      const from = tokenStart(text, caret);
      const typed = text.slice(from, caret);
      const prefixItems = PREFIXES.filter((p) => p.startsWith(typed) && p !== typed).map((p) => ({ label: p, insert: p, detail: "prefix" }));
      const keyItems = typed.length === 0 ? [] : (["metric", "param", "tag"] as const).flatMap((entity) =>
        rank(source.keys[ENTITY_GROUP[entity]], typed, (k) => k).map((k) => ({ label: `${ENTITY_GROUP[entity]}.${k}`, insert: `${ENTITY_GROUP[entity]}.${writeKey(k)} `, detail: entity })),
      );
      const attributeItems = rank(ATTRIBUTES, typed, ([a]) => a).map(([a, detail]) => ({ label: a, insert: `${a} `, detail }));
      return { items: [...prefixItems, ...keyItems, ...attributeItems].slice(0, MAX_ITEMS), from, to: caret };
    }
    case "key": {
      const from = keyStart(text, caret);
      if (at.entity === "attribute") {
        return { items: rank(ATTRIBUTES, at.prefix, ([a]) => a).map(([a, detail]) => ({ label: a, insert: `${a} `, detail })), from, to: caret };
      }
      const items = rank(keysOf(at.entity, source), at.prefix, (k) => k).map((k) => ({ label: k, insert: `${writeKey(k)} ` }));
      return { items, from, to: caret };
    }
    case "comparator": {
      const numeric = at.entity === "metric" || (at.entity === "attribute" && NUMERIC_ATTRIBUTES.has(at.key ?? ""));
      const ops = numeric ? NUMERIC_OPS : at.entity === "param" || at.entity === "tag" ? [...STRING_OPS, "IS NULL", "IS NOT NULL"] : STRING_OPS;
      const from = caret - at.prefix.length;
      return { items: ops.filter((op) => op.toLowerCase().startsWith(at.prefix.toLowerCase())).map((op) => ({ label: op, insert: `${op} ` })), from, to: caret };
    }
    case "value": {
      const from = tokenStart(text, caret);
      let values: readonly string[] = [];
      if ((at.entity === "tag" || at.entity === "param") && at.key !== undefined) values = source.valuesOf(at.entity, at.key);
      else if (at.entity === "attribute" && at.key === "status") values = RUN_STATUSES satisfies readonly RunStatus[];
      const items = rank(values, at.prefix, (v) => v).flatMap((v) => {
        const quoted = literal(v);
        return quoted === undefined ? [] : [{ label: v, insert: `${quoted} ` }];
      });
      return { items, from, to: caret };
    }
    case "keyword": {
      const from = caret - at.prefix.length;
      return { items: ["AND"].filter((k) => k.startsWith(at.prefix.toUpperCase())).map((k) => ({ label: k, insert: `${k} ` })), from, to: caret };
    }
  }
}

/**
 * Whether Enter should insert `item` rather than submit the filter, when the user has not moved
 * through the list with the arrows (after ArrowDown/ArrowUp Enter always picks).
 *
 * The rule: Enter completes only a half-typed word. The caret must end a partly typed field, key or
 * value (`met|`, `metrics.lo|`, `tags.team = 'vi|`) and the item must change that word. Suggestions
 * for the next token (a comparator, AND after a finished clause, any list opened on an empty word)
 * never take Enter, so a finished filter such as `metrics.loss < 0.5` is applied in one press even
 * while the list proposes `AND`; nor does an item that only repeats what is already typed.
 */
export function enterCompletes(text: string, set: SuggestionSet, item: Suggestion | undefined): boolean {
  if (item === undefined || set.from >= set.to) return false;
  if (set.context !== "identifier" && set.context !== "key" && set.context !== "value") return false;
  // In the middle of a word the insert would leave the word's tail behind (`metrics.loss ss`).
  if (isWordChar(text.charAt(set.to))) return false;
  return text.slice(set.from, set.to) !== item.insert.trimEnd();
}
