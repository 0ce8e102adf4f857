import { useState } from "react";
import { clampValue, isLongValue } from "./long-value.js";

/**
 * A param or tag value: short ones as they are; long ones clamped to a preview with "Show more" and a
 * copy button, since selecting 6,000 characters by hand is no way to get them out.
 */
export function LongValueText({ value, label }: { value: string; label: string }) {
  const [expanded, setExpanded] = useState(false);
  const [copied, setCopied] = useState<"yes" | "failed" | undefined>();
  if (!isLongValue(value)) return <span className="mono">{value}</span>;

  const copy = () => {
    navigator.clipboard.writeText(value).then(
      () => setCopied("yes"),
      () => setCopied("failed"),
    );
  };
  return (
    <span className="long-value">
      <span className={`mono long-value-text${expanded ? " is-expanded" : ""}`} data-testid="long-value">
        {expanded ? value : clampValue(value)}
      </span>
      <span className="long-value-actions">
        <button type="button" className="btn btn-small btn-ghost" aria-expanded={expanded} aria-label={`${expanded ? "Show less" : "Show more"} of ${label}`} onClick={() => setExpanded(!expanded)}>
          {expanded ? "Show less" : "Show more"}
        </button>
        <button type="button" className="btn btn-small btn-ghost" aria-label={`Copy ${label}`} onClick={copy}>
          {copied === "yes" ? "Copied" : copied === "failed" ? "Copy failed" : "Copy"}
        </button>
        <span className="faint">{value.length} characters</span>
      </span>
    </span>
  );
}
