import { useEffect, useRef, useState } from "react";
import { columnId, DATA_GROUPS, type KeysSeen } from "./column-model.js";

/** Lists stay short enough to scan; the search narrows experiments with thousands of keys. */
const MAX_SHOWN = 200;

const TITLES = { params: "Parameters", metrics: "Metrics", tags: "Tags" } as const;

interface Props {
  /** Read only while the picker is open: collecting and sorting every key is not free. */
  readKeys: () => KeysSeen;
  chosen: readonly string[];
  onChange: (columns: string[]) => void;
  /** Back to the default layout: suggested columns, server order, default widths; forgets the remembered one. */
  onReset: () => void;
}

/** Choose param/metric/tag columns among every key seen in the loaded runs, with search. */
export function ColumnPicker({ readKeys, chosen, onChange, onReset }: Props) {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState("");
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);
  // Closing from the keyboard (Escape, Reset view) unmounts the focused element: without this the
  // focus fell to <body> and the next Tab started over from the top of the page.
  const closeToButton = () => {
    setOpen(false);
    buttonRef.current?.focus();
  };
  useEffect(() => {
    if (!open) return;
    const close = (event: MouseEvent | KeyboardEvent) => {
      if (event instanceof KeyboardEvent) {
        if (event.key === "Escape") closeToButton();
      } else if (!rootRef.current?.contains(event.target as Node)) {
        // A click elsewhere moves the focus where the user clicked: leave it there.
        setOpen(false);
      }
    };
    document.addEventListener("mousedown", close);
    document.addEventListener("keydown", close);
    return () => {
      document.removeEventListener("mousedown", close);
      document.removeEventListener("keydown", close);
    };
  }, [open]);

  const q = query.trim().toLowerCase();
  const toggle = (id: string) => onChange(chosen.includes(id) ? chosen.filter((c) => c !== id) : [...chosen, id]);
  let budget = MAX_SHOWN;
  let hidden = 0;

  return (
    <div className="column-picker" ref={rootRef}>
      <button type="button" className="btn" ref={buttonRef} aria-expanded={open} aria-haspopup="dialog" onClick={() => setOpen((o) => !o)}>
        Columns{chosen.length > 0 && <span className="badge">{chosen.length}</span>}
      </button>
      {open && (
        <div className="popover column-picker-panel" role="dialog" aria-label="Choose columns">
          <div className="column-picker-top">
            <input className="input" autoFocus type="search" placeholder="Search keys" aria-label="Search column keys" value={query} onChange={(e) => setQuery(e.target.value)} />
            <button type="button" className="btn btn-small btn-ghost" disabled={chosen.length === 0} onClick={() => onChange([])}>
              Clear
            </button>
            <button
              type="button"
              className="btn btn-small btn-ghost"
              title="Suggested columns, the server's order and default widths; forgets the layout remembered for these experiments"
              onClick={() => {
                onReset();
                closeToButton();
              }}
            >
              Reset view
            </button>
          </div>
          <div className="column-picker-lists">
            {DATA_GROUPS.map((group) => {
              const matching = readKeys()[group].filter((k) => !q || k.toLowerCase().includes(q));
              const shown = matching.slice(0, Math.max(budget, 0));
              budget -= shown.length;
              hidden += matching.length - shown.length;
              return (
                <fieldset key={group}>
                  <legend>
                    {TITLES[group]} <span className="faint">{matching.length}</span>
                  </legend>
                  {matching.length === 0 && <div className="faint">None{q ? " match" : " logged"}</div>}
                  {shown.map((key) => {
                    const id = columnId(group, key);
                    return (
                      <label key={id} title={key}>
                        <input type="checkbox" checked={chosen.includes(id)} onChange={() => toggle(id)} />
                        <span className="ellipsis">{key}</span>
                      </label>
                    );
                  })}
                </fieldset>
              );
            })}
          </div>
          {hidden > 0 && <div className="column-picker-more faint">{hidden} more keys — refine the search</div>}
        </div>
      )}
    </div>
  );
}
