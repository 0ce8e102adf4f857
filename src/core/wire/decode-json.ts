const BARE_TOKENS: Readonly<Record<string, string>> = { NaN: '"NaN"', Infinity: '"Infinity"', "-Infinity": '"-Infinity"' };

/**
 * JSON.parse that also accepts the bare `NaN`, `Infinity` and `-Infinity` tokens that Python
 * clients emit (json.dumps allows them). They become the strings protobuf JSON uses, which the
 * request parser turns back into numbers, so they are stored as what the client meant.
 */
export function decodeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    if (!/NaN|Infinity/.test(text)) throw error;
    return JSON.parse(quoteBareTokens(text));
  }
}

/** Quotes bare NaN/Infinity tokens outside string literals; everything else is left as written. */
function quoteBareTokens(text: string): string {
  let out = "";
  let i = 0;
  while (i < text.length) {
    const ch = text[i];
    if (ch === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === "\\" ? 2 : 1;
      out += text.slice(i, j + 1);
      i = j + 1;
      continue;
    }
    const token = /^(-Infinity|Infinity|NaN)/.exec(text.slice(i, i + 9))?.[1];
    if (token !== undefined) {
      out += BARE_TOKENS[token];
      i += token.length;
      continue;
    }
    out += ch;
    i++;
  }
  return out;
}
