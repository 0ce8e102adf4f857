/** The fonts of `.header-button` and `.header-group` (runs-table.css), without the family. */
const KEY_FONT = "600 12px";
const WORD_FONT = "500 10px";
/** `.header-group`'s letter-spacing (0.03em of 10px) per character. */
const WORD_SPACING = 0.3;
/** Without a canvas (tests), a generous average glyph: a kind word gives way early rather than late. */
const FALLBACK_CHAR = 8;

let measurer: { context: CanvasRenderingContext2D; family: string } | null | undefined;
const cache = new Map<string, number>();

function measure(text: string, font: string): number {
  const key = `${font}\u0000${text}`;
  let width = cache.get(key);
  if (width === undefined) {
    if (measurer === undefined) {
      const context = typeof document === "undefined" ? null : document.createElement("canvas").getContext("2d");
      measurer = context ? { context, family: getComputedStyle(document.body).fontFamily } : null;
    }
    if (measurer) {
      measurer.context.font = `${font} ${measurer.family}`;
      width = measurer.context.measureText(text).width;
    } else {
      width = [...text].length * FALLBACK_CHAR;
    }
    cache.set(key, width);
  }
  return width;
}

/**
 * Rendered widths of a header's key and kind word, measured on a canvas rather than in the DOM:
 * headers render once per frame while a column is dragged, and reading layout there would force it.
 * Each text is measured once.
 */
export const headerKeyWidth = (key: string): number => Math.ceil(measure(key, KEY_FONT));
export const headerWordWidth = (word: string): number => Math.ceil(measure(word.toUpperCase(), WORD_FONT) + word.length * WORD_SPACING);
