import { useRef, useState, type KeyboardEvent } from "react";
import { isLastingError } from "../../api/artifacts/is-lasting-error.js";
import { errorMessage } from "../../lib/error-message.js";
import { formatBytes } from "../../utils/format.js";
import { treeKeyAction, type EntryRow, type TreeRow } from "./artifact-tree.js";
import { isTypeAheadKey, typeAhead, type TypeAheadState } from "./type-ahead.js";

interface Props {
  rows: readonly TreeRow[];
  selected: string | undefined;
  onSelect: (path: string) => void;
  onExpand: (path: string) => void;
  onCollapse: (path: string) => void;
  /** Lists a folder again after its listing failed. */
  onRetry: (folder: string) => void;
}

const INDENT = 16;
const indent = (level: number) => ({ paddingLeft: 6 + (level - 1) * INDENT });

function FolderIcon({ open }: { open: boolean }) {
  return (
    <svg className="artifact-icon is-folder" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      {open ? (
        <path d="M1.5 4.5v8h11l2-5.5H4L2.5 12M1.5 4.5V3h4.5l1.5 1.5h5v2.5" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
      ) : (
        <path d="M1.5 3h4.5l1.5 1.5h7v8.5h-13z" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
      )}
    </svg>
  );
}

/** Beside a name the server will not open. */
function RefusedIcon() {
  return (
    <svg className="artifact-refused-icon" width="12" height="12" viewBox="0 0 16 16" aria-hidden="true">
      <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" strokeWidth="1.5" />
      <path d="M3.5 12.5l9-9" stroke="currentColor" strokeWidth="1.5" />
    </svg>
  );
}

function FileIcon() {
  return (
    <svg className="artifact-icon" width="14" height="14" viewBox="0 0 16 16" aria-hidden="true">
      <path d="M3.5 1.5h6l3 3v10h-9zM9.5 1.5v3h3" fill="none" stroke="currentColor" strokeWidth="1.2" strokeLinejoin="round" />
    </svg>
  );
}

/**
 * The artifact tree, as WAI-ARIA's tree view: one tab stop (the focused entry; roving tabindex),
 * arrows to move, open and close, Enter or Space to open a folder or select a file, typing the start
 * of a name to jump (`type-ahead.ts`). Rows are a flat list carrying aria-level / aria-posinset /
 * aria-setsize. A name the server will not open is shown muted; selecting it explains why.
 */
export function ArtifactTreeView({ rows, selected, onSelect, onExpand, onCollapse, onRetry }: Props) {
  const [focused, setFocused] = useState<string | undefined>(selected);
  const items = useRef(new Map<string, HTMLLIElement>());
  const typed = useRef<TypeAheadState | undefined>(undefined);
  const entries = rows.filter((r): r is EntryRow => r.type === "entry");
  // The tab stop: the focused entry while it is on show, else the selected one, else the first.
  const tabStop = [focused, selected].find((p) => p !== undefined && entries.some((r) => r.path === p)) ?? entries[0]?.path;

  const moveFocus = (path: string) => {
    setFocused(path);
    items.current.get(path)?.focus();
  };

  const activate = (row: EntryRow) => {
    setFocused(row.path);
    if (!row.isDir) onSelect(row.path);
    else if (row.expanded) onCollapse(row.path);
    else onExpand(row.path);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.altKey || event.ctrlKey || event.metaKey || (event.target as HTMLElement).getAttribute("role") !== "treeitem") return;
    if (isTypeAheadKey(event.key, typed.current, event.timeStamp)) {
      const result = typeAhead(
        entries.map((r) => r.name),
        entries.findIndex((r) => r.path === tabStop),
        typed.current,
        event.key,
        event.timeStamp,
      );
      typed.current = result.state;
      const target = result.index === undefined ? undefined : entries[result.index];
      if (target) moveFocus(target.path);
      // A key that matches nothing and starts nothing is left to the page (`?` shows the shortcuts).
      if (target || result.continued) {
        event.preventDefault();
        event.stopPropagation();
      }
      return;
    }
    typed.current = undefined;
    const action = treeKeyAction(rows, tabStop, event.key);
    if (!action) return;
    event.preventDefault();
    event.stopPropagation();
    switch (action.type) {
      case "focus":
        moveFocus(action.path);
        break;
      case "expand":
        onExpand(action.path);
        break;
      case "collapse":
        onCollapse(action.path);
        break;
      case "select":
        onSelect(action.path);
        break;
    }
  };

  return (
    <ul className="artifact-tree" role="tree" aria-label="Artifact files" data-testid="artifact-tree" onKeyDown={onKeyDown}>
      {rows.map((row) => {
        if (row.type === "status") {
          return (
            <li key={`status:${row.folder}`} role="none" className={`artifact-status is-${row.status}`} style={indent(row.level)} data-testid="artifact-folder-status">
              {row.status === "pending" && (
                <>
                  <span className="spinner spinner-small" aria-hidden="true" /> Loading…
                </>
              )}
              {row.status === "empty" && "Empty folder"}
              {row.status === "unopenable" && <span className="artifact-status-refused">This folder cannot be listed: {row.reason}</span>}
              {row.status === "error" && (
                <>
                  <span role="alert" className="artifact-status-error">
                    Could not list this folder: {errorMessage(row.error)}
                  </span>
                  {/* The server's refusal (a 4xx) would only come back the same. */}
                  {!isLastingError(row.error) && (
                    <button type="button" className="btn btn-small" onClick={() => onRetry(row.folder)}>
                      Retry
                    </button>
                  )}
                </>
              )}
            </li>
          );
        }
        const isSelected = !row.isDir && row.path === selected;
        return (
          <li
            key={row.path}
            ref={(el) => {
              if (el) items.current.set(row.path, el);
              else items.current.delete(row.path);
            }}
            role="treeitem"
            aria-level={row.level}
            aria-posinset={row.posInSet}
            aria-setsize={row.setSize}
            aria-expanded={row.isDir ? row.expanded : undefined}
            aria-selected={row.isDir ? undefined : isSelected}
            tabIndex={row.path === tabStop ? 0 : -1}
            className={`artifact-row${isSelected ? " is-selected" : ""}${row.unopenable ? " is-unopenable" : ""}`}
            style={indent(row.level)}
            title={row.unopenable ? `${row.path}\nCannot be opened here: ${row.unopenable}` : row.path}
            data-unopenable={row.unopenable ? "true" : undefined}
            data-testid="artifact-row"
            data-path={row.path}
            onClick={() => activate(row)}
            onFocus={() => setFocused(row.path)}
          >
            <span className="artifact-twisty" aria-hidden="true">
              {row.isDir ? (row.expanded ? "▾" : "▸") : ""}
            </span>
            {row.isDir ? <FolderIcon open={row.expanded} /> : <FileIcon />}
            <span className="artifact-name">{row.name}</span>
            {row.unopenable && <RefusedIcon />}
            {!row.isDir && <span className="artifact-size">{formatBytes(row.size)}</span>}
          </li>
        );
      })}
    </ul>
  );
}
