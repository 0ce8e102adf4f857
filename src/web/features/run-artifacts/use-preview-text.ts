import { useEffect, useMemo, useState } from "react";
import { isJsonText, jsonLayoutPieces, PIECE_CHARS, startsAsJson } from "./pretty-json.js";
import { textChunks, type TextChunk } from "./text-chunks.js";

/** How a text preview is laid out: as it is, or as JSON read whole or cut at the preview's cap. */
export type TextLayout = "plain" | "json" | "json-cut";

export interface PreviewText {
  chunks: readonly TextChunk[];
  /** Every piece is in; false while the rest of a long JSON layout is still being made. */
  done: boolean;
}

/** Time a background step may take before it hands the page back: well inside a frame's work. */
const STEP_MS = 8;

interface Start {
  text: string;
  first: TextChunk[];
  /** The rest of a JSON layout, a piece at a time, once the whole text is known to be JSON. */
  rest: Iterator<string> | undefined;
  cut: boolean;
}

interface More {
  of: Start;
  chunks: TextChunk[];
  done: boolean;
  /** The whole text turned out not to be JSON after all: `chunks` are the text as it is. */
  plain: boolean;
}

/**
 * The chunks of a text preview. JSON is re-indented a piece at a time (`jsonLayoutPieces`): the
 * first piece during the render, once the text's start reads as JSON, so the first screen shows at
 * once; then, in short tasks, the check that all of it is JSON (else the text is shown as it is)
 * and the other pieces, appended as they come. Other text is all there at once.
 */
export function usePreviewText(text: string, layout: TextLayout): PreviewText {
  const start = useMemo((): Start => {
    const cut = layout === "json-cut";
    if (layout === "plain" || !startsAsJson(text, cut)) return { text, first: textChunks(text), rest: undefined, cut };
    const pieces = jsonLayoutPieces(text, cut);
    const first = pieces.next();
    return { text, first: first.done ? [] : textChunks(first.value), rest: pieces, cut };
  }, [text, layout]);
  const [more, setMore] = useState<More>();

  useEffect(() => {
    const { rest } = start;
    if (!rest) return;
    let chunks: TextChunk[] = [];
    // startsAsJson read a short text whole already.
    let checked = start.text.length <= PIECE_CHARS;
    let timer: ReturnType<typeof setTimeout>;
    const step = () => {
      if (!checked) {
        checked = true;
        // A step of its own: a megabyte's parse is most of a step's budget already.
        if (!isJsonText(start.text, start.cut)) {
          setMore({ of: start, chunks: textChunks(start.text), done: true, plain: true });
          return;
        }
        timer = setTimeout(step, 0);
        return;
      }
      const until = performance.now() + STEP_MS;
      const added: TextChunk[] = [];
      let next = rest.next();
      while (!next.done) {
        added.push(...textChunks(next.value));
        if (performance.now() >= until) break;
        next = rest.next();
      }
      chunks = [...chunks, ...added];
      setMore({ of: start, chunks, done: next.done === true, plain: false });
      if (!next.done) timer = setTimeout(step, 0);
    };
    timer = setTimeout(step, 0);
    return () => clearTimeout(timer);
  }, [start]);

  const extra = more?.of === start ? more : undefined;
  if (extra?.plain) return { chunks: extra.chunks, done: true };
  return { chunks: extra ? [...start.first, ...extra.chunks] : start.first, done: start.rest === undefined || extra?.done === true };
}
