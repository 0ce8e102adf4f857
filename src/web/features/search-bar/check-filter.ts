import { isMlflowError } from "../../../core/index.js";
import { describeSearchPosition, parseRunFilter, SearchSyntaxError, tokenize } from "../../../core/search/index.js";
import { RUN_VOCABULARY } from "../../../core/search/search-vocabulary.js";

export type FilterCheck =
  | { ok: true }
  | {
      ok: false;
      /** The parser's message: what the server would answer if the filter were sent as it is. */
      message: string;
      start: number;
      end: number;
      /**
       * Set when the mistake is only that the user has not finished typing (the filter stops in the
       * middle of something that can still become valid), with what to show meanwhile.
       */
      incomplete?: { message: string };
    };

/**
 * Checks a runs filter with the same parser the server uses, so the box can underline the exact
 * place of a mistake before anything is sent.
 */
export function checkRunFilter(text: string): FilterCheck {
  try {
    parseRunFilter(text);
    return { ok: true };
  } catch (error) {
    if (error instanceof SearchSyntaxError) {
      const { start, end } = error.position;
      const incomplete = incompleteMessage(text, start, end, error.message);
      return { ok: false, message: error.message, start, end, ...(incomplete !== undefined && { incomplete: { message: incomplete } }) };
    }
    // Any other parser failure still blocks the request, underlining the whole text.
    return { ok: false, message: isMlflowError(error) || error instanceof Error ? error.message : String(error), start: 0, end: text.length };
  }
}

/** Bare words the parser reads as one name; names needing quotes are left to the unterminated-quote rule. */
const BARE_NAME = /^[\p{L}\p{M}\p{N}_]+$/u;
const bareNames = (names: Iterable<string>) => [...names].filter((n) => BARE_NAME.test(n));
const ATTRIBUTE_NAMES = bareNames(RUN_VOCABULARY.keyedEntities.get("attribute")?.keys() ?? []);
const DATASET_NAMES = bareNames(RUN_VOCABULARY.keyedEntities.get("dataset")?.keys() ?? []);
/** The groups the suggestion list offers; MLflow's other spellings (`metric.`, `run.`) count too but are named only as a last resort. */
const MAIN_GROUPS = ["metrics.", "params.", "tags.", "attributes.", "datasets."];
const OTHER_GROUPS = [...RUN_VOCABULARY.prefixes.keys()].map((p) => `${p}.`).filter((p) => !MAIN_GROUPS.includes(p));

/**
 * The message to show while the error can be blamed on unfinished typing, or undefined for a real
 * mistake. The parser sees `met` exactly as it sees `foo`, so "still typing" is decided here: the
 * error must sit in the very last token, and that token must be able to grow into something valid.
 */
function incompleteMessage(text: string, start: number, end: number, message: string): string | undefined {
  // Something missing after the last token (`status`, `metrics.loss <`): the user has not got there yet.
  if (start >= text.trimEnd().length) return message;
  if (end !== text.length) return undefined;

  // An open quote running to the end (`tags.team = 'vis`): the closing quote simply has not been typed yet.
  const last = tokenize(text).at(-1);
  if (last !== undefined && (last.kind === "string" || last.kind === "backtick") && last.problem !== undefined && last.span.start === start) {
    return `Unfinished ${last.kind === "string" ? "string" : "quoted key"}: close it with ${last.text.charAt(0)}.`;
  }

  // A field name being typed (`met`, `attributes.sta`): only a proper prefix of a real name, and
  // only when the error is about that very word, so `foo`, `Met` or `met ` stay red.
  const at = describeSearchPosition(text, text.length);
  const typed = at.prefix;
  if (typed === "" || start < text.length - typed.length) return undefined;
  const completing = (names: readonly string[]) => names.filter((n) => n.startsWith(typed) && n !== typed);
  let completions: string[] = [];
  if (at.context === "identifier") {
    completions = completing([...MAIN_GROUPS, ...ATTRIBUTE_NAMES]);
    if (completions.length === 0) completions = completing(OTHER_GROUPS);
  } else if (at.context === "key" && (at.entity === "attribute" || at.entity === "dataset")) {
    completions = completing(at.entity === "attribute" ? ATTRIBUTE_NAMES : DATASET_NAMES);
  }
  if (completions.length === 0) return undefined;
  return `Unfinished name '${typed}': keep typing (${completions.slice(0, 3).join(", ")}${completions.length > 3 ? ", …" : ""}).`;
}
