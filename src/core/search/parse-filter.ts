import type { FilterNode } from "./filter-node.js";
import { readClause } from "./read-clause.js";
import { startsIdentifier } from "./read-identifier.js";
import { SearchSyntaxError } from "./search-syntax-error.js";
import { EXPERIMENT_VOCABULARY, RUN_VOCABULARY, type SearchVocabulary } from "./search-vocabulary.js";
import type { Token } from "./token.js";
import { isKeyword, spanOf, TokenCursor } from "./token-cursor.js";
import { tokenize } from "./tokenize.js";

/** Deeper nesting is refused so hostile input cannot exhaust the stack. */
const MAX_DEPTH = 50;

/**
 * Parses a `search_runs` filter_string (search-syntax.md §1–§6). Returns undefined when there is
 * nothing to filter on: empty, whitespace-only (MLflow rejects that one; Tracklet treats it as
 * empty) or only `AND`s (MLflow's quirk). Everything MLflow accepts means the same here; the
 * extensions (`OR`, parentheses, `IN`/`NOT IN` and `IS [NOT] NULL` on tags and params) are
 * documented in README.md. Throws `SearchSyntaxError` with the offending span otherwise.
 *
 * @example parseRunFilter("metrics.acc > 0.9 AND params.model = 'cnn'")
 */
export function parseRunFilter(text: string | undefined): FilterNode | undefined {
  return parseFilter(text, RUN_VOCABULARY);
}

/**
 * Parses a `search_experiments` filter_string (search-syntax.md §8): `name` (=, !=, LIKE, ILIKE),
 * `creation_time` and `last_update_time` (numeric comparators), with no prefix or `attribute.`,
 * and `tag.`/`tags.` keys. The same extensions as for runs apply to tags.
 */
export function parseExperimentFilter(text: string | undefined): FilterNode | undefined {
  return parseFilter(text, EXPERIMENT_VOCABULARY);
}

function parseFilter(text: string | undefined, vocabulary: SearchVocabulary): FilterNode | undefined {
  if (text === undefined || text.trim() === "") return undefined;
  return new FilterParser(new TokenCursor(text, tokenize(text)), vocabulary).parse();
}

/**
 * or    := and ( OR and )*
 * and   := AND* primary ( AND+ primary )* AND*     (stray ANDs: MLflow's leniency, §5.6)
 * primary := '(' or ')' | clause
 */
class FilterParser {
  /** The first AND without a clause on one side; fine in MLflow syntax, an error next to OR / ( ). */
  private strayAnd: Token | undefined;
  private usesExtensions = false;
  private depth = 0;

  constructor(
    private readonly cursor: TokenCursor,
    private readonly vocabulary: SearchVocabulary,
  ) {}

  parse(): FilterNode | undefined {
    const node = this.parseOr();
    const rest = this.cursor.peek();
    if (rest !== undefined) throw new SearchSyntaxError("Unmatched ')': there is no '(' before it.", rest.span);
    if (this.usesExtensions && this.strayAnd !== undefined) {
      throw new SearchSyntaxError("This AND has no clause on one side of it. Remove it or add the missing clause.", this.strayAnd.span);
    }
    return node;
  }

  private parseOr(): FilterNode | undefined {
    const first = this.parseAnd();
    const children = first === undefined ? [] : [first];
    while (isKeyword(this.cursor.peek(), "OR")) {
      const or = this.cursor.next();
      this.usesExtensions = true;
      if (children.length === 0) throw new SearchSyntaxError("Expected a clause before OR.", or.span);
      const next = this.parseAnd();
      if (next === undefined) throw new SearchSyntaxError("Expected a clause after OR.", this.cursor.peek()?.span ?? this.cursor.endSpan());
      children.push(next);
    }
    return combine("or", children);
  }

  private parseAnd(): FilterNode | undefined {
    const children: FilterNode[] = [];
    let pendingAnd: Token | undefined;
    for (let token = this.cursor.peek(); token !== undefined; token = this.cursor.peek()) {
      if (token.kind === "rparen" || isKeyword(token, "OR")) break;
      if (isKeyword(token, "AND")) {
        if (children.length === 0 || pendingAnd !== undefined) this.strayAnd ??= token;
        pendingAnd = token;
        this.cursor.next();
        continue;
      }
      const previous = children.at(-1);
      if (previous !== undefined && pendingAnd === undefined) {
        const clause = this.cursor.source(previous.span);
        throw new SearchSyntaxError(`Expected AND or OR after '${clause}', found '${token.text}'.`, token.span);
      }
      children.push(this.parsePrimary(token));
      pendingAnd = undefined;
    }
    if (pendingAnd !== undefined && children.length > 0) this.strayAnd ??= pendingAnd;
    return combine("and", children);
  }

  private parsePrimary(token: Token): FilterNode {
    if (token.kind === "lparen") return this.parseGroup(token);
    if (startsIdentifier(token)) return readClause(this.cursor, this.vocabulary);
    if (isKeyword(token, "NOT")) {
      throw new SearchSyntaxError("NOT cannot negate a clause; it is only used in NOT IN (…) and IS NOT NULL. Use != or NOT IN instead.", token.span);
    }
    if (token.kind === "number" || token.kind === "string") {
      throw new SearchSyntaxError(
        `A clause must start with a field such as metrics.acc, params.lr or status; found the value ${token.text}. Put the field on the left.`,
        token.span,
      );
    }
    throw new SearchSyntaxError(`Expected a clause (for example metrics.acc > 0.9), found '${token.text}'.`, token.span);
  }

  private parseGroup(open: Token): FilterNode {
    this.usesExtensions = true;
    if (++this.depth > MAX_DEPTH) throw new SearchSyntaxError(`Parentheses are nested more than ${MAX_DEPTH} levels deep.`, open.span);
    this.cursor.next();
    const inner = this.parseOr();
    const close = this.cursor.peek();
    if (close === undefined) throw new SearchSyntaxError("This '(' is never closed: add a matching ')'.", open.span);
    if (inner === undefined) throw new SearchSyntaxError("Expected a clause inside the parentheses.", close.span);
    this.cursor.next();
    this.depth -= 1;
    return inner;
  }
}

function combine(type: "and" | "or", children: readonly FilterNode[]): FilterNode | undefined {
  const [first] = children;
  const last = children.at(-1);
  if (first === undefined || last === undefined || children.length === 1) return first;
  return { type, children, span: spanOf(first.span, last.span) };
}
