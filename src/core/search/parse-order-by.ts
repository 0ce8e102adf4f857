import type { SourceSpan } from "./filter-node.js";
import type { OrderKey } from "./order-key.js";
import { readIdentifier, startsIdentifier } from "./read-identifier.js";
import { resolveOrderField } from "./resolve-field.js";
import { SearchSyntaxError } from "./search-syntax-error.js";
import { EXPERIMENT_VOCABULARY, RUN_VOCABULARY, type SearchVocabulary } from "./search-vocabulary.js";
import { isKeyword, TokenCursor } from "./token-cursor.js";
import { tokenize } from "./tokenize.js";

/**
 * Parses `search_runs` order_by items, each `field [ASC|DESC]` (search-syntax.md §7.1):
 * `metrics.*`, `params.*`, `tags.*` and the attributes run_id, run_name, status, user_id,
 * artifact_uri, start_time (alias created / Created), end_time. Error positions are offsets
 * into the offending item, and the message quotes the item. A repeated field is an error (MLflow's
 * SQL store fails it with a 500; Tracklet reports it as INVALID_PARAMETER_VALUE).
 *
 * @example parseRunOrderBy(["metrics.`f1 score` DESC", "start_time"])
 */
export function parseRunOrderBy(items: readonly string[]): OrderKey[] {
  return parseOrderBy(items, RUN_VOCABULARY);
}

/**
 * Parses `search_experiments` order_by items (search-syntax.md §8): name, experiment_id,
 * creation_time, last_update_time, with no prefix or `attribute.`, optionally ASC / DESC.
 */
export function parseExperimentOrderBy(items: readonly string[]): OrderKey[] {
  return parseOrderBy(items, EXPERIMENT_VOCABULARY);
}

function parseOrderBy(items: readonly string[], vocabulary: SearchVocabulary): OrderKey[] {
  const seen = new Map<string, string>();
  return items.map((item) => {
    const { key, span } = parseItem(item, vocabulary);
    const identity = `${key.entity}\u0000${key.key}`;
    const earlier = seen.get(identity);
    if (earlier !== undefined) {
      throw new SearchSyntaxError(`order_by contains duplicate fields: '${item}' repeats '${earlier}'. List each field once.`, span);
    }
    seen.set(identity, item);
    return key;
  });
}

function parseItem(item: string, vocabulary: SearchVocabulary): { key: OrderKey; span: SourceSpan } {
  const invalid = (reason: string, span: SourceSpan): SearchSyntaxError => new SearchSyntaxError(`Invalid order_by clause '${item}': ${reason}`, span);
  if (item === "") throw invalid("it is empty. Expected a field, optionally followed by ASC or DESC.", { start: 0, end: 0 });
  const leading = /^\s+/u.exec(item)?.[0].length ?? 0;
  if (leading > 0) throw invalid("remove the leading whitespace.", { start: 0, end: leading });
  const trailing = /\s+$/u.exec(item)?.[0].length ?? 0;
  if (trailing > 0) throw invalid("remove the trailing whitespace.", { start: item.length - trailing, end: item.length });

  const cursor = new TokenCursor(item, tokenize(item));
  const first = cursor.peek();
  if (!startsIdentifier(first)) throw invalid("expected a field such as metrics.acc or start_time.", first?.span ?? cursor.endSpan());
  const id = readIdentifier(cursor, { orderBy: true });
  const glued = cursor.peekRaw();
  if (glued !== undefined && glued.span.start === id.span.end) {
    throw invalid(`'${item.slice(id.span.start, glued.span.end)}' is not a valid key. Quote keys with special characters, e.g. metrics.\`f1-score\`.`, glued.span);
  }
  // The direction is checked before the field, as MLflow does.
  let ascending = true;
  const direction = cursor.peek();
  if (isKeyword(direction, "ASC", "DESC")) {
    ascending = direction?.value === "ASC";
    cursor.next();
  } else if (direction !== undefined && (direction.kind === "word" || direction.kind === "keyword")) {
    throw new SearchSyntaxError(
      `Invalid ordering key '${direction.text}' in order_by clause '${item}': use ASC or DESC. If '${direction.text}' is part of the key, quote the key: \`${item}\`.`,
      direction.span,
    );
  }
  const extra = cursor.peek();
  if (extra !== undefined) throw invalid(`unexpected '${extra.text}'. Expected a field, optionally followed by ASC or DESC.`, extra.span);
  const field = resolveOrderField(id, vocabulary);
  return { key: { entity: field.entity, key: field.key, ascending }, span: id.span };
}
