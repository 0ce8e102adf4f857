import { useEffect, useState } from "react";
import { copyText } from "./copy-text.js";

/** How long "Copied" stays before the button reads "Copy" again. */
const FEEDBACK_MS = 1500;

/** A small Copy button for an id or value, saying "Copied" (or that it failed) for a moment. */
export function CopyButton({ value, label }: { value: string; label: string }) {
  const [result, setResult] = useState<"copied" | "failed" | undefined>();
  useEffect(() => {
    if (!result) return;
    const timer = setTimeout(() => setResult(undefined), FEEDBACK_MS);
    return () => clearTimeout(timer);
  }, [result]);
  return (
    <button
      type="button"
      className="btn btn-small btn-ghost copy-button"
      aria-label={label}
      title={label}
      onClick={() =>
        void copyText(value).then(
          () => setResult("copied"),
          () => setResult("failed"),
        )
      }
    >
      <span aria-live="polite">{result === "copied" ? "Copied" : result === "failed" ? "Copy failed" : "Copy"}</span>
    </button>
  );
}
