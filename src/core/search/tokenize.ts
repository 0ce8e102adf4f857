import type { SourceSpan } from "./filter-node.js";
import type { Token, TokenKind } from "./token.js";

const KEYWORDS = new Set(["AND", "OR", "NOT", "IN", "IS", "NULL", "LIKE", "ILIKE", "ASC", "DESC", "TRUE", "FALSE"]);

const WHITESPACE = /\s+/uy;
/** A bare word: a letter or `_`, then letters, marks, digits or `_` (Python's `\w`, roughly). */
const WORD = /[\p{L}_][\p{L}\p{M}\p{N}_]*/uy;
/** A key segment right after `prefix.` may also start with a digit (`tags.v.2`). */
const KEY_SEGMENT = /[\p{L}\p{M}\p{N}_]+/uy;
/** sqlparse's integer/float forms: `1`, `-12.0`, `1.`, `.5`, `-.5`, `1e-3`, `1.5E3`. */
const NUMBER = /-?(?:\d+(?:\.\d+)?[eE]-?\d+|\d+\.\d*|\.\d+|\d+)/y;
/** Whatever is glued to a number and makes it malformed (`1abc`, `1.2.3`, `0x1F`). */
const NUMBER_TAIL = /[\p{L}\p{M}\p{N}_.]+/uy;
const OPERATOR = /[<>=!~]+/y;

/** Kinds after which a glued `.` separates a prefix or key segment rather than starting `.5`. */
const NAME_KINDS: ReadonlySet<TokenKind> = new Set(["word", "backtick", "string"]);

/**
 * Splits a filter or order_by string into tokens. Never throws: lexical mistakes become tokens
 * with a `problem`, so a highlighter can colour everything while the user types. Whitespace is
 * skipped; spans let callers see what touches what (`metrics.x` is word, dot, word without gaps).
 */
export function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;

  const match = (re: RegExp, at = i): string | undefined => {
    re.lastIndex = at;
    return re.exec(text)?.[0];
  };
  const push = (kind: TokenKind, length: number, extra?: { value?: string; problem?: string }): void => {
    const span: SourceSpan = { start: i, end: i + length };
    const token: Token = { kind, text: text.slice(span.start, span.end), span };
    tokens.push(extra === undefined ? token : { ...token, ...extra });
    i = span.end;
  };
  const previousGlued = (): Token | undefined => {
    const prev = tokens.at(-1);
    return prev !== undefined && prev.span.end === i ? prev : undefined;
  };

  while (i < text.length) {
    const ws = match(WHITESPACE);
    if (ws !== undefined) {
      i += ws.length;
      continue;
    }
    const c = text.charAt(i);
    const next = text.charAt(i + 1);
    const glued = previousGlued();

    if (c === "'" || c === '"' || c === "`") {
      tokens.push(scanQuoted(text, i));
      i = tokens.at(-1)?.span.end ?? text.length;
    } else if (c === "(" || c === ")" || c === ",") {
      push(c === "(" ? "lparen" : c === ")" ? "rparen" : "comma", 1);
    } else if (glued?.kind === "dot" && match(KEY_SEGMENT) !== undefined) {
      push("word", match(KEY_SEGMENT)?.length ?? 1);
    } else if (c === "." && (glued === undefined || !NAME_KINDS.has(glued.kind)) && /\d/.test(next)) {
      pushNumber();
    } else if (c === ".") {
      push("dot", 1);
    } else if (/\d/.test(c) || (c === "-" && /[\d.]/.test(next) && match(NUMBER) !== undefined)) {
      pushNumber();
    } else if (match(OPERATOR) !== undefined) {
      push("operator", match(OPERATOR)?.length ?? 1);
    } else if (match(WORD) !== undefined) {
      const word = match(WORD) ?? "";
      const upper = word.toUpperCase();
      const nearDot = glued?.kind === "dot" || text.charAt(i + word.length) === ".";
      if (KEYWORDS.has(upper) && !nearDot) push("keyword", word.length, { value: upper });
      else push("word", word.length);
    } else if ((c === "-" && next === "-") || (c === "/" && next === "*")) {
      push("invalid", 2, { problem: `SQL comments ('${c}${next}') are not part of the search syntax.` });
    } else if (c === ";") {
      push("invalid", 1, {
        problem: "';' would start a second expression, and only one is accepted: join the clauses with AND instead.",
      });
    } else {
      const char = String.fromCodePoint(text.codePointAt(i) ?? 0);
      push("invalid", char.length, { problem: `Unexpected character '${char}'. Quote any key or value that contains it.` });
    }
  }
  return tokens;

  function pushNumber(): void {
    const number = match(NUMBER) ?? "";
    const tail = match(NUMBER_TAIL, i + number.length) ?? "";
    if (tail === "") push("number", number.length);
    else
      push("invalid", number.length + tail.length, {
        problem: `'${number}${tail}' is not a valid number. Numbers look like 1, -2.5, .5 or 1e-3; quote it if it is a string value.`,
      });
  }
}

/**
 * Reads a quoted token the way sqlparse (MLflow's tokenizer) delimits it: a doubled quote, and
 * for `'`/`"` a backslash before the quote, do not end the token. MLflow then strips only the
 * outer quotes, so `'it''s'` would mean the five characters `it''s`. Rather than copy that, such
 * tokens carry a problem that says how to write the value instead.
 */
function scanQuoted(text: string, start: number): Token {
  const quote = text.charAt(start);
  const isBacktick = quote === "`";
  let i = start + 1;
  let escapeLike: string | undefined;
  let closed = false;
  while (i < text.length) {
    const c = text.charAt(i);
    if (!isBacktick && c === "\\" && text.charAt(i + 1) === quote) {
      escapeLike ??= `\\${quote}`;
      i += 2;
    } else if (c === quote && text.charAt(i + 1) === quote) {
      escapeLike ??= quote + quote;
      i += 2;
    } else if (c === quote) {
      closed = true;
      i += 1;
      break;
    } else {
      i += 1;
    }
  }
  const span: SourceSpan = { start, end: i };
  const tokenText = text.slice(start, i);
  const kind: TokenKind = isBacktick ? "backtick" : "string";
  const problem = closed ? escapeProblem(quote, escapeLike) : unterminatedProblem(quote, escapeLike);
  if (problem !== undefined) return { kind, text: tokenText, span, problem };
  return { kind, text: tokenText, span, value: tokenText.slice(1, -1) };
}

function escapeProblem(quote: string, escapeLike: string | undefined): string | undefined {
  if (escapeLike === undefined) return undefined;
  if (quote === "`") return "Doubled backticks (``) inside a backticked key are not supported. Quote the key with double quotes instead.";
  const other = quote === "'" ? '"' : "'";
  return (
    `${escapeLike} cannot put a ${quote} inside a ${quote}…${quote} string: the search syntax has no escape mechanism. ` +
    `Quote the value with ${other} instead, e.g. ${other}it${quote}s${other}.`
  );
}

function unterminatedProblem(quote: string, escapeLike: string | undefined): string {
  const what = quote === "`" ? "backtick-quoted key" : "string";
  const note = escapeLike === undefined ? "" : ` Note: '${escapeLike}' does not close it (it would be read as an escaped quote).`;
  return `Unterminated ${what}: the ${quote} that starts here is never closed.${note}`;
}
