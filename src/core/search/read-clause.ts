import { buildComparison, type ComparatorUse, type ListItem, type RightHandSide } from "./build-comparison.js";
import type { Comparator, Comparison, SourceSpan } from "./filter-node.js";
import { readIdentifier, type RawIdentifier } from "./read-identifier.js";
import { resolveFilterField } from "./resolve-field.js";
import { SearchSyntaxError } from "./search-syntax-error.js";
import type { SearchVocabulary } from "./search-vocabulary.js";
import type { Token } from "./token.js";
import { isKeyword, spanOf, type TokenCursor } from "./token-cursor.js";

const OPERATORS: ReadonlySet<string> = new Set(["=", "!=", "<", "<=", ">", ">="]);
const OPERATOR_SUGGESTIONS: ReadonlyMap<string, string> = new Map([
  ["==", "="],
  ["<>", "!="],
  ["=<", "<="],
  ["=>", ">="],
  ["=!", "!="],
]);
const COMPARATOR_LIST = "=, !=, <, <=, >, >=, LIKE, ILIKE, IN, NOT IN, IS NULL, IS NOT NULL";

/**
 * Reads one `field comparator value` clause (also `field [NOT] IN (…)` and `field IS [NOT] NULL`)
 * and checks it against the vocabulary. The caller has checked `startsIdentifier(cursor.peek())`.
 */
export function readClause(cursor: TokenCursor, vocabulary: SearchVocabulary): Comparison {
  const id = readIdentifier(cursor);
  const field = resolveFilterField(id, vocabulary);
  const comparator = readComparator(cursor, id);
  return buildComparison(field, comparator, readRightHandSide(cursor, comparator));
}

function readComparator(cursor: TokenCursor, id: RawIdentifier): ComparatorUse {
  const glued = cursor.peekRaw();
  if (glued !== undefined && glued.span.start === id.span.end && glued.kind !== "operator") {
    throw new SearchSyntaxError(
      `'${cursor.text.slice(id.span.start, glued.span.end)}' is not a valid key. Quote keys that contain special characters, e.g. tags.\`my-key\` or tags."my key".`,
      glued.span,
    );
  }
  const token = cursor.peek();
  if (token === undefined) {
    throw new SearchSyntaxError(`Expected a comparator after '${id.text}' (one of ${COMPARATOR_LIST}).`, cursor.endSpan());
  }
  if (token.kind === "operator") {
    cursor.next();
    if (OPERATORS.has(token.text)) return { value: token.text as Comparator, span: token.span };
    const suggestion = OPERATOR_SUGGESTIONS.get(token.text);
    const hint = suggestion !== undefined ? ` Did you mean '${suggestion}'?` : ` Use one of ${COMPARATOR_LIST}.`;
    throw new SearchSyntaxError(`Invalid comparator '${token.text}'.${hint}`, token.span);
  }
  if (isKeyword(token, "LIKE", "ILIKE", "IN")) {
    cursor.next();
    return { value: token.value as Comparator, span: token.span };
  }
  if (isKeyword(token, "NOT")) return readNegated(cursor, token);
  if (isKeyword(token, "IS")) return readIsNull(cursor, token);
  const invalid = token.kind === "word" && /^(rlike|regexp)$/i.test(token.text);
  throw new SearchSyntaxError(
    invalid
      ? `Invalid comparator '${token.text}'. Use one of ${COMPARATOR_LIST}.`
      : `Expected a comparator after '${id.text}' (one of ${COMPARATOR_LIST}), found '${token.text}'.`,
    token.span,
  );
}

function readNegated(cursor: TokenCursor, not: Token): ComparatorUse {
  cursor.next();
  const after = cursor.peek();
  if (isKeyword(after, "IN") && after !== undefined) {
    cursor.next();
    return { value: "NOT IN", span: spanOf(not.span, after.span) };
  }
  if (isKeyword(after, "LIKE", "ILIKE") && after !== undefined) {
    throw new SearchSyntaxError(`Invalid comparator 'NOT ${after.value ?? ""}': negated LIKE is not supported. Use != for an exact mismatch.`, spanOf(not.span, after.span));
  }
  throw new SearchSyntaxError("NOT can only be used as NOT IN (…) or IS NOT NULL.", not.span);
}

function readIsNull(cursor: TokenCursor, is: Token): ComparatorUse {
  cursor.next();
  const negated = isKeyword(cursor.peek(), "NOT");
  const nullToken = cursor.peek(negated ? 1 : 0);
  if (!isKeyword(nullToken, "NULL") || nullToken === undefined) {
    const where = nullToken?.span ?? cursor.endSpan();
    throw new SearchSyntaxError("IS must be followed by NULL or NOT NULL (e.g. tags.x IS NULL). To compare with a value, use =.", where);
  }
  if (negated) cursor.next();
  cursor.next();
  return { value: negated ? "IS NOT NULL" : "IS NULL", span: spanOf(is.span, nullToken.span) };
}

function readRightHandSide(cursor: TokenCursor, comparator: ComparatorUse): RightHandSide {
  const op = comparator.value;
  if (op === "IS NULL" || op === "IS NOT NULL") return { kind: "none", text: "", span: comparator.span };
  const token = cursor.peek();
  if (op === "IN" || op === "NOT IN") {
    if (token?.kind !== "lparen") {
      throw new SearchSyntaxError(`Expected a parenthesised list of quoted strings after ${op}, e.g. ${op} ('a', 'b').`, token?.span ?? cursor.endSpan());
    }
    return readList(cursor);
  }
  if (token === undefined) throw new SearchSyntaxError(`Expected a value after '${op}'.`, cursor.endSpan());
  if (token.kind === "lparen") {
    throw new SearchSyntaxError(`A parenthesised list can only follow IN or NOT IN, not '${op}'.`, token.span);
  }
  if (token.kind === "word" || token.kind === "backtick") {
    const start = cursor.next();
    const glued = cursor.peekGlued(start);
    if (glued?.kind !== "dot") return { kind: start.kind === "word" ? "word" : "backtick", text: start.text, span: start.span };
    const rest = readRestOfField(cursor, start);
    return { kind: "field", text: cursor.source(rest), span: rest };
  }
  if (isKeyword(token, "TRUE", "FALSE", "NULL")) {
    cursor.next();
    return { kind: "keyword", text: token.text, span: token.span };
  }
  if (token.kind === "number") {
    cursor.next();
    return { kind: "number", value: Number(token.text), text: token.text, span: token.span };
  }
  if (token.kind === "string") {
    cursor.next();
    return { kind: "string", value: token.value ?? "", text: token.text, span: token.span };
  }
  throw new SearchSyntaxError(`Expected a value after '${op}', found '${token.text}'.`, token.span);
}

/** Consumes the glued `.key…` tail of a field used as a value, only to report it whole. */
function readRestOfField(cursor: TokenCursor, start: Token): SourceSpan {
  const partOfField = (t: Token | undefined): boolean => t !== undefined && ["dot", "word", "backtick", "string"].includes(t.kind);
  let last = start;
  while (partOfField(cursor.peekGlued(last))) last = cursor.next();
  return spanOf(start.span, last.span);
}

/**
 * `( 'a' [, 'b']… [,] )`: a non-empty list of quoted strings, read like MLflow's Python tuple
 * (single or double quotes, optional trailing comma).
 */
function readList(cursor: TokenCursor): RightHandSide {
  const open = cursor.next();
  const items: ListItem[] = [];
  for (;;) {
    const token = cursor.peek();
    if (token === undefined) throw new SearchSyntaxError("This '(' is never closed: expected ')' after the list.", open.span);
    if (token.kind === "rparen" && items.length > 0) {
      cursor.next();
      const span = spanOf(open.span, token.span);
      return { kind: "list", items, text: cursor.source(span), span };
    }
    if (token.kind === "rparen") {
      throw new SearchSyntaxError("Expected a non-empty list of quoted strings, e.g. ('a', 'b'); found an empty list.", spanOf(open.span, token.span));
    }
    if (token.kind !== "string") {
      const example = token.kind === "number" ? ` Quote it: '${token.text}'.` : "";
      throw new SearchSyntaxError(`List items must be quoted strings; found '${token.text}'.${example}`, token.span);
    }
    cursor.next();
    items.push({ value: token.value ?? "", span: token.span });
    const separator = cursor.peek();
    if (separator?.kind === "comma") cursor.next();
    else if (separator !== undefined && separator.kind !== "rparen") {
      throw new SearchSyntaxError(`Expected ',' or ')' after the list item ${token.text}, found '${separator.text}'.`, separator.span);
    }
  }
}
