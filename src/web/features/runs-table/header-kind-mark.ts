/**
 * How a param/metric/tag header shows its kind beside the key: the word (`METRIC`), one letter in a
 * small badge, or nothing. The key is what tells columns apart, so the kind gives way first; the
 * header's title and accessible name always carry both.
 */
export type KindMark = "word" | "letter" | "none";

export interface HeaderSpace {
  /** The column's width in px (while dragged, the dragged width). */
  width: number;
  /** Natural widths in px of the key and of the kind word, as rendered. */
  keyWidth: number;
  wordWidth: number;
  /** Whether a sort arrow takes room after the key. */
  sorted: boolean;
}

/** The header button's side padding, the flex gap, and the sort arrow (header-cell, runs-table.css). */
export const HEADER_PADDING = 16;
export const HEADER_GAP = 4;
export const SORT_ARROW_WIDTH = 10;
/** The letter badge (`.header-kind-letter`). */
export const LETTER_WIDTH = 14;
/** Room a key keeps beside the letter when it cannot show whole anyway: about ten characters. */
const KEY_ROOM_BESIDE_LETTER = 64;

export function kindMark({ width, keyWidth, wordWidth, sorted }: HeaderSpace): KindMark {
  const room = width - HEADER_PADDING - (sorted ? HEADER_GAP + SORT_ARROW_WIDTH : 0);
  if (wordWidth + HEADER_GAP + keyWidth <= room) return "word";
  const besideLetter = room - LETTER_WIDTH - HEADER_GAP;
  // A key cut short anyway keeps the letter while the cut costs it little (a wide column).
  return keyWidth <= besideLetter || besideLetter >= KEY_ROOM_BESIDE_LETTER ? "letter" : "none";
}
