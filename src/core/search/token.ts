import type { SourceSpan } from "./filter-node.js";

/**
 * Lexical classes, fine-grained enough for syntax highlighting:
 * - `word`: a bare name (prefix, key segment, attribute) or another unquoted word;
 * - `keyword`: AND OR NOT IN IS NULL LIKE ILIKE ASC DESC TRUE FALSE in any letter case, unless
 *   glued to a `.` (then it is a `word`: `tags.in` has the key "in");
 * - `string`: `'…'` or `"…"` (a value, or a key when it follows `prefix.`; `"…"` may also be a whole field);
 * - `backtick`: `` `…` `` (quotes keys and prefixes, never values);
 * - `number`, `operator` (any run of `< > = ! ~`, valid or not), `dot`, `lparen`, `rparen`, `comma`;
 * - `invalid`: a character or sequence the language has no use for (`;`, `--`, `1abc`, …).
 */
export type TokenKind =
  | "word"
  | "keyword"
  | "string"
  | "backtick"
  | "number"
  | "operator"
  | "dot"
  | "lparen"
  | "rparen"
  | "comma"
  | "invalid";

export interface Token {
  readonly kind: TokenKind;
  /** The exact source text of the token. */
  readonly text: string;
  readonly span: SourceSpan;
  /** Quoted tokens: the content between the quotes. Keywords: the upper-cased word. */
  readonly value?: string;
  /** Set when the token cannot be used (unterminated quote, unknown character, …); the parser throws it. */
  readonly problem?: string;
}
