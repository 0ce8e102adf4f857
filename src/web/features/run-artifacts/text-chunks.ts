/** A run of whole lines of a text preview, laid out by the browser only while it is in view. */
export interface TextChunk {
  /** The lines, each with its line feed (the last line of the text may have none). */
  text: string;
  lines: number;
  /** The longest line's length in characters: the chunk's width, in `ch`, while it is not laid out. */
  width: number;
}

/** Lines per chunk: a few screens of the 560 px preview, so a scroll rarely lays out more than two. */
export const LINES_PER_CHUNK = 200;

/**
 * The text cut into chunks of `linesPerChunk` lines. Laying out a megabyte of text at once costs
 * Chromium seconds (one line of a megabyte, or 60,000 short ones); chunks that each skip layout
 * while out of view (`content-visibility: auto`) cost what a screenful does. Together the chunks'
 * texts are the text.
 */
export function textChunks(text: string, linesPerChunk: number = LINES_PER_CHUNK): TextChunk[] {
  const chunks: TextChunk[] = [];
  let start = 0;
  let lines = 0;
  let width = 0;
  let lineStart = 0;
  while (lineStart < text.length) {
    const feed = text.indexOf("\n", lineStart);
    const lineEnd = feed < 0 ? text.length : feed + 1;
    width = Math.max(width, (feed < 0 ? text.length : feed) - lineStart);
    lines++;
    lineStart = lineEnd;
    if (lines === linesPerChunk || lineStart >= text.length) {
      chunks.push({ text: text.slice(start, lineStart), lines, width });
      start = lineStart;
      lines = 0;
      width = 0;
    }
  }
  return chunks;
}
