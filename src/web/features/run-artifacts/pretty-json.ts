/** Python's json module writes these bare for float('nan') and ±inf; JSON.parse refuses them. */
const NON_FINITE = /(?:^|[\s,:[])-?(?:NaN|Infinity)(?=[\s,\]}]|$)/;

const SPACE = 32;
const TAB = 9;
const LF = 10;
const CR = 13;
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const OPEN_BRACE = 123;
const CLOSE_BRACE = 125;
const OPEN_BRACKET = 91;
const CLOSE_BRACKET = 93;

const isSpace = (c: number): boolean => c === SPACE || c === LF || c === CR || c === TAB;
const endsWord = (c: number): boolean =>
  isSpace(c) || c === COMMA || c === COLON || c === QUOTE || c === OPEN_BRACE || c === CLOSE_BRACE || c === OPEN_BRACKET || c === CLOSE_BRACKET;

/** Where a layout stands between two pieces: the next character to read and the depth there. */
interface Cursor {
  i: number;
  depth: number;
  /** What the piece before left for this one to start with: the indent of the line it ended. */
  carry: string;
}

/**
 * The text from the cursor on, laid out with `indent` spaces per level, up to the first line end
 * at or after `until` (the cursor moves there): a megabyte can be laid out a piece at a time, each
 * piece whole lines. Built by string concatenation: V8 joins the pieces as a rope, several times
 * faster than pushing ~10^5 tokens into an array and joining it. `zeroNonFinite` writes NaN /
 * Infinity / -Infinity as 0, for JSON.parse to judge the rest.
 */
function layoutPiece(text: string, cursor: Cursor, until: number, indent: number, zeroNonFinite: boolean): string {
  const pad = (depth: number): string => " ".repeat(depth * indent);
  let out = cursor.carry;
  cursor.carry = "";
  let { i, depth } = cursor;
  const n = text.length;
  // A line ends here: past `until` the piece stops at it, leaving the line's indent (and `then`) to the next.
  const newline = (then = ""): boolean => {
    if (i >= until) {
      out += "\n";
      cursor.carry = pad(depth) + then;
      return true;
    }
    out += `\n${pad(depth)}${then}`;
    return false;
  };
  while (i < n) {
    const c = text.charCodeAt(i);
    if (isSpace(c)) {
      i++;
    } else if (c === QUOTE) {
      // To the closing quote: the next quote not escaped by an odd run of backslashes.
      let end = i;
      for (;;) {
        end = text.indexOf('"', end + 1);
        if (end < 0) {
          end = n - 1;
          break;
        }
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes++;
        if (slashes % 2 === 0) break;
      }
      out += text.slice(i, end + 1);
      i = end + 1;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      let next = i + 1;
      while (next < n && isSpace(text.charCodeAt(next))) next++;
      if (text.charCodeAt(next) === (c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET)) {
        out += c === OPEN_BRACE ? "{}" : "[]";
        i = next + 1;
      } else {
        depth++;
        out += c === OPEN_BRACE ? "{" : "[";
        i++;
        if (newline()) break;
      }
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      depth = Math.max(0, depth - 1);
      i++;
      if (newline(c === CLOSE_BRACE ? "}" : "]")) break;
    } else if (c === COMMA) {
      out += ",";
      i++;
      if (newline()) break;
    } else if (c === COLON) {
      out += ": ";
      i++;
    } else {
      // A number or a literal (true, false, null, NaN…), copied whole.
      let end = i + 1;
      while (end < n && !endsWord(text.charCodeAt(end))) end++;
      const word = text.slice(i, end);
      out += zeroNonFinite && (word === "NaN" || word === "Infinity" || word === "-Infinity") ? "0" : word;
      i = end;
    }
  }
  cursor.i = i;
  cursor.depth = depth;
  return out;
}

/** The whole text laid out at once. */
function layout(text: string, indent: number, zeroNonFinite: boolean): string {
  return layoutPiece(text, { i: 0, depth: 0, carry: "" }, Infinity, indent, zeroNonFinite);
}

/** Whether the text is JSON, reading Python's bare NaN / Infinity / -Infinity as numbers. */
function isJson(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    // Most text that is not JSON has no NaN either: only then is a copy made and tried.
    if (!NON_FINITE.test(text)) return false;
  }
  try {
    JSON.parse(layout(text, 0, true));
    return true;
  } catch {
    return false;
  }
}

/**
 * JSON text re-indented, or undefined when it is not JSON. The text is re-laid out token by token
 * rather than parsed and printed again: `JSON.stringify(JSON.parse(…))` would round numbers past 2^53
 * (an id of 12345678901234567890 would read …000), rewrite `1.50` as `1.5`, and refuse the `NaN` /
 * `Infinity` that Python's `json.dump` writes for metrics; here every number, string and escape stays
 * as written. Whether the text is JSON is JSON.parse's call, made first (text that is not JSON costs
 * one native parse). Linear in the text.
 */
export function prettyJson(text: string, indent = 2): string | undefined {
  return isJson(text) ? layout(text, indent, false) : undefined;
}

/**
 * A JSON text cut off after `maxBytes` made whole for JSON.parse to judge: kept up to its last
 * bracket or comma outside a string (a trailing comma dropped), then the brackets still open,
 * closed. `{"a":[1,2,{"b":"x` becomes `{"a":[1,2,{}]}`. Everything before the cut's last entry is
 * thereby checked; the part entry after it is not. Undefined when no bracket was ever opened: a cut
 * scalar (one enormous string) is no better laid out than as it is.
 */
function closedPrefix(text: string): string | undefined {
  const open: number[] = [];
  let opened = false;
  let keep = 0;
  const n = text.length;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === QUOTE) {
      // Past the string, as layout() skips it; an unterminated one runs to the cut.
      let end = i;
      for (;;) {
        end = text.indexOf('"', end + 1);
        if (end < 0) return opened ? text.slice(0, keep) + closers(open) : undefined;
        let slashes = 0;
        while (text.charCodeAt(end - 1 - slashes) === BACKSLASH) slashes++;
        if (slashes % 2 === 0) break;
      }
      i = end;
    } else if (c === OPEN_BRACE || c === OPEN_BRACKET) {
      open.push(c === OPEN_BRACE ? CLOSE_BRACE : CLOSE_BRACKET);
      opened = true;
      keep = i + 1;
    } else if (c === CLOSE_BRACE || c === CLOSE_BRACKET) {
      open.pop();
      keep = i + 1;
    } else if (c === COMMA) {
      keep = i;
    }
  }
  return opened ? text.slice(0, keep) + closers(open) : undefined;
}

function closers(open: readonly number[]): string {
  let out = "";
  for (let i = open.length - 1; i >= 0; i--) out += open[i] === CLOSE_BRACE ? "}" : "]";
  return out;
}

/** A cut layout ends where the text does: a cut just after a bracket or comma leaves a dangling indent. */
function trimDanglingIndent(out: string): string {
  const lastLine = out.lastIndexOf("\n");
  return lastLine >= 0 && out.slice(lastLine + 1).trim() === "" ? out.slice(0, lastLine) : out;
}

/** Characters of the file laid out per piece: a few milliseconds of work each, even before the JIT warms up. */
export const PIECE_CHARS = 16 * 1024;

/**
 * Whether the text is JSON (`cut`: the start of one JSON value, as `prettyJsonPrefix` judges it).
 * One native parse of all of it: for a megabyte, tens of milliseconds.
 */
export function isJsonText(text: string, cut: boolean): boolean {
  if (!cut) return isJson(text);
  const whole = closedPrefix(text);
  return whole !== undefined && isJson(whole);
}

/**
 * Whether the text's first `within` characters are the start of one JSON value, the cheap guess
 * that lets a long file's layout begin before `isJsonText` has read all of it. For a text no
 * longer than that it is `isJsonText` itself.
 */
export function startsAsJson(text: string, cut: boolean, within: number = PIECE_CHARS): boolean {
  return text.length <= within ? isJsonText(text, cut) : isJsonText(text.slice(0, within), true);
}

/**
 * The text re-indented as `prettyJson` (or, `cut`, as `prettyJsonPrefix`) does it, but a piece of
 * about `pieceChars` characters at a time, each piece whole lines: joined, the pieces are that
 * layout. Whether the text is JSON is the caller's to ask first. The first megabyte-long layout on
 * a page runs cold, at ~100 ns a character: in one go it would hold the page for over 100 ms, in
 * pieces the first screen shows after the first one.
 */
export function jsonLayoutPieces(text: string, cut: boolean, indent = 2, pieceChars = PIECE_CHARS): Iterator<string> {
  const cursor: Cursor = { i: 0, depth: 0, carry: "" };
  let finished = false;
  return {
    next(): IteratorResult<string> {
      if (finished) return { done: true, value: undefined };
      const piece = layoutPiece(text, cursor, cursor.i + pieceChars, indent, false);
      if (cursor.i < text.length || cursor.carry !== "") return { done: false, value: piece };
      finished = true;
      return { done: false, value: cut ? (piece.trim() === "" ? "" : trimDanglingIndent(piece)) : piece };
    },
  };
}

/**
 * The first part of a JSON file that was read only in part, re-indented as `prettyJson` does, or
 * undefined when that part is not the start of one JSON value (JSON lines, or not JSON at all). The
 * layout is the same scan, which is indifferent to where the text stops: an open bracket stays open,
 * a string or number cut in two is written as far as it goes.
 */
export function prettyJsonPrefix(text: string, indent = 2): string | undefined {
  const whole = closedPrefix(text);
  return whole !== undefined && isJson(whole) ? trimDanglingIndent(layout(text, indent, false)) : undefined;
}
