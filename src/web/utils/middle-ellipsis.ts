/** Characters of a label's end kept visible by `splitForMiddleEllipsis`. */
const TAIL = 6;

/**
 * A label split so that, when it does not fit, the ellipsis goes in its middle: `head` may shrink
 * (CSS text-overflow) while `tail` always shows. Keys of one sweep differ at the end
 * (`param_017`, `param_018`), and an ellipsis there made every header read `param_0…`.
 */
export function splitForMiddleEllipsis(label: string): { head: string; tail: string } {
  const chars = [...label];
  const keep = Math.min(TAIL, Math.floor(chars.length / 2));
  return { head: chars.slice(0, chars.length - keep).join(""), tail: chars.slice(chars.length - keep).join("") };
}
