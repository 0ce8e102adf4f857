import { useLayoutEffect, useRef, useState } from "react";

/**
 * An experiment's description as plain text, line breaks kept: no markdown renderer in the runs
 * table's chunk (the run page's would cost the table's first paint), and markdown source reads fine
 * as text. Clamped to three lines; "more" shows up only when there is more.
 */
export function ExperimentDescription({ text }: { text: string }) {
  const [expanded, setExpanded] = useState(false);
  const [overflows, setOverflows] = useState(false);
  const ref = useRef<HTMLDivElement>(null);
  useLayoutEffect(() => {
    const el = ref.current;
    if (el && !expanded) setOverflows(el.scrollHeight > el.clientHeight + 1);
  }, [text, expanded]);
  return (
    <div className="experiment-description" data-testid="experiment-description">
      <div ref={ref} className={expanded ? "experiment-description-text" : "experiment-description-text clamped"}>
        {text}
      </div>
      {(overflows || expanded) && (
        <button type="button" className="link-button" aria-expanded={expanded} onClick={() => setExpanded((e) => !e)}>
          {expanded ? "less" : "more"}
        </button>
      )}
    </div>
  );
}
