import type { Run } from "../../../core/index.js";
import type { SuggestionSource } from "../search-bar/suggest.js";
import { collectKeys, type KeysSeen } from "./column-model.js";

const MAX_VALUES = 50;

export interface RunsSuggestionSource extends SuggestionSource {
  readonly keys: KeysSeen;
}

/**
 * Autocomplete data from the loaded runs, computed only when first read: the keys when the column
 * picker opens or a key is typed (sorting them is the page's first ICU collation, tens of ms on a
 * cold tab, which must not delay the table's first paint), the values per key when asked for.
 */
export function suggestionSource(runs: readonly Run[]): RunsSuggestionSource {
  let keys: KeysSeen | undefined;
  const cache = new Map<string, string[]>();
  return {
    get keys() {
      keys ??= collectKeys(runs);
      return keys;
    },
    valuesOf: (entity, key) => {
      const cacheKey = `${entity}\u0000${key}`;
      let values = cache.get(cacheKey);
      if (!values) {
        const counts = new Map<string, number>();
        for (const run of runs) {
          const value = (entity === "tag" ? run.data.tags : run.data.params).find((kv) => kv.key === key)?.value;
          if (value !== undefined) counts.set(value, (counts.get(value) ?? 0) + 1);
        }
        values = [...counts.entries()]
          .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
          .slice(0, MAX_VALUES)
          .map(([v]) => v);
        cache.set(cacheKey, values);
      }
      return values;
    },
  };
}
