import type { SourceSpan } from "./filter-node.js";
import { SearchSyntaxError } from "./search-syntax-error.js";
import type { Token } from "./token.js";
import { spanOf, type TokenCursor } from "./token-cursor.js";

/** A field as written, before the vocabulary gives it meaning. */
export interface RawIdentifier {
  /** The part before the first dot, backticks removed; absent for bare attribute keys. */
  readonly prefix?: { readonly name: string; readonly span: SourceSpan };
  /** The key with one layer of quotes removed (then one more layer of backticks, as MLflow does). */
  readonly key: string;
  readonly keySpan: SourceSpan;
  readonly span: SourceSpan;
  /** The identifier's source text, for messages. */
  readonly text: string;
}

/** Whether a token can start a field: a bare word, a backticked name or a double-quoted name. */
export function startsIdentifier(token: Token | undefined): boolean {
  return token !== undefined && (token.kind === "word" || token.kind === "backtick" || (token.kind === "string" && token.text.startsWith('"')));
}

const isQuoted = (token: Token): boolean => token.kind === "backtick" || token.kind === "string";

/**
 * Reads `[prefix.]key` from glued tokens (MLflow splits the identifier at its first dot):
 * `tags.mlflow.runName` → prefix "tags", key "mlflow.runName"; `metrics."f1 score"`,
 * `` metrics.`f1 score` `` and `tags.'env'` quote the key; `` `metrics`.x `` quotes the prefix.
 * The caller has checked `startsIdentifier(cursor.peek())`. With `orderBy`, MLflow's order_by
 * leniency applies: a double-quoted prefix (`"metrics".a`) and a wholly quoted field
 * (`` `metrics.f1 score` ``) are accepted, because MLflow shell-splits order_by items.
 */
export function readIdentifier(cursor: TokenCursor, { orderBy = false } = {}): RawIdentifier {
  const first = cursor.next();
  const dot = cursor.peekGlued(first);
  if (dot?.kind !== "dot") {
    const spaced = cursor.peekRaw();
    if (spaced?.kind === "dot") throw new SearchSyntaxError(`Remove the space before '.': write ${first.text}.key without spaces.`, spaced.span);
    const key = unquoteKey(first);
    const split = key.indexOf(".");
    // order_by items are shell-split after sqlparse (quotes removed), so a wholly quoted
    // `metrics.a b` still has a prefix there; an attribute name never contains a dot.
    if (orderBy && split >= 0 && first.kind !== "word") {
      const prefix = { name: key.slice(0, split), span: first.span };
      return { prefix, key: key.slice(split + 1), keySpan: first.span, span: first.span, text: first.text };
    }
    return { key, keySpan: first.span, span: first.span, text: first.text };
  }
  if (first.kind === "string" && !orderBy) {
    throw new SearchSyntaxError(`A prefix cannot be in double quotes: write ${first.value ?? ""}.… or \`${first.value ?? ""}\`.… instead.`, first.span);
  }
  cursor.next();
  const prefix = { name: first.kind === "word" ? first.text : (first.value ?? ""), span: first.span };
  const keyStart = cursor.peekGlued(dot);
  if (keyStart === undefined || !(keyStart.kind === "word" || isQuoted(keyStart))) {
    const where = keyStart?.span ?? { start: dot.span.end, end: dot.span.end };
    throw new SearchSyntaxError(`Expected a key right after '${first.text}.' (without spaces), e.g. ${first.text}.my_key.`, where);
  }
  let last = cursor.next();
  if (isQuoted(keyStart)) {
    const after = cursor.peekGlued(last);
    if (after !== undefined && (after.kind === "dot" || after.kind === "word" || isQuoted(after))) {
      throw new SearchSyntaxError(
        `A quoted key must be the whole key: quote all of it, e.g. ${first.text}.\`a.b\` rather than ${first.text}.\`a\`.b.`,
        spanOf(keyStart.span, after.span),
      );
    }
  } else {
    for (let sep = cursor.peekGlued(last); sep?.kind === "dot"; sep = cursor.peekGlued(last)) {
      cursor.next();
      const segment = cursor.peekGlued(sep);
      if (segment?.kind !== "word") {
        const bad = segment !== undefined && isQuoted(segment);
        throw new SearchSyntaxError(
          bad
            ? `A quoted key must be the whole key: quote all of it, e.g. ${first.text}.\`a.b\` rather than ${first.text}.a.\`b\`.`
            : `A key cannot end with '.'. Quote keys with unusual characters, e.g. ${first.text}.\`my key.\`.`,
          bad ? segment.span : sep.span,
        );
      }
      last = cursor.next();
    }
  }
  const keySpan = spanOf(keyStart.span, last.span);
  const key = isQuoted(keyStart) ? unquoteKey(keyStart) : cursor.source(keySpan);
  const span = spanOf(first.span, last.span);
  return { prefix, key, keySpan, span, text: cursor.source(span) };
}

/** MLflow's `_trim_backticks(_strip_quotes(key))`: one layer of quotes, then one of backticks. */
function unquoteKey(token: Token): string {
  const inner = isQuoted(token) ? (token.value ?? "") : token.text;
  return inner.length >= 2 && inner.startsWith("`") && inner.endsWith("`") ? inner.slice(1, -1) : inner;
}
