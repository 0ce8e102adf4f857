import { useLayoutEffect, useRef } from "react";

const SHORTCUTS: readonly [string, string][] = [
  ["/", "Focus the search box"],
  ["j / k", "Next / previous run in the table"],
  ["Enter", "Open the active run"],
  ["x", "Select or unselect the active run"],
  ["Shift + click", "Select a range of runs"],
  ["← / →", "Collapse / expand the active run's children"],
  ["?", "Show or hide this help"],
];

/**
 * Focus moves into the panel on open, so a screen reader announces it and Tab starts inside it, and
 * goes back on close to what had it (the Shortcuts button, or the row where `?` was pressed):
 * unmounting the focused panel would otherwise drop the focus to <body>.
 */
function useFocusWhileOpen() {
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const dialog = ref.current;
    const previous = document.activeElement;
    dialog?.focus();
    return () => {
      const now = document.activeElement;
      // The user may have clicked elsewhere meanwhile: only take back a focus the panel still held.
      const heldByPanel = !now || now === document.body || (dialog?.contains(now) ?? false);
      if (heldByPanel && previous instanceof HTMLElement && previous.isConnected) previous.focus();
    };
  }, []);
  return ref;
}

export function ShortcutsHelp({ onClose }: { onClose: () => void }) {
  const ref = useFocusWhileOpen();
  return (
    <div className="popover shortcuts-help" role="dialog" aria-label="Keyboard shortcuts" tabIndex={-1} ref={ref}>
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
