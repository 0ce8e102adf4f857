const SHORTCUTS: readonly [string, string][] = [
  ["/", "Focus the search box"],
  ["j / k", "Next / previous run in the table"],
  ["Enter", "Open the active run"],
  ["x", "Select or unselect the active run"],
  ["Shift + click", "Select a range of runs"],
  ["← / →", "Collapse / expand the active run's children"],
  ["?", "Show or hide this help"],
];

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  return (
    <div className="popover shortcuts-help" role="dialog" aria-label="Keyboard shortcuts">
      <div className="shortcuts-help-header">
        <h2>Keyboard shortcuts</h2>
        <button type="button" className="btn btn-ghost btn-small" onClick={onClose} aria-label="Close">
          ✕
        </button>
      </div>
      <dl>
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <span className="kbd">{keys}</span>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </div>
  );
}
