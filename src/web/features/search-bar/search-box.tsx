import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from "react";
import { SEARCH_FIELD_ATTRIBUTE } from "../../app/root-layout.js";
import { checkRunFilter } from "./check-filter.js";
import { FilterMirror } from "./filter-mirror.js";
import { enterCompletes, suggest, type SuggestionSource } from "./suggest.js";
import { valueQueryAt, type ValueQuery } from "./value-query-at.js";
import "./search-box.css";

interface Props {
  /** The filter in effect (from the URL). */
  applied: string;
  /** Called with a filter the parser accepts; an invalid filter is never passed on. */
  onApply: (filter: string) => void;
  source: SuggestionSource;
  /**
   * The tag or param value being typed while the list is open, or undefined: for a caller that
   * completes values from elsewhere too (through `source`). Called after each change of the text
   * or the caret; the caller compares.
   */
  onValueQuery?: (query: ValueQuery | undefined) => void;
}

/**
 * MLflow filter box: checked as you type with the shared parser (mistakes underlined where they
 * are), autocomplete for fields, keys, comparators and values, applied with Enter.
 */
export function SearchBox({ applied, onApply, source, onValueQuery }: Props) {
  const [text, setText] = useState(applied);
  // When the applied filter changes from outside (a cell click, Back), the box follows it.
  const [syncedWith, setSyncedWith] = useState(applied);
  if (syncedWith !== applied) {
    setSyncedWith(applied);
    setText(applied);
  }
  const [caret, setCaret] = useState(applied.length);
  const [open, setOpen] = useState(false);
  const [highlight, setHighlight] = useState(0);
  // After moving through the list with the arrows, Enter picks whatever is highlighted.
  const [navigated, setNavigated] = useState(false);
  const [scrollLeft, setScrollLeft] = useState(0);
  const [triedInvalid, setTriedInvalid] = useState(false);
  const inputRef = useRef<HTMLInputElement>(null);
  const pendingCaret = useRef<number | undefined>(undefined);
  // Where the last edit left the caret: a list the user did not open by typing there (a click into
  // the box, a caret moved with the arrow keys) never lets Enter complete a word.
  const lastEdit = useRef<{ text: string; caret: number } | undefined>(undefined);
  const errorId = useId();
  const listId = useId();

  const check = useMemo(() => checkRunFilter(text), [text]);
  const suggestions = useMemo(() => (open ? suggest(text, caret, source) : undefined), [open, text, caret, source]);
  const items = suggestions?.items ?? [];
  useEffect(() => onValueQuery?.(open ? valueQueryAt(text, caret) : undefined), [open, text, caret, onValueQuery]);
  const dirty = text.trim() !== applied.trim();

  useEffect(() => {
    const input = inputRef.current;
    if (input && pendingCaret.current !== undefined) {
      input.setSelectionRange(pendingCaret.current, pendingCaret.current);
      pendingCaret.current = undefined;
    }
  });

  const edit = (next: string, nextCaret: number) => {
    lastEdit.current = { text: next, caret: nextCaret };
    setText(next);
    setCaret(nextCaret);
    setHighlight(0);
    setNavigated(false);
    setTriedInvalid(false);
  };
  /** Puts the suggestion in; the new text. */
  const accept = (index: number): string | undefined => {
    const item = items[index];
    if (!item || !suggestions) return undefined;
    const next = text.slice(0, suggestions.from) + item.insert + text.slice(suggestions.to);
    const at = suggestions.from + item.insert.length;
    pendingCaret.current = at;
    edit(next, at);
    return next;
  };
  const apply = () => {
    if (!check.ok) {
      setTriedInvalid(true);
      return;
    }
    setOpen(false);
    onApply(text.trim());
  };

  // Whether the caret is where the user's last edit left it: the list is then about what they type.
  const typedHere = (): boolean => lastEdit.current?.text === text && lastEdit.current.caret === caret;
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    const listOpen = open && items.length > 0;
    if (event.key === "ArrowDown" && listOpen) {
      event.preventDefault();
      setNavigated(true);
      setHighlight((h) => (h + 1) % items.length);
    } else if (event.key === "ArrowUp" && listOpen) {
      event.preventDefault();
      setNavigated(true);
      setHighlight((h) => (h - 1 + items.length) % items.length);
    } else if (event.key === "Tab" && listOpen && !event.shiftKey && (navigated || typedHere())) {
      // Tab completes what is being typed; in a box the user only passes through (the list opens
      // on focus), it moves the focus on as everywhere else.
      event.preventDefault();
      accept(highlight);
    } else if (event.key === "Enter") {
      event.preventDefault();
      if (listOpen && suggestions && (navigated || (typedHere() && enterCompletes(text, suggestions, items[highlight])))) {
        const next = accept(highlight);
        // A value ends what was typed (`params.lr = 0.001` becomes `… = '0.001'`): Enter also applies
        // the filter when that makes it whole, as "Press Enter to apply" promised. Tab only completes.
        if (suggestions.context === "value" && next !== undefined && checkRunFilter(next).ok) {
          setOpen(false);
          onApply(next.trim());
        }
      } else apply();
    } else if (event.key === "Escape") {
      if (open) setOpen(false);
      else inputRef.current?.blur();
    }
  };

  // A mistake that is only unfinished typing is shown quietly until Enter is pressed.
  const incomplete = !check.ok && check.incomplete !== undefined && !triedInvalid;
  const state = check.ok ? "" : incomplete ? " is-incomplete" : " is-invalid";
  return (
    <div className="search-box">
      <div className={`search-field${state}`}>
        <div className="search-input-wrap">
          <FilterMirror text={text} error={check.ok ? undefined : check} scrollLeft={scrollLeft} />
          <input
            ref={inputRef}
            className="search-input"
            type="text"
            spellCheck={false}
            autoComplete="off"
            placeholder="Filter runs: metrics.loss < 0.5 AND tags.team = 'vision'   ( / )"
            aria-label="Filter runs"
            aria-invalid={!check.ok}
            aria-describedby={check.ok ? undefined : errorId}
            role="combobox"
            aria-expanded={open && items.length > 0}
            aria-controls={listId}
            aria-autocomplete="list"
            value={text}
            onChange={(e) => {
              edit(e.target.value, e.target.selectionStart ?? e.target.value.length);
              setOpen(true);
            }}
            onSelect={(e) => setCaret(e.currentTarget.selectionStart ?? 0)}
            onScroll={(e) => setScrollLeft(e.currentTarget.scrollLeft)}
            onKeyUp={(e) => setScrollLeft(e.currentTarget.scrollLeft)}
            onFocus={() => setOpen(true)}
            onBlur={() => setOpen(false)}
            onKeyDown={onKeyDown}
            {...{ [SEARCH_FIELD_ATTRIBUTE]: "" }}
          />
        </div>
        {!check.ok ? (
          <div id={errorId} className="search-message" role={incomplete ? undefined : "alert"} data-testid="filter-error">
            {incomplete ? check.incomplete?.message : check.message}
          </div>
        ) : (
          dirty && <div className="search-message faint">Press Enter to apply</div>
        )}
        {open && items.length > 0 && (
          <ul className="popover search-suggestions" id={listId} role="listbox" aria-label="Suggestions">
            {items.map((item, i) => (
              <li
                key={`${item.label}:${i}`}
                role="option"
                aria-selected={i === highlight}
                className={i === highlight ? "is-highlighted" : undefined}
                onMouseDown={(e) => {
                  e.preventDefault();
                  accept(i);
                }}
                onMouseEnter={() => setHighlight(i)}
              >
                <span className="mono">{item.label}</span>
                {item.detail && <span className="faint">{item.detail}</span>}
              </li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" className="btn btn-primary" onClick={apply} disabled={!dirty && check.ok}>
        Apply
      </button>
      {(text || applied) && (
        <button
          type="button"
          className="btn btn-ghost"
          onClick={() => {
            edit("", 0);
            onApply("");
          }}
        >
          Clear
        </button>
      )}
    </div>
  );
}
