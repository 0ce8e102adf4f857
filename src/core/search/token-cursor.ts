import type { SourceSpan } from "./filter-node.js";
import { SearchSyntaxError } from "./search-syntax-error.js";
import type { Token } from "./token.js";

/**
 * Forward-only reader over tokens for the recursive-descent parsers. Looking at a token that
 * carries a lexical problem throws it, so errors surface in source order.
 */
export class TokenCursor {
  private index = 0;

  constructor(
    readonly text: string,
    private readonly tokens: readonly Token[],
  ) {}

  peek(ahead = 0): Token | undefined {
    const token = this.tokens[this.index + ahead];
    if (token?.problem !== undefined) throw new SearchSyntaxError(token.problem, token.span);
    return token;
  }

  /** The next token without throwing its problem, for callers that can explain it better. */
  peekRaw(): Token | undefined {
    return this.tokens[this.index];
  }

  /**
   * The next token if it touches `previous` (no whitespace between them). Does not throw a
   * problem token's error: consuming it with `next()` does.
   */
  peekGlued(previous: Token): Token | undefined {
    const token = this.peekRaw();
    return token !== undefined && token.span.start === previous.span.end ? token : undefined;
  }

  next(): Token {
    const token = this.peek();
    if (token === undefined) throw new SearchSyntaxError("Unexpected end of input.", this.endSpan());
    this.index += 1;
    return token;
  }

  /** An empty span at the end of the text: where a missing token was expected. */
  endSpan(): SourceSpan {
    return { start: this.text.length, end: this.text.length };
  }

  source(span: SourceSpan): string {
    return this.text.slice(span.start, span.end);
  }
}

export function isKeyword(token: Token | undefined, ...names: readonly string[]): boolean {
  return token?.kind === "keyword" && names.includes(token.value ?? "");
}

export function spanOf(first: SourceSpan, last: SourceSpan): SourceSpan {
  return { start: first.start, end: last.end };
}
