import { memo } from "react";
import type { TextChunk } from "./text-chunks.js";
import { usePreviewText, type TextLayout } from "./use-preview-text.js";

/** One chunk of lines; unchanged chunks are not rendered again as later ones arrive. */
const Chunk = memo(function Chunk({ chunk }: { chunk: TextChunk }) {
  return (
    <span className="artifact-text-chunk" style={{ containIntrinsicSize: `auto ${chunk.width}ch auto ${chunk.lines * 1.5}em` }}>
      {chunk.text}
    </span>
  );
});

/**
 * A text preview in monospace, as chunks of lines that the browser lays out only near the view
 * (`text-chunks.ts`); JSON re-indented as it is shown (`use-preview-text.ts`). Text nodes only:
 * whatever the file holds (HTML, <script>, SVG) is shown as characters, never parsed.
 */
export function PreviewText({ text, layout }: { text: string; layout: TextLayout }) {
  const { chunks, done } = usePreviewText(text, layout);
  return (
    <pre className="artifact-text" data-testid="artifact-text" aria-busy={!done}>
      {chunks.map((chunk, i) => (
        <Chunk key={i} chunk={chunk} />
      ))}
    </pre>
  );
}
