import type { Run } from "../../../core/index.js";
import { CompareCell } from "./compare-cell.js";
import { changedFromReference, differCount, differSummary, SECTION_NOUNS, type CompareRow, type CompareSection } from "./compare-rows.js";
import { RunHeader } from "./run-header.js";

interface Props {
  /** In display order: the reference run first. */
  runs: readonly Run[];
  sections: readonly CompareSection[];
  transposed: boolean;
  colorOf: (runId: string) => string;
  onReference: (runId: string) => void;
}

const SECTION_TAGS: Record<CompareRow["section"], string> = { params: "param", metrics: "metric", tags: "tag", system: "system" };

/**
 * Params, metrics and tags of the runs, runs as columns or (transposed) as rows. The key column and
 * the reference run stay pinned while the rest scrolls, so 100 runs remain readable against it.
 */
export function CompareTable({ runs, sections, transposed, colorOf, onReference }: Props) {
  const referenceIndex = 0;
  const header = (run: Run, i: number) => <RunHeader run={run} color={colorOf(run.info.run_id)} isReference={i === referenceIndex} onReference={() => onReference(run.info.run_id)} />;
  const changedBy = new Map(sections.flatMap((s) => s.rows).map((row) => [row.id, changedFromReference(row, referenceIndex)]));
  const cell = (row: CompareRow, i: number) => <CompareCell key={`${row.id}:${i}`} row={row} index={i} referenceIndex={referenceIndex} changed={changedBy.get(row.id)?.[i] ?? false} />;

  if (transposed) {
    const rows = sections.flatMap((s) => s.rows);
    return (
      <table className="compare-table transposed" data-testid="compare-table" data-orientation="runs-as-rows">
        <thead>
          <tr>
            <th className="corner" scope="col">
              Run
            </th>
            {rows.map((row) => (
              <th key={row.id} scope="col" className="key-head" title={row.key}>
                <span className="section-tag">{SECTION_TAGS[row.section]}</span>
                <span className="key-name">{row.key}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {runs.map((run, i) => (
            <tr key={run.info.run_id} className={i === referenceIndex ? "reference-row" : undefined}>
              <th scope="row" className={`key-cell${i === referenceIndex ? " is-reference" : ""}`}>
                {header(run, i)}
              </th>
              {rows.map((row) => cell(row, i))}
            </tr>
          ))}
        </tbody>
      </table>
    );
  }
  // A section the diff or key filter left without rows would be a header over nothing; the summary line still counts it.
  const shownSections = sections.filter((section) => section.rows.length > 0);
  return (
    <table className="compare-table" data-testid="compare-table" data-orientation="runs-as-columns">
      <thead>
        <tr>
          <th className="corner" scope="col">
            Key
          </th>
          {runs.map((run, i) => (
            <th key={run.info.run_id} scope="col" className={`run-head${i === referenceIndex ? " is-reference" : ""}`}>
              {header(run, i)}
            </th>
          ))}
        </tr>
      </thead>
      {shownSections.map((section) => (
        <tbody key={section.id}>
          <tr className="section-row">
            {/* The count sits in the pinned cell, so it stays in view however far the runs scroll. */}
            <th scope="rowgroup" className="key-cell" title={differSummary(section)}>
              {section.label} <span className="section-count">{differCount(section)}</span>
            </th>
            <td colSpan={runs.length} />
          </tr>
          {section.rows.map((row) => (
            <tr key={row.id} className={row.differs ? "differs" : undefined} data-row={row.id}>
              <th scope="row" className="key-cell mono" title={`${SECTION_NOUNS[row.section]}: ${row.key}`}>
                {row.key}
              </th>
              {runs.map((_, i) => cell(row, i))}
            </tr>
          ))}
        </tbody>
      ))}
    </table>
  );
}
