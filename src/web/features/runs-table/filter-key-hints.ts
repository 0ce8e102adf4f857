import { RUN_STATUSES } from "../../../core/index.js";
import type { FilterNode } from "../../../core/search/index.js";
import type { KeysSeen } from "./column-model.js";

/** A name in the filter that none of the experiment's runs has, with the closest one they have. */
export interface FilterKeyHint {
  /** As written in a filter: `metrics.los`, `attributes.status = 'RUNING'`. */
  written: string;
  /** What was probably meant, written the same way; undefined when nothing is close. */
  meant: string | undefined;
}

const PREFIX = { metric: "metrics", param: "params", tag: "tags" } as const;

/** Levenshtein distance, case-insensitive: `Loss` for `loss` is no typo worth more than a letter. */
function distance(a: string, b: string): number {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let previous = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) row.push(Math.min((previous[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (previous[j - 1] ?? 0) + (x[i - 1] === y[j - 1] ? 0 : 1)));
    previous = row;
  }
  return previous[y.length] ?? 0;
}

/** The candidate nearest to `name`, if it is near enough to be a slip (a third of its length, at least 2 edits allowed). */
export function closest(name: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = Math.max(2, Math.floor(name.length / 3)) + 1;
  for (const candidate of candidates) {
    const d = distance(name, candidate);
    if (d < bestDistance) [best, bestDistance] = [candidate, d];
  }
  return best;
}

const quoteKey = (key: string): string => (/^[A-Za-z_][\w.]*$/.test(key) ? key : `\`${key.replace(/`/g, "``")}\``);

/**
 * Why a filter may match nothing: the metric, param and tag names it uses that no run of `keys` has,
 * and run statuses that do not exist, each with the closest real one. A clause asking for a key to be
 * absent (`IS NULL`) needs no such key, so it is left alone.
 */
export function filterKeyHints(filter: FilterNode, keys: KeysSeen): FilterKeyHint[] {
  const hints = new Map<string, FilterKeyHint>();
  const visit = (node: FilterNode): void => {
    if (node.type !== "comparison") {
      node.children.forEach(visit);
      return;
    }
    if (node.comparator === "IS NULL") return;
    if (node.entity === "metric" || node.entity === "param" || node.entity === "tag") {
      const known = node.entity === "metric" ? keys.metrics : node.entity === "param" ? keys.params : keys.tags;
      if (known.includes(node.key)) return;
      const prefix = PREFIX[node.entity];
      const near = closest(node.key, known);
      const written = `${prefix}.${quoteKey(node.key)}`;
      hints.set(written, { written, meant: near === undefined ? undefined : `${prefix}.${quoteKey(near)}` });
    } else if (node.entity === "attribute" && node.key === "status" && typeof node.value === "string" && !(RUN_STATUSES as readonly string[]).includes(node.value)) {
      const written = `attributes.status = '${node.value}'`;
      const near = closest(node.value.toUpperCase(), RUN_STATUSES);
      hints.set(written, { written, meant: near === undefined ? undefined : `attributes.status = '${near}'` });
    }
  };
  visit(filter);
  return [...hints.values()];
}
