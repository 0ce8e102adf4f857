import { useState, type ReactNode } from "react";
import { naturalCompare } from "../../utils/natural-compare.js";

/** Long param and metric lists get a key filter; short ones do not need the clutter. */
const KEY_FILTER_THRESHOLD = 12;

/** Items sorted by key and narrowed by a filter field, which is offered only for long lists. */
export function useKeyFilter<T extends { key: string }>(items: readonly T[], label: string): { shown: T[]; control: ReactNode } {
  const [filter, setFilter] = useState("");
  const q = filter.toLowerCase();
  const shown = [...items].sort((a, b) => naturalCompare(a.key, b.key)).filter((item) => !q || item.key.toLowerCase().includes(q));
  const control =
    items.length > KEY_FILTER_THRESHOLD ? (
      <input className="input input-small" type="search" placeholder="Filter keys" aria-label={label} value={filter} onChange={(e) => setFilter(e.target.value)} />
    ) : null;
  return { shown, control };
}
