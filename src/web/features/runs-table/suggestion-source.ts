import type { Run } from "../../../core/index.js";
import type { SuggestionSource } from "../search-bar/suggest.js";
import type { KeysSeen } from "./column-model.js";

const MAX_VALUES = 50;

/** Autocomplete data from the loaded runs; values are counted lazily, per key, the first time they are asked for. */
export function suggestionSource(keys: KeysSeen, runs: readonly Run[]): SuggestionSource {
  const cache = new Map<string, string[]>();
  return {
    keys,
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
