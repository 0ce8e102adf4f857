import { isMlflowError } from "../../../core/index.js";
import { parseRunFilter, SearchSyntaxError } from "../../../core/search/index.js";

export type FilterCheck = { ok: true } | { ok: false; message: string; start: number; end: number };

/**
 * Checks a runs filter with the same parser the server uses, so the box can underline the exact
 * place of a mistake before anything is sent.
 */
export function checkRunFilter(text: string): FilterCheck {
  try {
    parseRunFilter(text);
    return { ok: true };
  } catch (error) {
    if (error instanceof SearchSyntaxError) return { ok: false, message: error.message, start: error.position.start, end: error.position.end };
    // Any other parser failure still blocks the request, underlining the whole text.
    return { ok: false, message: isMlflowError(error) || error instanceof Error ? error.message : String(error), start: 0, end: text.length };
  }
}
