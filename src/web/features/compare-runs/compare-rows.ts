import type { Run } from "../../../core/index.js";
import { formatMetric } from "../../utils/format.js";

export type CompareRow =
  | { kind: "section"; label: string }
  | { kind: "value"; id: string; label: string; values: (string | undefined)[]; differs: boolean };

/** Rows of the comparison table: one section for params, one for metrics; keys sorted. */
export function compareRows(runs: readonly Run[], onlyDiff: boolean): CompareRow[] {
  const section = (label: string, entries: (run: Run) => readonly { key: string; text: string }[]): CompareRow[] => {
    const keys = [...new Set(runs.flatMap((r) => entries(r).map((e) => e.key)))].sort((a, b) => a.localeCompare(b));
    const rows = keys.flatMap((key): CompareRow[] => {
      const values = runs.map((r) => entries(r).find((e) => e.key === key)?.text);
      const differs = new Set(values).size > 1;
      return !onlyDiff || differs || runs.length < 2 ? [{ kind: "value", id: `${label}:${key}`, label: key, values, differs }] : [];
    });
    return rows.length ? [{ kind: "section", label }, ...rows] : [];
  };
  return [
    ...section("Parameters", (r) => r.data.params.map((p) => ({ key: p.key, text: p.value }))),
    ...section("Metrics", (r) => r.data.metrics.map((m) => ({ key: m.key, text: formatMetric(m.value) }))),
  ];
}
