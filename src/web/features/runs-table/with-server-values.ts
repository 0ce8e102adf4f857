import type { SuggestionSource } from "../search-bar/suggest.js";
import type { ServerValues } from "./value-suggestions-query.js";

/**
 * `source` with the server's values of one key after the loaded runs' own (which are ranked by how
 * often they occur on screen). Values of any other key are the source's alone.
 */
export function withServerValues(source: SuggestionSource, server: ServerValues | undefined): SuggestionSource {
  if (!server || server.values.length === 0) return source;
  return {
    // A getter, so that the source's keys are still collected only when first read.
    get keys() {
      return source.keys;
    },
    valuesOf: (entity, key) => {
      const own = source.valuesOf(entity, key);
      if (entity !== server.entity || key !== server.key) return own;
      const seen = new Set(own);
      return [...own, ...server.values.filter((v) => !seen.has(v))];
    },
  };
}
