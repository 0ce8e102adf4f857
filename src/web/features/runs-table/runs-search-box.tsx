import { keepPreviousData, useQuery } from "@tanstack/react-query";
import { useCallback, useMemo, useState } from "react";
import type { ViewType } from "../../../core/index.js";
import { SearchBox } from "../search-bar/search-box.js";
import type { SuggestionSource } from "../search-bar/suggest.js";
import { sameValueQuery, type ValueQuery } from "../search-bar/value-query-at.js";
import { useDebouncedValue } from "./use-debounced-value.js";
import { searchablePrefix } from "./value-search-filter.js";
import { valueSuggestionsQueryOptions } from "./value-suggestions-query.js";
import { withServerValues } from "./with-server-values.js";

/** A pause in typing this long sends the value search. */
const VALUE_SEARCH_DELAY_MS = 200;

interface Props {
  applied: string;
  onApply: (filter: string) => void;
  /** The loaded runs' keys and values. */
  source: SuggestionSource;
  experimentIds: readonly string[];
  viewType: ViewType;
}

/**
 * The runs page's search box. Values of a tag or param being typed come from the loaded runs at
 * once, and from the server after a pause (a 10,000-run experiment shows a fraction of its runs):
 * what it answers joins the list when it comes, and the list never waits for it. Each prefix is its
 * own query, so an answer for an older prefix lands in its own entry and never replaces the
 * newer one; until the newer one comes the older stays, and the list ranks it against what is typed.
 * Its own component, so that typing re-renders the box and not the table.
 */
export function RunsSearchBox({ applied, onApply, source, experimentIds, viewType }: Props) {
  const [typing, setTyping] = useState<ValueQuery | undefined>(undefined);
  // Keystrokes after a backslash do not change what is asked (see searchablePrefix): no new query.
  const onValueQuery = useCallback(
    (next: ValueQuery | undefined) => setTyping((prev) => {
      const query = next && { ...next, prefix: searchablePrefix(next.prefix) };
      return sameValueQuery(prev, query) ? prev : query;
    }),
    [],
  );
  const asked = useDebouncedValue(typing, VALUE_SEARCH_DELAY_MS);
  const { data } = useQuery({ ...valueSuggestionsQueryOptions(asked && { experimentIds, viewType, ...asked }), placeholderData: keepPreviousData });
  // Outside a value the source stays the same object, so an answer arriving does not recompute the list.
  const valueTyped = typing !== undefined;
  const merged = useMemo(() => (valueTyped ? withServerValues(source, data) : source), [source, valueTyped, data]);
  return <SearchBox applied={applied} onApply={onApply} source={merged} onValueQuery={onValueQuery} />;
}
