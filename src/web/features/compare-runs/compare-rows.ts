import type { Run } from "../../../core/index.js";

export type SectionId = "params" | "metrics" | "tags" | "system";
/** A param or tag as text, a metric as its latest value; undefined when the run lacks the key. */
export type CellValue = string | number | undefined;

export interface CompareRow {
  /** `params.lr`, unique across sections. */
  id: string;
  section: SectionId;
  key: string;
  /** One per run, in the order of the runs given. */
  values: CellValue[];
  /** Not every run has the same value (a missing value differs from any value). */
  differs: boolean;
}

export interface CompareSection {
  id: SectionId;
  label: string;
  /** Rows to show after the diff and key filters. */
  rows: CompareRow[];
  /** Every key of the section and those that differ, whatever the filters show: "3 of 40 params differ". */
  allKeys: string[];
  differingKeys: string[];
}

export interface RowOptions {
  onlyDiff: boolean;
  /** Case-insensitive substring of the key. */
  search: string;
  /** MLflow's own `mlflow.*` tags are noise in a diff, so they are a separate, opt-in section. */
  showSystemTags: boolean;
}

export const SECTION_LABELS: Record<SectionId, string> = { params: "Parameters", metrics: "Metrics", tags: "Tags", system: "System tags" };
export const SECTION_NOUNS: Record<SectionId, string> = { params: "params", metrics: "metrics", tags: "tags", system: "system tags" };

const SYSTEM_PREFIX = "mlflow.";
const byKey = new Intl.Collator(undefined, { numeric: true }).compare;

function entries(run: Run, section: SectionId): Map<string, CellValue> {
  switch (section) {
    case "params":
      return new Map(run.data.params.map((p) => [p.key, p.value]));
    case "metrics":
      return new Map(run.data.metrics.map((m) => [m.key, m.value]));
    case "tags":
      return new Map(run.data.tags.filter((t) => !t.key.startsWith(SYSTEM_PREFIX)).map((t) => [t.key, t.value]));
    case "system":
      return new Map(run.data.tags.filter((t) => t.key.startsWith(SYSTEM_PREFIX)).map((t) => [t.key, t.value]));
  }
}

/** Equality for diffing: NaN equals NaN (a run that diverged twice is not "different"), undefined only itself. */
export function sameValue(a: CellValue, b: CellValue): boolean {
  return Object.is(a, b) || a === b;
}

function allSame(values: readonly CellValue[]): boolean {
  return values.every((v) => sameValue(v, values[0]));
}

/** The sections of the comparison table, keys in natural order (`layer_2` before `layer_10`). */
export function buildCompareSections(runs: readonly Run[], options: RowOptions): CompareSection[] {
  const ids: SectionId[] = options.showSystemTags ? ["params", "metrics", "tags", "system"] : ["params", "metrics", "tags"];
  const query = options.search.trim().toLowerCase();
  return ids.flatMap((id): CompareSection[] => {
    const maps = runs.map((run) => entries(run, id));
    const keys = [...new Set(maps.flatMap((m) => [...m.keys()]))].sort(byKey);
    if (keys.length === 0) return [];
    const all = keys.map((key): CompareRow => {
      const values = maps.map((m) => m.get(key));
      return { id: `${id}.${key}`, section: id, key, values, differs: !allSame(values) };
    });
    const rows = all.filter((row) => (!options.onlyDiff || row.differs || runs.length < 2) && (!query || row.key.toLowerCase().includes(query)));
    return [{ id, label: SECTION_LABELS[id], rows, allKeys: keys, differingKeys: all.filter((r) => r.differs).map((r) => r.key) }];
  });
}

/** Per cell, whether it holds something else than the reference run's cell in the same row. */
export function changedFromReference(row: CompareRow, referenceIndex: number): boolean[] {
  const reference = row.values[referenceIndex];
  return row.values.map((v, i) => i !== referenceIndex && !sameValue(v, reference));
}

/** "3 of 40 params differ", for the section headers and the summary line. */
export function differSummary(section: Pick<CompareSection, "id" | "allKeys" | "differingKeys">): string {
  return `${section.differingKeys.length} of ${section.allKeys.length} ${SECTION_NOUNS[section.id]} differ`;
}

/** "3 of 40 differ", short enough for the pinned key column. */
export function differCount(section: Pick<CompareSection, "allKeys" | "differingKeys">): string {
  return `${section.differingKeys.length} of ${section.allKeys.length} differ`;
}
