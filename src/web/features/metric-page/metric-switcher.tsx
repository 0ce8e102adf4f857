import { useEffect, useId, useState, type KeyboardEvent } from "react";
import { pickMetricKey } from "./pick-metric-key.js";

interface Props {
  /** The metric keys the shown runs have. */
  keys: readonly string[];
  current: string;
  onSelect: (key: string) => void;
}

/**
 * A searchable list of the shown runs' metrics: an input with the keys as suggestions (the
 * browser's own list, filtered as you type). Picking a suggestion or pressing Enter on text that
 * names one metric opens that metric; Escape puts back the current one.
 */
export function MetricSwitcher({ keys, current, onSelect }: Props) {
  const listId = `metric-keys-${useId().replace(/[^a-zA-Z0-9_-]/g, "")}`;
  const [text, setText] = useState(current);
  useEffect(() => setText(current), [current]);
  const choose = (value: string, exact: boolean): void => {
    const key = pickMetricKey(keys, value, exact);
    if (key !== undefined && key !== current) onSelect(key);
  };
  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>): void => {
    if (e.key === "Enter") choose(text, false);
    else if (e.key === "Escape") setText(current);
  };
  return (
    <label className="metric-switcher">
      Metric
      <input
        className="input"
        type="search"
        list={listId}
        value={text}
        spellCheck={false}
        data-testid="metric-switcher"
        onChange={(e) => {
          setText(e.target.value);
          // A suggestion picked from the list arrives as the whole key: open it at once.
          choose(e.target.value, true);
        }}
        onKeyDown={onKeyDown}
        onBlur={() => setText(current)}
      />
      <datalist id={listId}>
        {keys.map((key) => (
          <option key={key} value={key} />
        ))}
      </datalist>
    </label>
  );
}
