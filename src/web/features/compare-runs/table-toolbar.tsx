import type { CompareViewState } from "./compare-url-state.js";

interface Props {
  state: CompareViewState;
  update: (change: Partial<CompareViewState>) => void;
  onExport: () => void;
  exportDisabled: boolean;
}

/** Key search, diff and system-tag toggles, orientation and CSV export: everything here lives in the URL. */
export function TableToolbar({ state, update, onExport, exportDisabled }: Props) {
  return (
    <div className="toolbar" role="toolbar" aria-label="Table settings">
      <input
        className="input compare-search"
        type="search"
        placeholder="Filter keys"
        aria-label="Filter keys"
        value={state.search}
        onChange={(e) => update({ search: e.target.value })}
      />
      <label className="check">
        <input type="checkbox" checked={state.onlyDiff} onChange={(e) => update({ onlyDiff: e.target.checked })} />
        Only differences
      </label>
      <label className="check">
        <input type="checkbox" checked={state.showSystemTags} onChange={(e) => update({ showSystemTags: e.target.checked })} />
        System tags
      </label>
      <div className="segmented" role="group" aria-label="Orientation">
        <button type="button" aria-pressed={!state.transposed} onClick={() => update({ transposed: false })}>
          Runs as columns
        </button>
        <button type="button" aria-pressed={state.transposed} onClick={() => update({ transposed: true })}>
          Runs as rows
        </button>
      </div>
      <button type="button" className="btn" onClick={onExport} disabled={exportDisabled}>
        Export CSV
      </button>
    </div>
  );
}
